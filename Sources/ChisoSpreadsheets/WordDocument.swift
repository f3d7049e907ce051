import ChisoCore
import Foundation
import ZIPFoundation

/// The text of a Word document (`.docx`): its paragraphs and tables in document order, each
/// table as rows of cell texts. Read from `word/document.xml` with the same limits and XML
/// reader as workbooks; formatting, headers, footers and comments are not read.
public struct WordDocument: Sendable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case table([[String]])
    }

    public let blocks: [Block]

    public init(path: String, limits: WorkbookLimits = WorkbookLimits()) throws(DataError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        try ZIPDirectoryCheck.validate(path: path)
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw .unreadable(path: path, reason: "not a .docx document (not a zip archive)")
        }
        guard let body = try XLSXWorkbook.unpack("word/document.xml", from: archive, path: path, limits: limits) else {
            throw .unreadable(path: path, reason: "not a .docx document (no word/document.xml)")
        }
        var blocks: [Block] = []
        var paragraph = ""
        var tables: [(rows: [[String]], row: [String], cell: String)] = []
        do throws(XMLSyntaxError) {
            try XMLEvents.parse(body, start: { name, _ in
                switch name {
                case "p": paragraph = ""
                case "tbl": tables.append(([], [], ""))
                case "tr": if !tables.isEmpty { tables[tables.count - 1].row = [] }
                case "tc": if !tables.isEmpty { tables[tables.count - 1].cell = "" }
                case "tab": paragraph += "\t"
                case "br": paragraph += "\n"
                default: break
                }
            }, end: { name, text in
                switch name {
                case "t": paragraph += text
                case "p":
                    if tables.isEmpty {
                        blocks.append(.paragraph(paragraph))
                    } else {
                        let cell = tables[tables.count - 1].cell
                        tables[tables.count - 1].cell = cell.isEmpty ? paragraph : cell + " " + paragraph
                    }
                case "tc": if !tables.isEmpty { tables[tables.count - 1].row.append(tables[tables.count - 1].cell) }
                case "tr": if !tables.isEmpty { tables[tables.count - 1].rows.append(tables[tables.count - 1].row) }
                case "tbl":
                    guard let table = tables.popLast() else { break }
                    if tables.isEmpty {
                        blocks.append(.table(table.rows))
                    } else {
                        // A table inside a cell: its text joins the cell.
                        let text = table.rows.map { $0.joined(separator: " ") }.joined(separator: " ")
                        tables[tables.count - 1].cell += (tables[tables.count - 1].cell.isEmpty ? "" : " ") + text
                    }
                default: break
                }
            })
        } catch {
            throw .unreadable(path: path, reason: "word/document.xml is malformed: \(error)")
        }
        self.blocks = blocks
    }
}
