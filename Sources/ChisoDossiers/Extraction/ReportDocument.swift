import ChisoSpreadsheets
import Foundation

/// A report as the extractor reads it: paragraphs and tables in document order.
public struct ReportDocument: Sendable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// Rows of cell texts; the first rows hold the column names.
        case table([[String]])
    }

    public let blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// A text report: each line a paragraph, except a table flattened to text (a line of column
    /// names such as "Tổng Đã xử lý Chưa xử lý Trước hạn Đúng hạn Trễ hạn" followed by lines of
    /// a row label and numbers), which becomes a table.
    public init(text: String) {
        var blocks: [Block] = []
        let lines = text.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            let columns = ReportTables.columns(inHeader: lines[i])
            if columns.count >= 3 {
                var rows: [[String]] = []
                var j = i + 1
                while j < lines.count {
                    let tokens = ReportTables.rowTokens(lines[j])
                    if tokens.values.isEmpty && rows.isEmpty && j - i <= 2 { j += 1; continue }  // a line of sub-headers
                    guard tokens.values.count >= columns.count else { break }
                    rows.append(ReportTables.alignedRow(label: tokens.label, values: tokens.values, columns: columns))
                    j += 1
                }
                if !rows.isEmpty {
                    blocks.append(.paragraph(lines[i]))
                    blocks.append(.table([ReportTables.header(columns)] + rows))
                    i = j
                    continue
                }
            }
            blocks.append(.paragraph(lines[i]))
            i += 1
        }
        self.blocks = blocks
    }

    /// A Word document's paragraphs and tables.
    public init(word: WordDocument) {
        blocks = word.blocks.map { block in
            switch block {
            case let .paragraph(text): return .paragraph(text)
            case let .table(rows): return .table(rows)
            }
        }
    }
}
