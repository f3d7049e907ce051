import ArgumentParser
import ChisoAnalysis
import ChisoReport

/// `chiso report index DATASET --unit U [--year Y]`.
struct ReportIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "The index section: the unit's score with its change, rank, place in its region, strongest and weakest fields, and next year's forecast with the probability of keeping its rank.")

    @Argument(help: "A bundled dataset (par, sipas, papi, pci) or a file.")
    var dataset: String = "par"

    @Option(help: "The province (any spelling, or the GSO code).")
    var unit: String

    @Option(help: "The indicator (default: the dataset's headline indicator).")
    var indicator: String?

    @Option(help: "The year (default: the latest with a value).")
    var year: Int?

    @Option(help: "Joint draws for the probability of keeping the rank.")
    var draws = 10_000

    @OptionGroup(title: "Report") var report: ReportOutputOptions
    @OptionGroup(title: "Input") var input: InputOptions

    func run() throws {
        let session = try DataSession(input)
        let panel = try session.loadPanel(dataset)
        let values = try IndexReportValues(panel: panel, unit: unit, indicator: indicator, year: year, format: ReportFormat(language: report.lang), draws: draws)
        let markdown = try ReportWriter.markdown(report.template("index", session: session), values: values.values, known: IndexReportValues.keys, charts: values.charts)
        try report.write(markdown: markdown, title: values.title, charts: values.charts)
    }
}
