import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import ChisoReport
import ChisoSpreadsheets
import ChisoTestSupport
import Foundation
import Testing

/// The dossier section written from the counts, and read back by the extractor: the writer and
/// the reader check each other.
struct DossierReportTests {
    static func template(_ name: String, _ language: ReportLanguage) throws -> ReportTemplate {
        try ReportTemplate(path: Fixtures.repositoryRoot + "/templates/report/\(name).\(language.rawValue).mustache")
    }

    /// A stated or extracted figure as the two are compared: dossier counts by field, the rest by kind.
    static func key(_ figure: String, _ value: Double) -> String {
        let kind: String
        if DossierField(rawValue: figure) != nil || ["resolved", "pending"].contains(figure) { kind = figure }
        else if figure.hasPrefix("share:") || figure.hasPrefix("rate") { kind = "rate" }
        else if figure.hasPrefix("increase:") || figure.hasPrefix("decrease:") { kind = "change:" + figure.prefix { $0 != ":" } }
        else { kind = String(figure.prefix { $0 != ":" }) }
        return "\(kind)=\(value)"
    }

    static func extracted(_ markdown: String) -> [String] {
        ReportExtractor.extract(ReportBlock.plainText(ReportBlock.parse(markdown))).map { f in
            let name = f.kind == .dossiers ? f.figure : f.kind == .change ? f.figure : f.kind.rawValue
            return key(name, f.value)
        }.sorted()
    }

    /// Seed 000's department, from its records (Tests/Fixtures/dossier-exports): the report states
    /// 100 received (7 carried over, 93 new), 85 resolved early or on time, 5 withdrawn, 10
    /// pending — and `extract` reads back exactly the figures it was written from.
    @Test func seed000RecordsRoundTrip() throws {
        let summary = try DossierRecordSummarizer.summarize(path: Fixtures.fixturesFolder + "/dossier-exports/seed000.csv", options: DossierSummaryOptions(granularity: .half))
        let values = try DossierReportValues(rows: summary.rows, unit: "Sở Khoa học và Công nghệ", period: .half(2023, 1), convention: .resolved, format: ReportFormat(language: .vi))
        let markdown = try ReportWriter.markdown(Self.template("dossiers", .vi), values: values.values, known: DossierReportValues.keys, charts: values.charts)
        #expect(markdown.contains("Trong 6 tháng đầu năm 2023, Sở Khoa học và Công nghệ tiếp nhận 100 hồ sơ (7 hồ sơ kỳ trước chuyển sang, 93 hồ sơ tiếp nhận mới)"))
        #expect(markdown.contains("Đã giải quyết 85 hồ sơ, trong đó trước hạn 56 hồ sơ, đúng hạn 29 hồ sơ, quá hạn 0 hồ sơ."))
        #expect(markdown.contains("Tổ chức, cá nhân xin rút 5 hồ sơ. Đang giải quyết 10 hồ sơ (chưa đến hạn 10 hồ sơ, quá hạn 0 hồ sơ)."))
        // 2022-H1 is not in the records: said, not hidden.
        #expect(markdown.contains("Không có số liệu 6 tháng đầu năm 2022 để so sánh với cùng kỳ."))
        #expect(Self.extracted(markdown) == values.stated.map { Self.key($0.figure, $0.value) }.sorted())
    }

    /// Two units and the year before: the change on the same period a year earlier, the peers'
    /// average and the unit's rank among them, each written and read back.
    static let rows: [DossierAggregate] = [
        DossierAggregate(unit: "Sở Tư pháp", period: .half(2024, 1), counts: [.carriedOver: 38, .receivedNew: 1207, .receivedOnline: 1032, .resolvedEarly: 700,
                                                                          .resolvedOnTime: 480, .resolvedLate: 12, .withdrawn: 3, .pendingInTime: 45, .pendingOverdue: 5]),
        DossierAggregate(unit: "Sở Tư pháp", period: .half(2023, 1), counts: [.carriedOver: 20, .receivedNew: 1100, .receivedOnline: 800, .resolvedEarly: 600,
                                                                          .resolvedOnTime: 450, .resolvedLate: 30, .withdrawn: 2, .pendingInTime: 35, .pendingOverdue: 3]),
        DossierAggregate(unit: "Sở Y tế", period: .half(2024, 1), counts: [.carriedOver: 10, .receivedNew: 400, .resolvedInTime: 380, .resolvedLate: 2, .withdrawn: 0,
                                                                       .pendingInTime: 28, .pendingOverdue: 0]),
        DossierAggregate(unit: "Sở Nội vụ", period: .half(2024, 1), counts: [.carriedOver: 5, .receivedNew: 300, .resolvedInTime: 290, .resolvedLate: 10, .withdrawn: 0,
                                                                         .pendingInTime: 5, .pendingOverdue: 0]),
    ]

    @Test func comparisonAndPeersRoundTrip() throws {
        let values = try DossierReportValues(rows: Self.rows, unit: "so tu phap", period: .half(2024, 1), convention: .resolved, format: ReportFormat(language: .vi))
        let markdown = try ReportWriter.markdown(Self.template("dossiers", .vi), values: values.values, known: DossierReportValues.keys, charts: values.charts)
        // 1.245 received (38 + 1.207), 1.032 online = 85,5% of 1.207; on time 1.180 / 1.192 = 99,0% against 1.050 / 1.080 = 97,2%.
        #expect(markdown.contains("tiếp nhận 1.245 hồ sơ (38 hồ sơ kỳ trước chuyển sang, 1.207 hồ sơ tiếp nhận mới), trong đó tiếp nhận trực tuyến 1.032 hồ sơ (chiếm 85,5%)"))
        #expect(markdown.contains("Tỷ lệ giải quyết đúng hạn đạt 99% (tính trên số hồ sơ đã giải quyết)"))
        #expect(markdown.contains("So với 6 tháng đầu năm 2023, số hồ sơ tiếp nhận tăng 125 hồ sơ; tỷ lệ giải quyết đúng hạn tăng 1,8 điểm phần trăm (cùng kỳ đạt 97,2%)."))
        // Peers: Sở Y tế 380/382 = 99,48%, Sở Nội vụ 290/300 = 96,67%: average 98,1%; Sở Tư pháp 99,0% is second of three.
        #expect(markdown.contains("Tỷ lệ giải quyết đúng hạn bình quân của 2 đơn vị khác trong cùng kỳ là 98,1%; Sở Tư pháp xếp thứ 2/3 về tỷ lệ này."))
        #expect(Self.extracted(markdown) == values.stated.map { Self.key($0.figure, $0.value) }.sorted())
    }

    @Test func conventionIsStatedAndEnglishReads() throws {
        let values = try DossierReportValues(rows: Self.rows, unit: "Sở Y tế", period: .half(2024, 1), convention: .processed, format: ReportFormat(language: .en))
        let markdown = try ReportWriter.markdown(Self.template("dossiers", .en), values: values.values, known: DossierReportValues.keys, charts: values.charts)
        // (380 + 28) / (382 + 28 + 0) = 99,51%.
        #expect(markdown.contains("In the first half of 2024, Sở Y tế handled 410 dossiers (10 carried over, 400 newly received)."))
        #expect(markdown.contains("The on-time rate is 99.5% (over the dossiers processed, finished or not, as the national service index counts)."))
        #expect(markdown.contains("There are no figures on dossiers received online."))
        #expect(markdown.contains("There are no figures for the first half of 2023 to compare with."))
    }

    @Test func unknownKeysAreNamedWithTheKnownOnes() throws {
        let template = try ReportTemplate(name: "mine.mustache", text: "{{unit}} tiếp nhận {{recieved}} hồ sơ.")
        let values = try DossierReportValues(rows: Self.rows, unit: "Sở Y tế", period: .half(2024, 1), convention: .resolved, format: ReportFormat(language: .vi))
        #expect(throws: ReportError.unknownKeys(template: "mine.mustache", keys: ["recieved"], known: DossierReportValues.keys.sorted())) {
            try ReportWriter.markdown(template, values: values.values, known: DossierReportValues.keys, charts: values.charts)
        }
    }

    @Test func aUnitOrPeriodWithoutFiguresIsAnError() {
        #expect(throws: ReportError.self) {
            try DossierReportValues(rows: Self.rows, unit: "Sở Y tế", period: .half(2023, 2), convention: .resolved, format: ReportFormat(language: .vi))
        }
    }

    /// The three formats: Markdown as written; HTML self-contained (inline CSS and SVG, nothing
    /// fetched); Word with its document, styles and a native chart part.
    @Test func formats() throws {
        let values = try DossierReportValues(rows: Self.rows, unit: "Sở Tư pháp", period: .half(2024, 1), convention: .resolved, format: ReportFormat(language: .vi))
        let markdown = try ReportWriter.markdown(Self.template("dossiers", .vi), values: values.values, known: DossierReportValues.keys, charts: values.charts)
        let html = String(decoding: try ReportWriter.output(markdown: markdown, title: values.title, charts: values.charts, format: .html, language: .vi), as: UTF8.self)
        #expect(html.contains("<style>") && html.contains("<svg") && html.contains("@page { size: A4"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<script"))
        #expect(html.contains("<td class=\"n\">1.180</td>") || html.contains("<td class=\"n\">700</td>"))
        let docx = try ReportWriter.output(markdown: markdown, title: values.title, charts: values.charts, format: .docx, language: .vi)
        let folder = try Fixtures.temporaryFolder()
        try docx.write(to: URL(fileURLWithPath: folder + "/r.docx"))
        // Part names stand uncompressed in the ZIP's headers.
        let names = String(decoding: docx, as: UTF8.self)
        #expect(names.contains("word/document.xml") && names.contains("word/styles.xml") && names.contains("word/charts/chart1.xml"))
        // The Word document's text reads back into the figures it was written from (its table of
        // counts adds the same counts again).
        let read = ReportExtractor.extract(ReportDocument(word: try WordDocument(path: folder + "/r.docx")))
        let stated = Set(values.stated.map { Self.key($0.figure, $0.value) })
        let fromWord = Set(read.map { Self.key($0.kind == .dossiers || $0.kind == .change ? $0.figure : $0.kind.rawValue, $0.value) })
        #expect(stated.isSubset(of: fromWord))
    }
}
