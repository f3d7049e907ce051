import ChisoCore
import ChisoSpreadsheets
import Foundation

/// A bar chart of a report: categories with one value each.
public struct ReportChart: Sendable {
    public let title: String
    public let valueTitle: String
    public let items: [(label: String, value: Double)]

    public init(title: String, valueTitle: String, items: [(label: String, value: Double)]) {
        self.title = title
        self.valueTitle = valueTitle
        self.items = items
    }
}

/// A report as a Word document (`.docx`): Times New Roman 13 pt, justified paragraphs with a
/// first-line indent as administrative documents are set, headings, bordered tables with the
/// numbers right-aligned, and each chart as a native Word chart (its data travel with it, so it
/// can be edited in Word).
public enum ReportDocx {
    public static func render(blocks: [ReportBlock], charts: [String: ReportChart], language: ReportLanguage) throws -> Data {
        var body = ""
        var chartParts: [(path: String, data: Data)] = []
        var relationships = ""
        for block in blocks {
            switch block {
            case let .heading(level, text):
                body += paragraph(text, style: "Heading\(level)")
            case let .paragraph(text):
                body += paragraph(text, style: nil)
            case let .bullets(items):
                body += items.map { paragraph("– " + $0, style: "ListItem") }.joined()
            case let .table(header, rows):
                body += table(header: header, rows: rows)
            case let .chart(title, key):
                guard let chart = charts[key] else { continue }
                let n = chartParts.count + 1
                chartParts.append(("word/charts/chart\(n).xml", Data(chartXML(chart).utf8)))
                relationships += #"<Relationship Id="rIdChart\#(n)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart\#(n).xml"/>"#
                body += drawing(n, title: title)
            }
        }
        let chartTypes = chartParts.indices.map {
            #"<Override PartName="/word/charts/chart\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>"#
        }.joined()
        let parts: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
                \(chartTypes)</Types>
                """.utf8)),
            ("_rels/.rels", Data("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                </Relationships>
                """.utf8)),
            ("word/_rels/document.xml.rels", Data("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                \(relationships)</Relationships>
                """.utf8)),
            ("word/styles.xml", Data(styles(language).utf8)),
            ("word/document.xml", Data("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
                xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
                xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
                xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><w:body>\
                \(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>\
                </w:body></w:document>
                """.utf8)),
        ] + chartParts
        return try OfficePackage.archive(parts, kind: "docx")
    }

    static func runs(_ text: String, bold: Bool = false) -> String {
        InlineRuns.runs(text).map { run in
            "<w:r>\(run.bold || bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(xmlEscaped(run.text))</w:t></w:r>"
        }.joined()
    }

    static func paragraph(_ text: String, style: String?) -> String {
        "<w:p>\(style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "")\(runs(text))</w:p>"
    }

    static func table(header: [String], rows: [[String]]) -> String {
        let border = #"w:val="single" w:sz="4" w:space="0" w:color="000000""#
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/><w:insideH \(border)/><w:insideV \(border)/></w:tblBorders></w:tblPr>"
        xml += "<w:tblGrid>" + header.map { _ in "<w:gridCol/>" }.joined() + "</w:tblGrid>"
        func cell(_ text: String, bold: Bool, right: Bool) -> String {
            "<w:tc><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(right ? "<w:jc w:val=\"right\"/>" : bold ? "<w:jc w:val=\"center\"/>" : "")</w:pPr>\(runs(text, bold: bold))</w:p></w:tc>"
        }
        xml += "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + header.map { cell($0, bold: true, right: false) }.joined() + "</w:tr>"
        for row in rows { xml += "<w:tr>" + row.map { cell($0, bold: false, right: ReportBlock.isNumeric($0)) }.joined() + "</w:tr>" }
        return xml + "</w:tbl>" + paragraph("", style: nil)
    }

    /// An inline chart 16 × 8 cm.
    static func drawing(_ n: Int, title: String) -> String {
        """
        <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
        <wp:extent cx="5760000" cy="2880000"/><wp:docPr id="\(n)" name="\(xmlEscaped(title))"/>\
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">\
        <c:chart r:id="rIdChart\(n)"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
        """
    }

    static func chartXML(_ chart: ReportChart) -> String {
        OfficeChart(kind: .bars, title: chart.title, categories: chart.items.map(\.label),
                    series: [OfficeChart.Series(name: chart.valueTitle, values: chart.items.map(\.value))]).xml
    }

    static func styles(_ language: ReportLanguage) -> String {
        let font = #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>"#
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\(font)<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="\(language == .vi ? "vi-VN" : "en-GB")"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="312" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:ind w:firstLine="0"/><w:jc w:val="center"/><w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:caps/><w:sz w:val="28"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="List Item"/><w:basedOn w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLine="0"/><w:jc w:val="left"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:style>\
        </w:styles>
        """
    }
}
