import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import ChisoIO
import ChisoReport
import ChisoTestSupport
import Foundation
import Testing

/// A department's section of its province's scorecard, written and read back.
struct ScorecardReportTests {
    @Test func departmentSectionRoundTrip() throws {
        let panel = try PanelLoader(registry: try Fixtures.registry()).load(path: Fixtures.fixturesFolder + "/scorecards/departments.csv").0
        let points = try PanelAnalysis.pointsLost(panel, ScorecardRequest(unit: "Sở KH&CN", year: 2023))
        let values = ScorecardReportValues(points: points, panel: panel, format: ReportFormat(language: .vi))
        let template = try ReportTemplate(path: Fixtures.repositoryRoot + "/templates/report/scorecard.vi.mustache")
        let markdown = try ReportWriter.markdown(template, values: values.values, known: ScorecardReportValues.keys, charts: values.charts)
        let total = try #require(points.total.maximum)
        #expect(markdown.contains("Năm 2023, Sở KH&CN đạt \(ReportFormat(language: .vi).decimal(points.total.score, decimals: 3))/\(ReportFormat(language: .vi).decimal(total, decimals: 3)) điểm"))
        // The criteria that lost most are listed first, each with its points lost.
        let first = try #require(points.criteria.first { ($0.lost ?? 0) > 0 })
        #expect(markdown.contains("- \(first.criterion.label.text(.vi)): đạt"))
        let read = ReportExtractor.extract(ReportBlock.plainText(ReportBlock.parse(markdown)))
        func key(_ kind: String, _ value: Double) -> String { "\(kind)=\(value)" }
        let fromText = read.map { key($0.kind == .change ? $0.figure.components(separatedBy: ":")[0] + ":score" : $0.kind.rawValue, $0.value) }.sorted()
        let stated = values.stated.map { key($0.figure.hasPrefix("increase") || $0.figure.hasPrefix("decrease") ? $0.figure : $0.figure.components(separatedBy: ":")[0], $0.value) }.sorted()
        #expect(fromText == stated)
    }
}
