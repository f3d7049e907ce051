import ArgumentParser
import ChisoAnalysis
import ChisoIO
import ChisoNumerics
import ChisoOutput

/// `chiso forecast`: next periods with intervals.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast an indicator with intervals: naive, drift, mean, linear, ETS (ses, holt, damped), the pooled panel model, or auto.",
        discussion: """
        auto chooses one model per indicator by rolling-origin validation pooled over all units \
        (naive unless a challenger wins significantly, per horizon) and calibrates its interval \
        widths on the validation errors; for a single --unit it chooses by AICc. A series that \
        cannot be fitted becomes a row with its status and reason.
        """)

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "The indicator (default: the dataset's headline indicator).")
    var indicator: String?

    @Option(help: "Units to report, comma-separated or repeated (default: all).")
    var unit: [String] = []

    @Flag(help: "Report every unit (the default when no --unit is given).")
    var all = false

    @Option(help: "Model: auto, naive, drift, mean, linear, ses, holt, damped, panel (Panel-AR(2)), growth (pooled AR(1) on the changes, unit means shrunk).")
    var model: ForecastModel = .auto

    @Flag(help: "Read FILE as many series (first column an id, one column per period) and forecast each, on all cores.")
    var batch = false

    @OptionGroup(title: "Forecast") var forecastOptions: ForecastOptions
    @OptionGroup(title: "Scorecards") var groupOptions: GroupOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if all && !unit.isEmpty { throw ValidationError("--all and --unit exclude each other") }
        if batch && (indicator != nil || !unit.isEmpty || model == .panel) {
            throw ValidationError("--batch forecasts every series of the file with a single-series model; --indicator, --unit and --model panel do not apply")
        }
    }

    func run() throws {
        if batch {
            let series = try WideSeriesReader.read(path: NotebookSandbox.reading(dataset), decimal: input.decimal == .decimalComma ? .comma : .point)
            let result = SeriesAnalysis.forecasts(series, model: model, horizon: forecastOptions.horizon, levels: forecastOptions.levels)
            try output.emit(result.table, numbers: input.numberStyle)
            if !input.quiet { Diagnostics.note(result.failureSummary ?? "\(series.ids.count) series forecast") }
            return
        }
        let panel = try DataSession(input).loadScorecardPanel(dataset, filter: PanelFilter(indicators: indicator.map { [$0] }), group: groupOptions,
                                                              language: output.lang)
        let result = try PanelAnalysis.forecast(panel, ForecastRequest(
            indicator: indicator, units: splitList(unit), horizon: forecastOptions.horizon, model: model,
            levels: forecastOptions.levels, seed: forecastOptions.seed, logitScale: !forecastOptions.noLogit, logScale: !forecastOptions.noLog))
        try output.emit(result.table, numbers: input.numberStyle)
        if !input.quiet {
            if let selection = result.selection { Diagnostics.note(selection) }
            Diagnostics.note(result.failureSummary ?? "\(result.rows.count) series forecast")
        }
    }
}
