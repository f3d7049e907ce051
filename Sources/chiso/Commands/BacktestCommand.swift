import ArgumentParser
import ChisoIO
import ChisoAnalysis
import ChisoNumerics

/// `chiso backtest`: how each model would have done.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling-origin backtest with an expanding window: MAE, RMSE, MASE, MAPE, interval coverage and Winkler score per model and horizon.",
        discussion: "auto is backtested honestly: at each origin it chooses from the data before it.")

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "The indicator (default: the dataset's headline indicator).")
    var indicator: String?

    @Option(help: "Models to compare, comma-separated (default: auto and every model).")
    var models: String?

    @Option(name: .customLong("min-train"), help: "Fewest periods of training data before the first origin.")
    var minTrain: Int = 4

    @Option(help: "First origin year.")
    var from: Int?

    @Option(help: "Last origin year.")
    var to: Int?

    @Flag(name: .customLong("per-series"), help: "Give the accuracy per unit instead of pooled.")
    var perSeries = false

    @OptionGroup(title: "Forecast") var forecastOptions: ForecastOptions
    @OptionGroup(title: "Scorecards") var groupOptions: GroupOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    var modelList: [ForecastModel] {
        guard let models else { return [.auto] + ForecastModel.concrete }
        return splitList([models]).compactMap(ForecastModel.init(rawValue:))
    }

    func validate() throws {
        if let models, modelList.count != splitList([models]).count || modelList.isEmpty {
            throw ValidationError("--models takes a comma-separated list of: \(ForecastModel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if minTrain < 2 { throw ValidationError("--min-train must be at least 2") }
    }

    func run() throws {
        let panel = try DataSession(input).loadScorecardPanel(dataset, filter: PanelFilter(indicators: indicator.map { [$0] }), group: groupOptions,
                                                              language: output.lang)
        let result = try PanelAnalysis.backtest(panel, BacktestRequest(
            indicator: indicator, models: modelList, horizon: forecastOptions.horizon, minimumTraining: minTrain,
            firstOriginYear: from, lastOriginYear: to, levels: forecastOptions.levels, seed: forecastOptions.seed,
            logitScale: !forecastOptions.noLogit, logScale: !forecastOptions.noLog))
        try output.emit(perSeries ? result.perUnitTable : result.table, numbers: input.numberStyle)
        if !input.quiet {
            let best = result.bestByHorizon.map { "h\($0.horizon) \($0.model.rawValue)" }.joined(separator: ", ")
            Diagnostics.note("\(result.indicator.id): \(result.origins.count) origins; best by MASE: \(best)")
        }
    }
}
