import ChisoCore
import Foundation

/// A report as one self-contained HTML page: inline CSS for A4 printing, charts as inline SVG,
/// nothing fetched from the network.
public enum ReportHTML {
    public static func render(title: String, blocks: [ReportBlock], charts: [String: String], language: ReportLanguage) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case let .heading(level, text): body += "<h\(level)>\(inline(text))</h\(level)>\n"
            case let .paragraph(text): body += "<p>\(inline(text))</p>\n"
            case let .bullets(items): body += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case let .table(header, rows):
                body += "<table>\n<thead><tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    body += "<tr>" + row.map { "<td\(ReportBlock.isNumeric($0) ? " class=\"n\"" : "")>\(inline($0))</td>" }.joined() + "</tr>\n"
                }
                body += "</tbody>\n</table>\n"
            case let .chart(title, key):
                if let svg = charts[key] { body += "<figure>\(svg)<figcaption>\(xmlEscaped(title))</figcaption></figure>\n" }
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(xmlEscaped(title))</title>
        <style>
        @page { size: A4; margin: 20mm 20mm 20mm 25mm; }
        body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.45; max-width: 170mm; margin: 0 auto; color: #000; }
        h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0 0 12pt; }
        h2 { font-size: 13pt; margin: 14pt 0 6pt; }
        h3, h4 { font-size: 13pt; font-style: italic; margin: 10pt 0 4pt; }
        p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
        table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-size: 11pt; page-break-inside: avoid; }
        th, td { border: 0.5pt solid #000; padding: 2pt 4pt; }
        th { font-weight: bold; text-align: center; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 8pt 0; page-break-inside: avoid; text-align: center; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 11pt; font-style: italic; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func inline(_ text: String) -> String {
        InlineRuns.runs(text).map { $0.bold ? "<strong>\(xmlEscaped($0.text))</strong>" : xmlEscaped($0.text) }.joined()
    }
}
