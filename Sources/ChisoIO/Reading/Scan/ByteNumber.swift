/// Numbers read from bytes without making a `String`, for the common cells of large files:
/// an optional sign, digits, and one kind of separator. Anything else (spaces inside, `%`, a
/// Unicode minus, several decimal marks) returns nil and is read by `NumberSyntax` from text,
/// so both ways give the same evidence and the same value.
enum ByteNumber {
    /// What a cell says about the decimal separator, and its value under `convention` (nil when
    /// it is not a valid number under it).
    struct Reading {
        let evidence: NumberSyntax.Evidence
        let value: Double?
    }

    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { product, _ in product * 10 } }

    /// The reading of `length` bytes at `p` (already trimmed, not empty), or nil when the cell
    /// needs the text path.
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, _ length: Int, convention: DecimalSeparator) -> Reading? {
        var i = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B {
            negative = p[0] == 0x2D
            i = 1
        }
        let bodyStart = i
        guard bodyStart < length else { return nil }
        var commas = 0, points = 0
        var lastComma = -1, lastPoint = -1
        while i < length {
            let b = p[i]
            if b == 0x2C { commas += 1; lastComma = i } else if b == 0x2E { points += 1; lastPoint = i } else if b &- 0x30 > 9 { return nil }
            i += 1
        }
        // Only the simple forms: digits, or digits with one separator between digits.
        guard commas + points <= 1 else { return nil }
        if commas + points == 0 {
            return Reading(evidence: .integer, value: finite(digitsValue(p, from: bodyStart, to: length, fractionStart: length, negative: negative)))
        }
        let separator = commas == 1 ? lastComma : lastPoint
        let before = separator - bodyStart, after = length - separator - 1
        guard before > 0, after > 0 else { return nil }
        let isComma = commas == 1
        let evidence: NumberSyntax.Evidence
        if after == 3 && before <= 3 && p[bodyStart] != 0x30 {
            evidence = .ambiguous
        } else {
            evidence = .decided(isComma ? .comma : .point)
        }
        let isDecimalMark = isComma == (convention == .comma)
        if isDecimalMark {
            return Reading(evidence: evidence, value: finite(digitsValue(p, from: bodyStart, to: length, fractionStart: separator, negative: negative)))
        }
        // A thousands group mark: one to three digits before it, exactly three after.
        guard before <= 3 && after == 3 else { return Reading(evidence: evidence, value: nil) }
        return Reading(evidence: evidence, value: digitsValue(p, from: bodyStart, to: length, fractionStart: length, negative: negative, skipping: separator))
    }

    /// Numbers beyond the largest double are refused, never read as infinity.
    @inline(__always)
    private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    /// The value of the digits in [from, to), those from `fractionStart + 1` on after the decimal
    /// mark (the byte at `fractionStart`, and at `skipping`, is not a digit). Exact when the digits
    /// fit in 2^53 and the fraction has at most 22 digits (the quotient of two exact doubles is
    /// correctly rounded); otherwise read by the standard library from the plain numeral.
    @inline(__always)
    private static func digitsValue(_ p: UnsafePointer<UInt8>, from: Int, to: Int, fractionStart: Int, negative: Bool, skipping: Int = -1) -> Double {
        var mantissa: UInt64 = 0
        var digits = 0
        var overflow = false
        for i in from..<to where i != fractionStart && i != skipping {
            let d = UInt64(p[i] &- 0x30)
            if digits < 19 { mantissa = mantissa &* 10 &+ d } else { overflow = true }
            if mantissa > 0 { digits += 1 }
        }
        let fractionDigits = fractionStart < to ? to - fractionStart - 1 : 0
        if !overflow && mantissa <= 1 << 53 && fractionDigits <= 22 {
            let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -magnitude : magnitude
        }
        var plain = negative ? "-" : ""
        for i in from..<to where i != skipping {
            plain.unicodeScalars.append(i == fractionStart ? "." : Unicode.Scalar(p[i]))
        }
        return Double(plain) ?? .nan
    }
}
