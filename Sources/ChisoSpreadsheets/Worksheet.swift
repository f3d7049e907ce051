import ChisoCore
import Foundation

/// One worksheet as cell text by row and column (both 1-based), with its merged ranges, whatever
/// file it came from (`.xlsx` or `.xls`).
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

    /// Cells by row, then column: text as written, numbers in their shortest exact decimal form
    /// with a point, dates of date-formatted cells as yyyy-mm-dd.
    public let rows: [Int: [Int: Cell]]
    /// Merged ranges: rows and columns, 1-based, inclusive.
    public let merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)]

    /// A sheet from cells already read; `displayName` names it in messages (`file.xlsx[Sheet1]`).
    public init(name: String, displayName: String, rows: [Int: [Int: Cell]], merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)]) {
        self.name = name
        self.displayName = displayName
        self.rows = rows
        self.merges = merges
    }

    /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

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
    /// 61 on are one day early because of the fictitious 29 February 1900 (serial 60). In the 1904
    /// system (old Mac workbooks) serial 0 is 1904-01-01.
    static func date(serial: Double, from1904: Bool = false) -> String {
        let serialDay = Int(serial.rounded(.down))
        if from1904 { return CivilDate.text(Int32(serialDay - 24107)) }
        return CivilDate.text(Int32(serialDay - (serialDay >= 61 ? 25569 : 25568)))
    }

    /// Whether a date-formatted cell's serial is a date Excel can show (1900-01-01 to 9999-12-31).
    static func isDateSerial(_ value: Double) -> Bool { (1...2_958_465).contains(value) }
}
