import ChisoCore
import Foundation

/// One worksheet as cell text by row and column (both 1-based), with its merged ranges.
public struct XLSXSheet: Sendable {
    public let name: String
    /// The workbook and sheet, as error messages name them: `file.xlsx[Sheet1]`.
    public let displayName: String
    /// One cell's text, and whether the workbook stored it as a number.
    public struct Cell: Sendable, Equatable {
        public let text: String
        public let isNumber: Bool

        public init(text: String, isNumber: Bool) {
            self.text = text
            self.isNumber = isNumber
        }
    }

    /// Cells by row, then column: shared and inline strings as written, numbers in their
    /// shortest exact decimal form with a point, dates of date-formatted cells as yyyy-mm-dd.
    public let rows: [Int: [Int: Cell]]
    /// Merged ranges: rows and columns, 1-based, inclusive.
    public let merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)]

    init(data: Data, name: String, workbook: String, sharedStrings: [String], dateStyles: Set<Int>) throws(DataError) {
        self.name = name
        displayName = "\(workbook)[\(name)]"
        var rows: [Int: [Int: Cell]] = [:]
        var merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
        var cell: (row: Int, column: Int, type: String, style: Int)?
        var inline = ""
        var failure: DataError?
        let displayName = self.displayName
        let parsed = XMLEvents.parse(data, start: { element, attributes in
            switch element {
            case "c":
                guard let reference = attributes["r"], let (row, column) = Self.cellReference(reference) else { return }
                cell = (row, column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
                inline = ""
            case "mergeCell":
                if let ref = attributes["ref"], let range = Self.range(ref) { merges.append(range) }
            default: break
            }
        }, end: { element, text in
            guard let current = cell else { return }
            switch element {
            case "t": inline += text
            case "v":
                switch current.type {
                case "s":
                    guard let index = Int(text), sharedStrings.indices.contains(index) else {
                        failure = .unreadable(path: displayName, reason: "cell \(Self.columnName(current.column))\(current.row) refers to a missing shared string")
                        return
                    }
                    rows[current.row, default: [:]][current.column] = Cell(text: sharedStrings[index], isNumber: false)
                case "n":
                    guard let value = Double(text) else { return }
                    let isDate = dateStyles.contains(current.style)
                    rows[current.row, default: [:]][current.column] = Cell(text: isDate ? Self.date(serial: value) : Self.decimal(value), isNumber: !isDate)
                case "b": rows[current.row, default: [:]][current.column] = Cell(text: text == "1" ? "TRUE" : "FALSE", isNumber: false)
                default: rows[current.row, default: [:]][current.column] = Cell(text: text, isNumber: false)
                }
            case "is": rows[current.row, default: [:]][current.column] = Cell(text: inline, isNumber: false)
            case "c": cell = nil
            default: break
            }
        })
        if let failure { throw failure }
        guard parsed else { throw .unreadable(path: displayName, reason: "the sheet's XML is malformed") }
        self.rows = rows
        self.merges = merges
    }

    /// "B12" → (12, 2).
    static func cellReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, digits = ""
        for character in text.uppercased() {
            if let ascii = character.asciiValue, (65...90).contains(ascii), digits.isEmpty {
                column = column * 26 + Int(ascii - 64)
            } else if character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (row, column)
    }

    /// "B1:D2" → rows 1…2, columns 2…4.
    static func range(_ text: String) -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2, let a = cellReference(parts[0]), let b = cellReference(parts[1]), a.row <= b.row, a.column <= b.column else { return nil }
        return (a.row...b.row, a.column...b.column)
    }

    /// 2 → "B", 28 → "AB".
    public static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Shortest round-trip decimal text with a point and no exponent for ordinary magnitudes.
    public static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A serial day of the 1900 date system as yyyy-mm-dd (serial 60, the fictitious 29 Feb 1900, excluded).
    static func date(serial: Double) -> String {
        let days = Int(serial.rounded(.down)) - (serial >= 61 ? 1 : 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 1899, month: 12, day: 31))!
        let day = calendar.date(byAdding: .day, value: days, to: start)!
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
