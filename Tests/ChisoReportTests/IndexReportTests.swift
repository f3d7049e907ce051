import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import ChisoIO
import ChisoReport
import ChisoTestSupport
import Foundation
import Testing

/// The index section on the bundled PAR INDEX, written and read back exactly.
struct IndexReportTests {
    static func panel() throws -> Panel {
        try DatasetLibrary(root: Fixtures.datasetsFolder).loadDataset("par", registry: try Fixtures.registry(), imports: nil).panel
    }

    /// A figure as the two sides are compared: its kind (score, rank, increase, forecast…) and value.
    static func key(_ figure: String, _ value: Double) -> String {
        "\(figure.prefix { $0 != ":" })=\(value)"
    }

    @Test(arguments: ["Hà Nội", "Quảng Ninh", "Đà Nẵng"])
    func indexSectionRoundTrip(_ unit: String) throws {
        let values = try IndexReportValues(panel: Self.panel(), unit: unit, indicator: nil, year: 2023, format: ReportFormat(language: .vi), draws: 2000)
        let template = try ReportTemplate(path: Fixtures.repositoryRoot + "/templates/report/index.vi.mustache")
        let markdown = try ReportWriter.markdown(template, values: values.values, known: IndexReportValues.keys, charts: values.charts)
        let read = ReportExtractor.extract(ReportBlock.plainText(ReportBlock.parse(markdown)))
        let fromText = read.map { Self.key($0.kind == .change ? $0.figure : $0.kind.rawValue, $0.value) }.sorted()
        #expect(fromText == values.stated.map { Self.key($0.figure, $0.value) }.sorted(), "\(markdown)")
    }

    /// Hà Nội 2023 as published: 91,43%, up 1,85 points on 89,58% in 2022, third of 63.
    @Test func haNoi2023MatchesThePublishedFigures() throws {
        let values = try IndexReportValues(panel: Self.panel(), unit: "Hà Nội", indicator: nil, year: 2023, format: ReportFormat(language: .vi), draws: 2000)
        #expect(values.values["score"] as? String == "91,43%")
        #expect(values.values["score_change"] as? String == "tăng 1,85 điểm")
        #expect(values.values["rank"] as? String == "3" && values.values["rank_of"] as? String == "63")
    }
}
