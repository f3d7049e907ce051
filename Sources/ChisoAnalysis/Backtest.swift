import ChisoCore
import ChisoNumerics
import Foundation

/// What to backtest.
public struct BacktestRequest: Sendable {
    /// Indicator id; nil takes the dataset's headline indicator.
    public var indicator: String?
    /// Models to compare (`auto` included, chosen afresh at each origin from the data before it).
    public var models: [ForecastModel]
    /// Steps ahead scored at each origin (1 to `horizon`).
    public var horizon: Int
    /// Fewest periods of training data before the first origin.
    public var minimumTraining: Int
    /// First origin year, if later than the minimum training allows.
    public var firstOriginYear: Int?
    /// Last origin year.
    public var lastOriginYear: Int?
    /// Interval levels in percent whose coverage and Winkler score are reported.
    public var levels: [Double]
    /// Seed of the simulated intervals of the panel model.
    public var seed: UInt64
    /// Model bounded indicators on the logit scale (the default where the catalog gives bounds).
    public var logitScale: Bool
    /// Model positive quantities that grow on the log scale (`ForecastRequest.logScale`).
    public var logScale: Bool

    /// A backtest of `models` at horizons 1…`horizon`, from the first origin with `minimumTraining` periods before it.
    public init(indicator: String? = nil, models: [ForecastModel] = [.auto] + ForecastModel.concrete, horizon: Int = 1, minimumTraining: Int = 4,
                firstOriginYear: Int? = nil, lastOriginYear: Int? = nil, levels: [Double] = [80, 95], seed: UInt64 = 1, logitScale: Bool = true,
                logScale: Bool = true) {
        self.logScale = logScale
        self.indicator = indicator
        self.models = models
        self.horizon = horizon
        self.minimumTraining = minimumTraining
        self.firstOriginYear = firstOriginYear
        self.lastOriginYear = lastOriginYear
        self.levels = levels
        self.seed = seed
        self.logitScale = logitScale
    }
}

/// Accuracy of one model at one horizon, pooled over units and origins (or for one unit).
public struct BacktestScore: Sendable {
    /// The model scored.
    public let model: ForecastModel
    /// The horizon, 1-based.
    public let horizon: Int
    /// Forecast–outcome pairs scored.
    public let n: Int
    /// Mean absolute error.
    public let mae: Double
    /// Root mean squared error.
    public let rmse: Double
    /// Mean absolute error scaled by each unit's in-sample one-step naive MAE of its training window.
    public let mase: Double
    /// Mean absolute percentage error; NaN when an outcome is zero.
    public let mape: Double
    /// Share of outcomes inside the interval, per level.
    public let coverage: [Double]
    /// Mean Winkler score per level: width + (2/α)·distance outside.
    public let winkler: [Double]
}

/// The backtest of several models on one indicator.
public struct BacktestResult: Sendable {
    /// The indicator backtested.
    public let indicator: Indicator
    /// The forecast origins: the last period of each training window.
    public let origins: [Period]
    /// Interval levels in percent.
    public let levels: [Double]
    /// Pooled over units and origins, by model then horizon.
    public let pooled: [BacktestScore]
    /// Per unit, pooled over origins and horizons.
    public let perUnit: [(unit: AdministrativeUnit, scores: [BacktestScore])]
    /// What `auto` chose at each origin, per horizon: candidate labels such as `drift` or `growth[log]`.
    public let autoChoices: [(origin: Period, models: [String])]

    /// The model with the lowest pooled MASE at each horizon, among the models scored on the most
    /// cases there (a model that could forecast fewer cases was scored on other, easier or harder,
    /// outcomes); the models left out for fewer cases are named. A horizon with no case has no best.
    public var bestByHorizon: [(horizon: Int, model: ForecastModel, mase: Double, cases: Int, leftOut: [ForecastModel])] {
        Set(pooled.map(\.horizon)).sorted().compactMap { h in
            let scored = pooled.filter { $0.horizon == h && $0.n > 0 && !$0.mase.isNaN }
            guard let most = scored.map(\.n).max() else { return nil }
            let compared = scored.filter { $0.n == most }
            let leftOut = pooled.filter { $0.horizon == h && $0.n < most }.map(\.model)
            return compared.min { $0.mase < $1.mase }.map { (h, $0.model, $0.mase, most, leftOut) }
        }
    }
}

/// Accumulates errors of one (model, horizon) cell.
private struct ErrorAccumulator {
    var n = 0, absolute = 0.0, squared = 0.0, scaled = 0.0, percent = 0.0, percentDefined = true
    var covered: [Int]
    var winkler: [Double]

    init(levels: Int) {
        covered = Array(repeating: 0, count: levels)
        winkler = Array(repeating: 0, count: levels)
    }

    mutating func add(actual: Double, forecast: Forecast, step: Int, scale: Double, levels: [Double]) {
        let error = actual - forecast.points[step]
        n += 1
        absolute += abs(error)
        squared += error * error
        scaled += abs(error) / scale
        if actual == 0 { percentDefined = false } else { percent += abs(error / actual) }
        for (l, level) in levels.enumerated() {
            let (low, high) = (forecast.lower[l][step], forecast.upper[l][step])
            let alpha = 1 - level / 100
            if actual >= low && actual <= high { covered[l] += 1 }
            winkler[l] += (high - low) + (actual < low ? 2 / alpha * (low - actual) : 0) + (actual > high ? 2 / alpha * (actual - high) : 0)
        }
    }

    /// The scores; every one NaN when there was no case.
    func score(_ model: ForecastModel, _ horizon: Int) -> BacktestScore {
        guard n > 0 else {
            return BacktestScore(model: model, horizon: horizon, n: 0, mae: .nan, rmse: .nan, mase: .nan, mape: .nan,
                                 coverage: covered.map { _ in .nan }, winkler: winkler.map { _ in .nan })
        }
        let count = Double(n)
        return BacktestScore(model: model, horizon: horizon, n: n, mae: absolute / count, rmse: (squared / count).squareRoot(), mase: scaled / count,
                             mape: percentDefined ? 100 * percent / count : .nan, coverage: covered.map { Double($0) / count },
                             winkler: winkler.map { $0 / count })
    }
}

extension PanelAnalysis {
    /// Rolling-origin backtest with an expanding window: at every origin each model is fitted on
    /// the data up to the origin only (within the methodology segment in force, never across a
    /// declared break) and its forecasts for 1…h periods ahead are scored against what happened.
    /// `auto` repeats its selection at each origin from the data before it, so it is scored honestly.
    public static func backtest(_ panel: Panel, _ request: BacktestRequest) throws -> BacktestResult {
        let indicatorIndex = try panel.resolveIndicator(request.indicator)
        let indicator = panel.indicators[indicatorIndex]
        let values = panel.units.indices.map { u in panel.periods.indices.map { panel.value(unit: u, period: $0, indicator: indicatorIndex) } }
        let scales = forecastScales(indicator, values: values, logit: request.logitScale, log: request.logScale)
        let last = panel.periods.count - 1
        var pooled: [ForecastModel: [ErrorAccumulator]] = [:]
        var perUnit: [ForecastModel: [ErrorAccumulator]] = [:]
        var origins: [Period] = []
        var choices: [(origin: Period, models: [String])] = []
        var caches: [Int: ForecastCache] = [:]
        for origin in panel.periods.indices where origin < last {
            let year = panel.periods[origin].year
            let segment = indicator.segmentStart(for: year)
            let start = panel.periods.firstIndex { period in segment.map { period.year >= $0 } ?? true } ?? 0
            guard origin - start + 1 >= request.minimumTraining else { continue }
            if let first = request.firstOriginYear, year < first { continue }
            if let lastYear = request.lastOriginYear, year > lastYear { continue }
            origins.append(panel.periods[origin])
            let window = PanelWindow(values: values.map { Array($0[start...origin]) })
            // Forecasts at earlier origins of the same segment serve auto's validation here.
            let cache = caches[start] ?? ForecastCache()
            caches[start] = cache
            let candidates = ForecastModel.concrete.map { Candidate(model: $0, scale: scales[0]) } + PanelWindow.candidates(scales: scales, growing: scales.contains(.log) && window.grows)
            for candidate in candidates where cache.forecasts(candidate, through: origin - start) == nil {
                cache.store(candidate, through: origin - start, window.forecast(model: candidate.model, horizon: request.horizon, levels: [95], scale: candidate.scale,
                                                                              seed: request.seed, paths: 400))
            }
            for model in request.models {
                let (outcomes, selection) = window.forecastChoosing(model, horizon: request.horizon, levels: request.levels, scales: scales, seed: request.seed,
                                                                    cache: cache, origin: origin - start)
                if model == .auto { choices.append((panel.periods[origin], selection?.models.map(\.label) ?? [])) }
                for u in values.indices {
                    guard case let .success(forecast) = outcomes[u], let scaleMAE = window.series(u)?.naiveScale else { continue }
                    for h in 1...request.horizon where origin + h <= last && indicator.segmentStart(for: panel.periods[origin + h].year) == segment {
                        let actual = values[u][origin + h]
                        guard !actual.isNaN else { continue }
                        pooled[model, default: Array(repeating: ErrorAccumulator(levels: request.levels.count), count: request.horizon)][h - 1]
                            .add(actual: actual, forecast: forecast, step: h - 1, scale: scaleMAE, levels: request.levels)
                        perUnit[model, default: Array(repeating: ErrorAccumulator(levels: request.levels.count), count: values.count)][u]
                            .add(actual: actual, forecast: forecast, step: h - 1, scale: scaleMAE, levels: request.levels)
                    }
                }
            }
        }
        guard !origins.isEmpty else {
            throw AnalysisError.noData(panel: panel.name, indicator: "\(indicator.id) (no origin with \(request.minimumTraining) periods of training data)")
        }
        let scores = request.models.flatMap { model in (1...request.horizon).map { h in (pooled[model]?[h - 1] ?? ErrorAccumulator(levels: request.levels.count)).score(model, h) } }
        let units = panel.units.indices.map { u in
            (panel.units[u], request.models.map { model in (perUnit[model]?[u] ?? ErrorAccumulator(levels: request.levels.count)).score(model, 0) })
        }.filter { $0.1.contains { $0.n > 0 } }
        return BacktestResult(indicator: indicator, origins: origins, levels: request.levels, pooled: scores, perUnit: units, autoChoices: choices)
    }
}
