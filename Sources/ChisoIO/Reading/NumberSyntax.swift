import Foundation

/// The decimal separator of a file's numbers.
public enum DecimalSeparator: String, Sendable, CaseIterable {
    /// `93,364` is 93.364 and `3.589` is 3589 (Vietnamese documents).
    case comma
    /// `93.364` is 93.364 and `3,589` is 3589.
    case point
}

/// Reading numbers written the Vietnamese way or the English way.
///
/// A cell may carry a trailing `%` (the value stays in percent), spaces, a leading `+`,
/// and a Unicode minus. `1.234,5` and `1,234.5` settle the convention by themselves, as do
/// `91,43` (a comma followed by other than three digits) and `3.589.000` (several groups).
/// `93,364` or `3.589` alone cannot: such a file needs `--decimal-comma` or `--decimal-point`.
public enum NumberSyntax {
    /// What one cell says about the file's decimal separator.
    public enum Evidence: Equatable, Sendable {
        /// The cell is only readable with this separator.
        case decided(DecimalSeparator)
        /// One separator followed by exactly three digits: either convention reads it.
        case ambiguous
        /// No separator at all: an integer.
        case integer
        /// Not a number.
        case notANumber
    }

    /// Missing-value markers, compared after trimming: empty, NA, N/A, NaN, dashes, ellipses, and
    /// KCDL ("không có dữ liệu", no data).
    public static let missingMarkers: Set<String> = ["", "na", "n/a", "nan", "-", "–", "—", "..", "...", "…", "kcdl"]

    /// Whether a cell is an explicit missing value.
    public static func isMissing(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        // No marker is longer than four bytes ("kcdl"; "…" and "–" are three).
        return trimmed.utf8.count <= 4 && missingMarkers.contains(trimmed.lowercased())
    }

    /// The sign and the digits-and-separators core of a cell, or nil when other characters remain.
    static func core(_ text: String) -> (negative: Bool, body: Substring)? {
        var s = Substring(text.trimmingSpaces)
        if s.hasSuffix("%") { s = s.dropLast().drop(while: { $0 == " " }) }
        s = Substring(s.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" })
        var negative = false
        if let first = s.first, first == "-" || first == "\u{2212}" || first == "+" {
            negative = first != "+"
            s = s.dropFirst()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              s.first!.isNumber || s.first == "." || s.first == "," else { return nil }
        return (negative, s)
    }

    /// What `text` says about the decimal separator.
    public static func evidence(_ text: String) -> Evidence {
        byteReading(text, decimal: .point)?.evidence ?? evidenceFromText(text)
    }

    /// The reading of a cell that is plain digits with at most one separator, from its bytes
    /// (`ByteNumber`); nil for any other cell.
    static func byteReading(_ text: String, decimal: DecimalSeparator) -> ByteNumber.Reading? {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let (start, count) = CSVLineFields.trim(base, buffer.count)
            guard count > 0, start[0] < 0x80, start[count - 1] < 0x80 else { return nil }
            return ByteNumber.read(start, count, convention: decimal)
        }
    }

    /// `evidence` read from the text: every form a cell may take.
    static func evidenceFromText(_ text: String) -> Evidence {
        guard let (_, body) = core(text) else { return .notANumber }
        let commas = body.filter { $0 == "," }.count
        let points = body.filter { $0 == "." }.count
        if commas == 0 && points == 0 { return .integer }
        if commas > 0 && points > 0 {
            return body.lastIndex(of: ",")! > body.lastIndex(of: ".")! ? .decided(.comma) : .decided(.point)
        }
        let separator: Character = commas > 0 ? "," : "."
        let count = max(commas, points)
        // Several of the same separator can only be thousands groups.
        if count > 1 { return .decided(separator == "," ? .point : .comma) }
        let parts = body.split(separator: separator, omittingEmptySubsequences: false)
        let before = parts[0], after = parts[1]
        let couldGroupThousands = after.count == 3 && (1...3).contains(before.count) && before.first != "0"
        if couldGroupThousands { return .ambiguous }
        return .decided(separator == "," ? .comma : .point)
    }

    /// The value of `text` read with `decimal`; nil when the text is not a valid number under it.
    /// Thousands groups must have three digits (`1.234.567,5` with a decimal comma).
    public static func parse(_ text: String, decimal: DecimalSeparator) -> Double? {
        if let reading = byteReading(text, decimal: decimal) { return reading.value }
        return parseFromText(text, decimal: decimal)
    }

    /// `parse` read from the text: every form a cell may take.
    static func parseFromText(_ text: String, decimal: DecimalSeparator) -> Double? {
        plainDecimal(text, decimal: decimal).flatMap(Double.init)
    }

    /// Whether `text` is a numeral under `decimal` whose value lies beyond the largest double
    /// (a 400-digit number): such a cell is refused rather than read as infinity.
    public static func overflows(_ text: String, decimal: DecimalSeparator) -> Bool {
        guard let (negative, body) = core(text) else { return false }
        let plain = (negative ? "-" : "") + body.filter { $0.isNumber || String($0) == (decimal == .comma ? "," : ".") }
            .replacingOccurrences(of: ",", with: ".")
        return Double(plain).map { !$0.isFinite } ?? false
    }

    /// `text` rewritten as a plain decimal numeral (`-1234567.5`): sign, digits, one decimal point;
    /// nil when it is not a valid number under `decimal`. Reading this text to double-double
    /// (`DoubleDouble(decimal:)`) keeps the value as written rather than its binary rounding.
    public static func plainDecimal(_ text: String, decimal: DecimalSeparator) -> String? {
        guard let (negative, body) = core(text) else { return nil }
        let decimalMark: Character = decimal == .comma ? "," : "."
        let groupMark: Character = decimal == .comma ? "." : ","
        let pieces = body.split(separator: decimalMark, omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { return nil }
        let integerPart = pieces[0]
        if pieces.count == 2, pieces[1].contains(groupMark) { return nil }
        let groups = integerPart.split(separator: groupMark, omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var plain = groups.joined()
        if pieces.count == 2 {
            guard !pieces[1].isEmpty || !plain.isEmpty else { return nil }
            plain += "." + pieces[1]
        }
        guard !plain.isEmpty, plain != ".", let value = Double(plain), value.isFinite else { return nil }
        return negative ? "-" + plain : plain
    }
}
