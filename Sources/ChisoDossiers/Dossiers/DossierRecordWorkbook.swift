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
            let found = Set(header.compactMap(options.vocabulary.column))
            let missing = DossierRecordColumn.required.first { !found.contains($0) }!
            throw DossierRecordError.missingColumn(file: sheet.displayName, column: missing.rawValue, header: header)
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
        bytes.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var lineStart = 0
            while lineStart < count, let newline = memchr(base + lineStart, 0x0A, count - lineStart) {
                let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                scanner.line(base + lineStart, end - lineStart)
                lineStart = end + 1
                if options.strict && scanner.result.bad > 0 { break }
            }
        }
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
