import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoOutput

extension TrendOrder: ExpressibleByArgument {}

/// `chiso trend`: per unit linear trends of one indicator.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Per unit linear trend of an indicator: slope per year, % per year, R², p, n used, CAGR, and a sparkline on a terminal.",
        discussion: "All units are fitted in one batch: one QR factorisation per pattern of observed years.")

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "The indicator (default: the dataset's headline indicator).")
    var indicator: String?

    @Option(help: "Units to fit, comma-separated or repeated, in any spelling (default: every unit with data).")
    var unit: [String] = []

    @Option(help: "Years to fit, e.g. 2018-2024.")
    var years: String?

    @Option(help: "Order: unit, or slope (fastest improvers first).")
    var sort: TrendOrder = .unit

    @Flag(help: "Read FILE as many series (first column an id, then one column per period), from bytes on all cores, and fit them all.")
    var batch = false

    @OptionGroup(title: "Merger of 2025") var merger: MergerOptions
    @OptionGroup(title: "Scorecards") var groupOptions: GroupOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if batch && (indicator != nil || !unit.isEmpty || years != nil || sort != .unit) {
            throw ValidationError("--batch fits every series of the file; --indicator, --unit, --years and --sort do not apply")
        }
        if let years, YearRange(parsing: years) == nil {
            throw ValidationError("--years must be a year or a range such as 2018-2024, not '\(years)'")
        }
    }

    func run() throws {
        if batch {
            let series = try WideSeriesReader.read(path: NotebookSandbox.reading(dataset), decimal: input.decimal == .decimalComma ? .comma : .point)
            let result = SeriesAnalysis.trends(series)
            if !input.quiet { Diagnostics.note("\(series.ids.count) series: \(result.statusSummary)") }
            try output.emit(result.table, numbers: input.numberStyle)
            return
        }
        let panel = try DataSession(input).loadScorecardPanel(dataset, merger: merger, filter: PanelFilter(indicators: indicator.map { [$0] }),
                                                              group: groupOptions, language: output.lang)
        let result = try PanelAnalysis.trend(panel, TrendRequest(indicator: indicator, units: splitList(unit), years: years.flatMap(YearRange.init(parsing:)), order: sort))
        if !input.quiet { Diagnostics.note("\(result.indicator.id): \(result.rows.count) units: \(result.statusSummary)") }
        try output.emit(result.table, numbers: input.numberStyle)
    }
}
