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

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// Appends `shortest(value)` as UTF-8 to `bytes`, writing the digits itself for the common
    /// numbers (an integer, or fewer than ten decimals below a million) and through the standard
    /// library's shortest form otherwise.
    public static func appendShortest(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else { bytes += Array((value.isNaN ? "nan" : value < 0 ? "-inf" : "inf").utf8); return }
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value), to: &bytes)
            return
        }
        // Below a million, two multiples of 10⁻⁹ cannot both read back as the same double, so the
        // first number of decimals d whose nearest multiple of 10⁻ᵈ reads back is the shortest form.
        if abs(value) < 1e6 {
            for d in 1..<powersOfTen.count {
                let scaled = (abs(value) * powersOfTen[d]).rounded()
                guard Double(scaled) / powersOfTen[d] == abs(value) else { continue }
                let digits = Int64(scaled)
                if value < 0 { bytes.append(0x2D) }
                appendInteger(digits / Int64(powersOfTen[d]), to: &bytes)
                bytes.append(0x2E)
                var fraction = digits % Int64(powersOfTen[d])
                var place = Int64(powersOfTen[d]) / 10
                while place > 0 {
                    bytes.append(UInt8(0x30 + fraction / place))
                    fraction %= place
                    place /= 10
                }
                return
            }
        }
        let text = value.description
        // Swift writes an exponent only outside [0.0001, 2⁵³).
        if !(1e-3..<1e15).contains(abs(value)) && text.utf8.contains(where: { $0 == 0x65 || $0 == 0x45 }) {
            bytes.append(contentsOf: withoutExponent(text).utf8)
        } else {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Appends the decimal digits of `n` (with its sign).
    public static func appendInteger(_ n: Int64, to bytes: inout [UInt8]) {
        if n < 0 { bytes.append(0x2D) }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(0x30 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
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
