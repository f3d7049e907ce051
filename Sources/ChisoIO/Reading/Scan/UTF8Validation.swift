/// UTF-8 validation over bytes, eight ASCII bytes at a time.
enum Validation {
    /// The offset of the first byte from `start` that begins an invalid UTF-8 sequence (an
    /// overlong form, a surrogate, a scalar beyond U+10FFFF, a sequence cut short), or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        var i = start
        while i < end {
            if i + 8 <= end, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if base[i] < 0x80 { i += 1; continue }
            guard let length = sequenceLength(base, at: i, end: end) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence that starts with the non-ASCII byte at `i`, or
    /// nil when it is invalid (overlong, a surrogate, beyond U+10FFFF, cut short by `end`).
    @inline(__always)
    static func sequenceLength(_ base: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int? {
        let b = base[i]
        let length: Int
        let minimum: UInt32
        switch b {
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return nil
        }
        guard i + length <= end else { return nil }
        var scalar = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let c = base[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return nil }
        return length
    }
}
