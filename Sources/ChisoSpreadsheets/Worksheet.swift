import ChisoCore
import Foundation

/// One worksheet as cell text by row and column (both 1-based), with its merged ranges.
public struct Worksheet: Sendable {
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

    /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

    /// Reads a worksheet part (`xl/worksheets/sheetN.xml`) with the workbook's shared strings and
    /// the indices of its date-formatted cell styles. A cell reference beyond Excel's limits, a
    /// numeric cell whose value is not a number, or a shared string that does not exist is an
    /// error naming the cell; rows and cells written without a reference take the next position.
    public init(data: Data, name: String, workbook: String, sharedStrings: [String], dateStyles: Set<Int>) throws(DataError) {
        self.name = name
        let displayName = "\(workbook)[\(name)]"
        self.displayName = displayName
        var rows: [Int: [Int: Cell]] = [:]
        var merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
        var row = 0, column = 0
        var cell: (row: Int, column: Int, type: String, style: Int)?
        var inline = ""
        var failure: DataError?
        func fail(_ reason: String) {
            if failure == nil { failure = .unreadable(path: displayName, reason: reason) }
        }
        func store(_ value: Cell, at position: (row: Int, column: Int, type: String, style: Int)) {
            rows[position.row, default: [:]][position.column] = value
        }
        do throws(XMLSyntaxError) {
            try XMLEvents.parse(data, start: { element, attributes in
                guard failure == nil else { return }
                switch element {
                case "row":
                    if let reference = attributes["r"] {
                        guard let number = Int(reference), (1...Self.maximumRow).contains(number) else {
                            return fail("row number '\(reference)' is outside 1…\(Self.maximumRow)")
                        }
                        row = number
                    } else {
                        row += 1
                    }
                    column = 0
                case "c":
                    if let reference = attributes["r"] {
                        guard let position = Self.cellReference(reference) else {
                            return fail("cell reference '\(reference)' is not a cell of a worksheet (A1 to XFD\(Self.maximumRow))")
                        }
                        (row, column) = (max(row, position.row), position.column)
                        cell = (position.row, position.column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
                    } else {
                        column += 1
                        guard row >= 1, column <= Self.maximumColumn else { return fail("a cell without a reference lies outside the sheet") }
                        cell = (row, column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
                    }
                    inline = ""
                case "mergeCell":
                    if let reference = attributes["ref"], let range = Self.range(reference) { merges.append(range) }
                default: break
                }
            }, end: { element, text in
                guard failure == nil, let current = cell else { return }
                let reference = "\(Self.columnName(current.column))\(current.row)"
                switch element {
                case "t": inline += text
                case "v":
                    switch current.type {
                    case "s":
                        guard let index = Int(text), sharedStrings.indices.contains(index) else {
                            return fail("cell \(reference) refers to a missing shared string")
                        }
                        store(Cell(text: sharedStrings[index], isNumber: false), at: current)
                    case "n":
                        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                            return fail("cell \(reference) is stored as a number but holds '\(text)'")
                        }
                        // A date-formatted cell is a date only within Excel's dates (1900-01-01 to 9999-12-31).
                        if dateStyles.contains(current.style), (1...2_958_465).contains(value) {
                            store(Cell(text: Self.date(serial: value), isNumber: false), at: current)
                        } else {
                            store(Cell(text: Self.decimal(value), isNumber: true), at: current)
                        }
                    case "b": store(Cell(text: text == "1" ? "TRUE" : "FALSE", isNumber: false), at: current)
                    default: store(Cell(text: text, isNumber: false), at: current)
                    }
                case "is": store(Cell(text: inline, isNumber: false), at: current)
                case "c": cell = nil
                default: break
                }
            })
        } catch {
            throw .unreadable(path: displayName, reason: "the sheet's XML is malformed: \(error)")
        }
        if let failure { throw failure }
        self.rows = rows
        self.merges = merges
    }

    /// "B12" → (12, 2); nil for anything that is not a cell within Excel's limits.
    static func cellReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A:
                guard digits == 0 else { return nil }
                column = column * 26 + Int(byte & 0xDF) - 64
                if column > maximumColumn { return nil }
            case 0x30...0x39:
                row = row * 10 + Int(byte) - 48
                digits += 1
                if row > maximumRow { return nil }
            case 0x24:  // "$" of an absolute reference
                continue
            default:
                return nil
            }
        }
        guard column >= 1, row >= 1 else { return nil }
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

    /// The shortest decimal text that reads back as `value`, with a point and no exponent.
    public static func decimal(_ value: Double) -> String { DecimalText.shortest(value) }

    /// A serial day of the 1900 date system as yyyy-mm-dd: serial 1 is 1900-01-01, and serials from
    /// 61 on are one day early because of the fictitious 29 February 1900 (serial 60).
    static func date(serial: Double) -> String {
        let serialDay = Int(serial.rounded(.down))
        return CivilDate.text(Int32(serialDay - (serialDay >= 61 ? 25569 : 25568)))
    }
}
