import ChisoCore
/// Checks that input bytes are UTF-8 and strips a byte-order mark.
///
/// Vietnamese files from older systems come in Windows-1258 or TCVN3 (ABC); those are
/// rejected with the position of the first invalid byte and a guess at the encoding,
/// never decoded by guesswork.
public enum TextDecoding {
    /// The bytes after a UTF-8 byte-order mark, if any.
    /// - Throws: `DataError.utf16` for a UTF-16 BOM, `DataError.notUTF8` at the first invalid sequence.
    public static func utf8Body(of bytes: [UInt8], file: String) throws(DataError) -> ArraySlice<UInt8> {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw .utf16(file: file)
        }
        var body = bytes[...]
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { body = bytes[3...] }
        if let bad = firstInvalidUTF8(body) {
            let (line, column) = lineAndColumn(of: bad, in: body)
            let location = SourceLocation(file: file, line: line, column: column)
            if isTruncatedSequence(body, at: bad) { throw .truncatedUTF8(at: location) }
            if hasMultibyteUTF8(body[..<bad]) { throw .damagedUTF8(at: location) }
            throw .notUTF8(at: location, likelyEncoding: guessLegacyEncoding(body))
        }
        return body
    }

    /// Whether the bytes from `index` to the end are the start of a UTF-8 sequence cut short:
    /// a lead byte followed only by continuation bytes, too few of them, up to the end.
    static func isTruncatedSequence(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
        let rest = bytes[(index + 1)...]
        return length > 0 && rest.count < length - 1 && rest.allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// Whether `bytes` (valid UTF-8) hold any multi-byte character: a file that is UTF-8 up to a
    /// bad byte is a damaged UTF-8 file, not a legacy encoding.
    static func hasMultibyteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 >= 0xC2 }
    }

    /// The index of the first byte that starts an invalid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { Validation.firstInvalidUTF8($0, from: 0) }.map { bytes.startIndex + $0 }
    }

    /// 1-based line and character column of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        while i < offset {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    /// Windows-1258 writes tones as combining marks (bytes CC, EC, D2, DE, F2); TCVN3 uses
    /// precomposed letters across A1–FF. The share of the combining-mark bytes tells them apart.
    static func guessLegacyEncoding(_ bytes: ArraySlice<UInt8>) -> String {
        let high = bytes.filter { $0 >= 0x80 }
        guard !high.isEmpty else { return "a legacy 8-bit encoding" }
        let toneMarks: Set<UInt8> = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2]
        let share = Double(high.filter { toneMarks.contains($0) }.count) / Double(high.count)
        return share > 0.25 ? "Windows-1258 (CP1258)" : "TCVN3 (ABC) or another 8-bit Vietnamese encoding"
    }
}
