import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoReport

/// `chiso report scorecard FILE --unit U [--year Y]`.
struct ReportScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "A department's or district's section: its score out of its own maximum, its rank in its group, the change, and the criteria where it lost most points.")

    @OptionGroup(title: "Scorecard") var scorecard: ScorecardOptions

    @Option(help: "How many of the criteria that lost most to name.")
    var top = 3

    @OptionGroup(title: "Report") var report: ReportOutputOptions
    @OptionGroup(title: "Input") var input: InputOptions

    func run() throws {
        let session = try DataSession(input)
        let panel = try session.loadPanel(scorecard.dataset)
        let points = try PanelAnalysis.pointsLost(panel, scorecard.request)
        let values = ScorecardReportValues(points: points, panel: panel, format: ReportFormat(language: report.lang), top: top)
        let markdown = try ReportWriter.markdown(report.template("scorecard", session: session), values: values.values, known: ScorecardReportValues.keys, charts: values.charts)
        try report.write(markdown: markdown, title: values.title, charts: values.charts)
    }
}
