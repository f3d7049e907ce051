import ChisoCore
import ChisoIO
import ChisoSpreadsheets
import Foundation

extension DossierRecordSummarizer {
    /// Records on a workbook sheet: the sheet's rows are written as CSV lines in memory (one
    /// line per sheet row, so line numbers are row numbers) and counted like a CSV file.
    static func summarizeWorkbook(path: String, options: DossierSummaryOptions) throws -> DossierSummary {
        let sheet = try Workbook(path: path).sheet(options.sheet)
        let lastRow = sheet.rows.keys.max() ?? 0
        let lastColumn = sheet.rows.values.compactMap { $0.keys.max() }.max() ?? 0
        func fields(_ row: Int) -> [String] {
            let cells = sheet.rows[row] ?? [:]
            return lastColumn > 0 ? (1...lastColumn).map { cells[$0]?.text ?? "" } : []
        }
        guard lastRow > 0 else { throw DataError.emptyFile(file: sheet.displayName) }
        var headerRow = 0
        var layout: RecordLayout? = nil
        for row in 1...min(30, lastRow) {
            if let found = Self.layout(fields(row), separator: 0x2C, vocabulary: options.vocabulary) {
                headerRow = row
                layout = found
                break
            }
        }
        guard let layout else {
            let header = (1...min(30, lastRow)).lazy.map(fields).first { $0.contains { !$0.isEmpty } } ?? []
            throw missingColumn(header, file: sheet.displayName, vocabulary: options.vocabulary)
        }
        var bytes: [UInt8] = []
        if headerRow < lastRow {
            for row in (headerRow + 1)...lastRow {
                if sheet.rows[row] != nil {
                    bytes += fields(row).map(quoted).joined(separator: ",").utf8
                }
                bytes.append(0x0A)
            }
        }
        let context = try makeContext(layout: layout, options: options)
        var scanner = RecordScanner(context: context)
        defer { scanner.deallocate() }
        let count = bytes.count
        bytes += [UInt8](repeating: 0, count: RecordScanner.readPadding)
        bytes.withUnsafeMutableBufferPointer { buffer in _ = scanner.lines(buffer.baseAddress!, count) }
        return try merge([scanner.finish()], path: sheet.displayName, headerLine: headerRow, context: context)
    }

    /// A cell as a CSV field: quoted when it holds a comma, a quote or a line break (which
    /// becomes a space: a record is one line).
    private static func quoted(_ text: String) -> String {
        let flat = text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
        guard flat.contains(",") || flat.contains("\"") else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
