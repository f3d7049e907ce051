import ChisoCore
import Foundation

extension Worksheet {
    /// Reads a worksheet part (`xl/worksheets/sheetN.xml`) with the workbook's shared strings and
    /// the indices of its date-formatted cell styles. A cell reference beyond Excel's limits, a
    /// numeric cell whose value is not a number, or a shared string that does not exist is an
    /// error naming the cell; rows and cells written without a reference take the next position.
    public init(xlsxData data: Data, name: String, workbook: String, sharedStrings: [String], dateStyles: Set<Int>) throws(DataError) {
        let displayName = "\(workbook)[\(name)]"
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
                        if dateStyles.contains(current.style), Self.isDateSerial(value) {
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
        self.init(name: name, displayName: displayName, rows: rows, merges: merges)
    }
}
