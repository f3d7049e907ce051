import ChisoCore
import ChisoIO
import Foundation

/// The output formats of a report, from the output file's extension.
public enum ReportOutputFormat: String, Sendable {
    case markdown, html, docx

    /// The format of a path: `.docx`, `.html`/`.htm`, else Markdown.
    public init(path: String?) {
        switch (path.map { ($0 as NSString).pathExtension.lowercased() }) {
        case "docx": self = .docx
        case "html", "htm": self = .html
        default: self = .markdown
        }
    }
}

/// Renders a report's template and writes it as Markdown, HTML or Word.
public enum ReportWriter {
    /// The folder of the default templates: `templates/report` beside the bundled datasets.
    public static func defaultTemplate(_ name: String, language: ReportLanguage, datasets: DatasetLibrary) throws -> ReportTemplate {
        let folder = ((datasets.root as NSString).deletingLastPathComponent as NSString).appendingPathComponent("templates/report")
        let path = (folder as NSString).appendingPathComponent("\(name).\(language.rawValue).mustache")
        guard FileManager.default.fileExists(atPath: path) else { throw ReportError.templatesNotFound(searched: [folder]) }
        return try ReportTemplate(path: path)
    }

    /// The Markdown of a template filled with `values`; a chart the values do not have (no data
    /// to draw) leaves no placeholder.
    public static func markdown(_ template: ReportTemplate, values: [String: Any], known: [String], charts: [String: ReportChart]) throws -> String {
        let text = try template.render(values, known: known)
        let lines = text.components(separatedBy: "\n").filter { line in
            guard line.hasPrefix("!["), case let .chart(_, key)? = ReportBlock.parse(line).first else { return true }
            return charts[key] != nil
        }
        return collapsingBlankLines(lines).joined(separator: "\n")
    }

    /// Blank lines left by sections that rendered nothing collapse to one; none lead.
    static func collapsingBlankLines(_ lines: [String]) -> [String] {
        var kept: [String] = []
        for line in lines {
            let blank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if blank && (kept.last?.trimmingCharacters(in: .whitespaces).isEmpty ?? true) { continue }
            kept.append(line)
        }
        return kept
    }

    /// The report's bytes in `format`.
    public static func output(markdown: String, title: String, charts: [String: ReportChart], format: ReportOutputFormat, language: ReportLanguage) throws -> Data {
        let blocks = ReportBlock.parse(markdown)
        switch format {
        case .markdown:
            // Charts are drawn in HTML and Word; Markdown has nowhere to draw them.
            let lines = markdown.components(separatedBy: "\n").filter { line in
                guard line.hasPrefix("!["), case .chart? = ReportBlock.parse(line).first else { return true }
                return false
            }
            return Data(collapsingBlankLines(lines).joined(separator: "\n").utf8)
        case .html:
            let svgs = charts.mapValues { chart in
                SVGBarChartAdapter.svg(chart)
            }
            return Data(ReportHTML.render(title: title, blocks: blocks, charts: svgs, language: language).utf8)
        case .docx:
            return try ReportDocx.render(blocks: blocks, charts: charts, language: language)
        }
    }
}
