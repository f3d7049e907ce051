import ChisoCore
import Foundation

/// The output formats every table can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// RFC 4180 CSV with column ids as headers, numbers in full precision
    /// (`;`-separated with decimal commas under `--decimal-comma`).
    case csv
    /// An array of objects keyed by column id; missing values are `null`.
    case json
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// An Excel workbook (binary: written by `XLSXWriter`, to a file).
    case xlsx
    /// A Vega-Lite v5 chart spec with the data inline, for tables that declare a chart.
    case vegaLite = "vega-lite"
    /// The same chart drawn as a standalone SVG.
    case svg

    /// The format as text, nil for the binary workbook.
    public var textFormat: TextFormat? { TextFormat(rawValue: rawValue) }
}

/// The output formats that are text.
public enum TextFormat: String, Sendable, CaseIterable {
    case table
    case csv
    case json
    case markdown
    case vegaLite = "vega-lite"
    case svg
}

/// Writes a `Table` in one of the output formats.
public struct TableWriter: Sendable {
    public var language: Language
    public var numbers: NumberStyle
    /// Colour the numbers of toned columns in the terminal format (green good news, red bad).
    public var color: Bool
    /// The terminal's width: left-aligned text columns are cut with "…" to fit it.
    public var maxWidth: Int?
    /// Units to stand out in a chart.
    public var highlight: [String] = []
    /// Start CSV with a UTF-8 byte-order mark, which Excel on Windows needs to read Vietnamese
    /// text as UTF-8.
    public var byteOrderMark = false

    /// The UTF-8 byte-order mark that starts CSV under `byteOrderMark`.
    public static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(language: Language = .en, numbers: NumberStyle = NumberStyle(), color: Bool = false, maxWidth: Int? = nil) {
        self.language = language
        self.numbers = numbers
        self.color = color
        self.maxWidth = maxWidth
    }

    /// The bytes of `table` in `format`: UTF-8 text, or an `.xlsx` workbook.
    public func encoded(_ table: Table, as format: OutputFormat) throws(DataError) -> Data {
        guard let text = format.textFormat else { return try XLSXWriter(language: language).workbook(table) }
        let bom = byteOrderMark && text == .csv ? Data(Self.utf8ByteOrderMark) : Data()
        return bom + Data(render(table, as: text).utf8)
    }

    /// The whole text of `table` in `format`, ending with a newline.
    public func render(_ table: Table, as format: TextFormat) -> String {
        switch format {
        case .table: return text(table.shown(on: .screen))
        case .csv: return csv(table.shown(on: .data))
        case .json: return json(table.shown(on: .data))
        case .markdown: return markdown(table.shown(on: .screen))
        case .vegaLite: return vegaLite(table)
        case .svg: return svg(table)
        }
    }

    private func screenText(_ cell: Table.Cell) -> String {
        switch cell {
        case let .text(s): return FormulaNeutralizing.inert(s)
        case let .localized(t): return FormulaNeutralizing.inert(t.text(language))
        case let .number(x, precision): return numbers.fixed(x, precision: precision)
        case let .integer(n): return String(n)
        case .missing: return "–"
        }
    }

    private func text(_ table: Table) -> String {
        let headers = table.columns.map { $0.header.text(language) }
        let body = table.rows.map { $0.map(screenText) }
        var widths = headers.map(displayWidth)
        for row in body { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], displayWidth(cell)) } }
        if let maxWidth { widths = fitted(widths, alignments: table.columns.map(\.alignment), maxWidth: maxWidth) }
        func line(_ cells: [String], values: [Table.Cell]? = nil) -> String {
            var parts: [String] = []
            for (j, cell) in cells.enumerated() {
                let column = table.columns[j]
                var part = padded(truncated(cell, to: widths[j]), to: widths[j], alignment: column.alignment)
                if color, case let .number(x, _)? = values?[j] { part = colored(part, value: x, tone: column.tone) }
                if color, case let .integer(n)? = values?[j] { part = colored(part, value: Double(n), tone: column.tone) }
                parts.append(part)
            }
            var joined = parts.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return joined
        }
        var out = ""
        if let title = table.title { out += title.text(language) + "\n\n" }
        out += line(headers) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for (row, cells) in zip(body, table.rows) { out += line(row, values: cells) + "\n" }
        if !table.footnotes.isEmpty {
            out += "\n"
            for note in table.footnotes { out += note.text(language) + "\n" }
        }
        return out
    }

    /// The CSV rows of `table` without the header line: the continuation of a table written in
    /// batches, whose first batch is written by `encoded`.
    public func csvRows(_ table: Table) -> Data {
        Data(csv(table.shown(on: .data), header: false).utf8)
    }

    private func csv(_ table: Table, header: Bool = true) -> String {
        var out = CSVBytes(numbers: numbers)
        func write(_ cell: Table.Cell) {
            switch cell {
            case let .text(s): out.text(s)
            case let .localized(t): out.text(t.text(language))
            case let .number(x, _): out.number(x)
            case let .integer(n): out.integer(n)
            case .missing: out.missing()
            }
        }
        // Column ids are stable for scripts; in Vietnamese the headers are the labels people read.
        if header {
            for column in table.columns { out.text(language == .vi ? column.header.vi : column.id) }
            out.endRow()
        }
        for row in table.rows {
            row.forEach(write)
            out.endRow()
        }
        return String(decoding: out.finish(), as: UTF8.self)
    }

    func json(_ table: Table) -> String {
        if table.rows.isEmpty { return "[]\n" }
        return "[\n" + jsonObjects(table) + "\n]\n"
    }

    /// The rows of `table` (as shown in data formats) as JSON objects, one per line, separated
    /// by commas: the inside of the array `json` writes, for a large result written in batches.
    public func jsonRows(_ table: Table) -> Data {
        Data(jsonObjects(table.shown(on: .data)).utf8)
    }

    private func jsonObjects(_ table: Table) -> String {
        let plain = NumberStyle(decimalComma: false)
        func value(_ cell: Table.Cell) -> String {
            switch cell {
            case let .text(s): return jsonString(s)
            case let .localized(t): return jsonString(t.text(language))
            case let .number(x, _): return x.isFinite ? plain.full(x) : "null"
            case let .integer(n): return String(n)
            case .missing: return "null"
            }
        }
        return table.rows.map { row in
            "  {" + zip(table.columns, row).map { "\(jsonString($0.id)): \(value($1))" }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n")
    }

    private func markdown(_ table: Table) -> String {
        func escaped(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = ""
        if let title = table.title { out += "**" + escaped(title.text(language)) + "**\n\n" }
        out += "| " + table.columns.map { escaped($0.header.text(language)) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? " ---: " : " :--- " }.joined(separator: "|") + "|\n"
        for row in table.rows { out += "| " + row.map { escaped(screenText($0)) }.joined(separator: " | ") + " |\n" }
        if !table.footnotes.isEmpty {
            out += "\n"
            for note in table.footnotes { out += escaped(note.text(language)) + "\n\n" }
        }
        return out
    }
}

extension Table {
    /// The table without the columns of the other kind of format.
    /// Where a table is shown: on a screen (terminal, Markdown) or as data (CSV, JSON, a workbook).
    enum Medium { case screen, data }

    /// The table with the columns shown on `medium`: those for everywhere and those for it alone.
    func shown(on medium: Medium) -> Table {
        let hidden: Visibility = medium == .screen ? .dataOnly : .screenOnly
        let keep = columns.indices.filter { columns[$0].visibility != hidden }
        var visible = self
        visible.columns = keep.map { columns[$0] }
        visible.rows = rows.map { row in keep.map { row[$0] } }
        return visible
    }
}

/// A JSON string literal for `s`.
/// A JSON string literal: quotes, backslashes and control characters escaped.
public func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
