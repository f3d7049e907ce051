import Foundation

/// The Markdown a template writes, as blocks: headings (`#`), paragraphs, bullet lists (`- `),
/// pipe tables, and charts (`![title](chart:key)`), the subset the HTML and Word writers render.
public enum ReportBlock: Sendable, Equatable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case bullets([String])
    /// Header cells, then rows; a cell that reads as a number is right-aligned.
    case table(header: [String], rows: [[String]])
    case chart(title: String, key: String)

    /// The blocks of a Markdown text; blank lines separate paragraphs, lines of one paragraph join with a space.
    public static func parse(_ markdown: String) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        var paragraph: [String] = []
        var bullets: [String] = []
        var table: [[String]] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))); paragraph = [] }
            if !bullets.isEmpty { blocks.append(.bullets(bullets)); bullets = [] }
            if !table.isEmpty {
                let rows = table.filter { !$0.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
                if let header = rows.first { blocks.append(.table(header: header, rows: Array(rows.dropFirst()))) }
                table = []
            }
        }
        for raw in markdown.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix { $0 == "#" }.count
                blocks.append(.heading(level: min(level, 4), text: line.dropFirst(level).trimmingCharacters(in: .whitespaces)))
            } else if line.hasPrefix("![") , let close = line.range(of: "](chart:"), line.hasSuffix(")") {
                flush()
                let title = String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
                let key = String(line[close.upperBound..<line.index(before: line.endIndex)])
                blocks.append(.chart(title: title, key: key))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty || !table.isEmpty { flush() }
                bullets.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("|") {
                if !paragraph.isEmpty || !bullets.isEmpty { flush() }
                table.append(line.trimmingCharacters(in: CharacterSet(charactersIn: "|")).components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) })
            } else {
                if !bullets.isEmpty || !table.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    /// The text of the blocks as sentences, as `chiso extract` reads a report: headings and
    /// paragraphs as lines, list items as lines.
    public static func plainText(_ blocks: [ReportBlock]) -> String {
        blocks.compactMap { block -> String? in
            switch block {
            case let .heading(_, text): return text
            case let .paragraph(text): return text
            case let .bullets(items): return items.joined(separator: "\n")
            case .table, .chart: return nil
            }
        }.joined(separator: "\n\n")
    }

    /// Whether a cell reads as a number (right-aligned in tables).
    static func isNumeric(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0.isNumber || ".,%-+– ".contains($0) } && cell.contains(where: \.isNumber)
    }
}

/// Inline emphasis of a template's text: `**bold**`, as runs.
enum InlineRuns {
    static func runs(_ text: String) -> [(text: String, bold: Bool)] {
        var runs: [(String, Bool)] = []
        var bold = false
        for (i, piece) in text.components(separatedBy: "**").enumerated() {
            if i > 0 { bold.toggle() }
            if !piece.isEmpty { runs.append((piece, bold)) }
        }
        return runs
    }
}
