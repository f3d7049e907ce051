import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Writes a `Table` as an `.xlsx` workbook: the title in the first row, the headers in the
/// output language on the third, one row per table row with numbers as numeric cells in full
/// precision and missing values as empty cells, and the footnotes on a second sheet — a layout
/// that `--sheet 1` reads back as a table.
public struct XLSXWriter: Sendable {
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    /// The workbook's bytes.
    /// - Throws: `DataError.tooLargeForSheet` for a table Excel could not open.
    public func workbook(_ table: Table) throws(DataError) -> Data {
        let table = table.shown(on: .data)
        guard XLSXSheetLimits.fits(rows: table.rows.count, columns: table.columns.count) else {
            throw .tooLargeForSheet(rows: table.rows.count, columns: table.columns.count)
        }
        var rows: [[XLSXPackageWriter.Cell]] = []
        rows.append([.text(table.title?.text(language) ?? "")])
        rows.append([])
        rows.append(table.columns.map { .text($0.header.text(language)) })
        for row in table.rows {
            rows.append(row.map { cell in
                switch cell {
                case let .text(s): return .text(s)
                case let .localized(t): return .text(t.text(language))
                case let .number(x, _): return x.isFinite ? .number(x) : .empty
                case let .integer(n): return .number(Double(n))
                case .missing: return .empty
                }
            })
        }
        let notes = table.footnotes.map { [XLSXPackageWriter.Cell.text($0.text(language))] }
        let sheetNames = language == .vi ? ["Bảng", "Ghi chú"] : ["Table", "Notes"]
        return try XLSXPackageWriter.workbook([
            XLSXPackageWriter.Sheet(name: sheetNames[0], rows: rows),
            XLSXPackageWriter.Sheet(name: sheetNames[1], rows: notes),
        ])
    }
}
