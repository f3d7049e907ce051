/// Numbers written as plain decimal text.
public enum DecimalText {
    /// The shortest text that reads back as the same `Double`, with a decimal point and never an
    /// exponent (`1e+20` is written `100000000000000000000`, `1.5e-07` is `0.00000015`), so that
    /// every reader of plain numerals — chiso's own included — reads it back; integers below 10¹⁵
    /// have no fractional part. NaN and infinities are written `nan`, `inf`, `-inf`.
    public static func shortest(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendShortest(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The most bytes `writeCommon` and `writeInteger` write.
    public static let longestCommon = 20

    /// Appends `shortest(value)` as UTF-8 to `bytes`, writing the digits itself for the common
    /// numbers (an integer, or fewer than ten decimals below a million) and through the standard
    /// library's shortest form otherwise.
    public static func appendShortest(_ value: Double, to bytes: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let written = withUnsafeMutableBytes(of: &scratch) { buffer -> Bool in
            guard let count = writeCommon(value, to: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)) else { return false }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            return true
        }
        if !written { bytes += Array(uncommon(value).utf8) }
    }

    /// Writes `shortest(value)` at `out` (room for `longestCommon` bytes) when `value` is a common
    /// number: an integer below 10¹⁵, or fewer than ten decimals below a million. Returns the
    /// bytes written, or nil for any other number (written by `uncommon`).
    @inline(__always)
    public static func writeCommon(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard value.isFinite else { return nil }
        let magnitude = abs(value)
        if value == value.rounded(), magnitude < 1e15 { return writeInteger(Int64(value), to: out) }
        // Below a million, two multiples of 10⁻⁹ cannot both read back as the same double, so the
        // first number of decimals d whose nearest multiple of 10⁻ᵈ reads back is the shortest form.
        guard magnitude < 1e6 else { return nil }
        var scale = 1.0, power: Int64 = 1
        for places in 1...9 {
            scale *= 10
            power *= 10
            let scaled = (magnitude * scale).rounded()
            guard scaled / scale == magnitude else { continue }
            let digits = Int64(scaled)
            var count = 0
            if value < 0 {
                out[0] = 0x2D
                count = 1
            }
            count += writeInteger(digits / power, to: out + count)
            out[count] = 0x2E
            var fraction = digits % power
            for place in stride(from: count + places, to: count, by: -1) {
                out[place] = UInt8(0x30 + fraction % 10)
                fraction /= 10
            }
            return count + 1 + places
        }
        return nil
    }

    /// The shortest form of a number `writeCommon` does not write: NaN, infinities, large numbers
    /// and those with ten or more decimals, through the standard library's shortest form.
    public static func uncommon(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : value < 0 ? "-inf" : "inf" }
        let text = value.description
        // Swift writes an exponent only outside [0.0001, 2⁵³).
        if !(1e-3..<1e15).contains(abs(value)) && text.utf8.contains(where: { $0 == 0x65 || $0 == 0x45 }) { return withoutExponent(text) }
        return text
    }

    /// Appends the decimal digits of `n` (with its sign), in one append.
    public static func appendInteger(_ n: Int64, to bytes: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { buffer in
            let count = writeInteger(n, to: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Writes the decimal digits of `n` (with its sign) at `out`, which has room for
    /// `longestCommon` bytes; returns how many.
    @inline(__always)
    public static func writeInteger(_ n: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = n.magnitude
        var length = n < 0 ? 2 : 1
        var rest = magnitude / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        if n < 0 { out[0] = 0x2D }
        var place = length - 1
        repeat {
            out[place] = UInt8(0x30 + magnitude % 10)
            magnitude /= 10
            place -= 1
        } while magnitude > 0
        return length
    }

    /// `1.25e-05` → `0.0000125`, `-3e+16` → `-30000000000000000`; text without an exponent as is.
    static func withoutExponent(_ shortest: String) -> String {
        guard shortest.utf8.contains(where: { $0 == 0x65 || $0 == 0x45 }),
              let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: e)...]) else {
            return shortest
        }
        var mantissa = String(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        let point = parts[0].count + exponent  // position of the decimal point in `digits`
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (negative ? "-" : "") + text
    }
}
