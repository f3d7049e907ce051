/// Numbers written as plain decimal text.
public enum DecimalText {
    /// The shortest text that reads back as the same `Double`, with a decimal point and never an
    /// exponent (`1e+20` is written `100000000000000000000`, `1.5e-07` is `0.00000015`), so that
    /// every reader of plain numerals — chiso's own included — reads it back; integers below 10¹⁵
    /// have no fractional part. NaN and infinities are written `nan`, `inf`, `-inf`.
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return withoutExponent("\(value)")
    }

    /// `1.25e-05` → `0.0000125`, `-3e+16` → `-30000000000000000`; text without an exponent as is.
    static func withoutExponent(_ shortest: String) -> String {
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: e)...]) else {
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
