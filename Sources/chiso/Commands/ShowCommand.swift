import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoNumerics

/// `chiso show`: the panel with years as columns.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a dataset's values (or published ranks) with periods as columns.")

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "Units to show, comma-separated or repeated, in any spelling (default: every unit with data).")
    var unit: [String] = []

    @Option(help: "Indicators to show, comma-separated or repeated (default: the headline indicator).")
    var indicator: [String] = []

    @Flag(name: .customLong("all-indicators"), help: "Show every indicator.")
    var allIndicators = false

    @Option(help: "Years to show, e.g. 2018-2024 or 2023.")
    var years: String?

    @Flag(help: "Show published ranks instead of values.")
    var ranks = false

    @OptionGroup(title: "Merger of 2025") var merger: MergerOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if let years, YearRange(parsing: years) == nil {
            throw ValidationError("--years must be a year or a range such as 2018-2024, not '\(years)'")
        }
        if allIndicators && !indicator.isEmpty {
            throw ValidationError("--all-indicators and --indicator exclude each other")
        }
    }

    func run() throws {
        let panel = try DataSession(input).loadPanel(dataset, merger: merger, filter: PanelFilter(indicators: splitList(indicator).isEmpty ? nil : splitList(indicator)))
        let request = ShowRequest(
            units: splitList(unit), indicators: splitList(indicator),
            years: years.flatMap(YearRange.init(parsing:)), ranks: ranks, allIndicators: allIndicators)
        try output.emit(try PanelAnalysis.show(panel, request).table, numbers: input.numberStyle)
    }
}
