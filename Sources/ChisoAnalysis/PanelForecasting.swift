import Foundation
import ChisoNumerics
import ChisoOutput

/// One unit's series as the forecasting models see it: the trailing run of consecutive
/// observations (a model never bridges a gap) and how many periods lie between its last value
/// and the forecast origin.
struct UnitSeries {
    let values: [Double]
    /// Steps from the unit's last observation to the origin (0 when observed at the origin).
    let lag: Int

    /// The in-sample one-step naive MAE that scales MASE; nil when undefined or zero.
    var naiveScale: Double? {
        guard values.count >= 2 else { return nil }
        let mae = zip(values.dropFirst(), values).map { abs($0 - $1) }.reduce(0, +) / Double(values.count - 1)
        return mae > 0 ? mae : nil
    }
}

/// Forecasting on a window of a panel: units × periods, NaN = missing.
struct PanelWindow {
    /// values[u][t].
    let values: [[Double]]

    var periodCount: Int { values.first?.count ?? 0 }

    /// The panel up to and including period index `origin`.
    func truncated(through origin: Int) -> PanelWindow {
        PanelWindow(values: values.map { Array($0.prefix(origin + 1)) })
    }

    /// Whether the panel holds a positive quantity that grows: every value above zero and at least
    /// two thirds of the year-on-year changes (within units, 10 at least) up. Provincial budgets
    /// rise in 78–95% of province-years; index scores such as PAPI's dimensions in 43–58%.
    var grows: Bool {
        var changes = 0, rises = 0
        for row in values {
            if row.contains(where: { $0 <= 0 }) { return false }
            for t in row.indices.dropFirst() where !row[t].isNaN && !row[t - 1].isNaN {
                changes += 1
                if row[t] > row[t - 1] { rises += 1 }
            }
        }
        return changes >= 10 && 3 * rises >= 2 * changes
    }

    /// The trailing run of unit `u`, or nil without observations.
    func series(_ u: Int) -> UnitSeries? {
        let row = values[u]
        guard let last = row.lastIndex(where: { !$0.isNaN }) else { return nil }
        var first = last
        while first > 0 && !row[first - 1].isNaN { first -= 1 }
        return UnitSeries(values: Array(row[first...last]), lag: row.count - 1 - last)
    }

    /// Forecasts of every unit for steps 1…horizon past the window's last period.
    /// A unit last observed `lag` periods earlier is forecast `lag + h` steps ahead of its data.
    func forecast(model: ForecastModel, horizon: Int, levels: [Double], scale: ForecastScale?, seed: UInt64, paths: Int = 2000) -> [Result<Forecast, ForecastFailure>] {
        if model.needsPanel {
            let transformed = scale.map { s in values.map { $0.map(s.transform) } } ?? values
            do throws(ForecastFailure) {
                let results = model == .growth
                    ? try PanelGrowth.forecast(transformed, horizon: horizon, levels: levels)
                    : try PanelAutoregression.forecast(transformed, horizon: horizon, levels: levels, paths: levels.isEmpty ? 0 : paths, seed: seed)
                guard let scale else { return results }
                return results.enumerated().map { u, result in
                    result.map { $0.onScale(scale, observed: values[u], label: $0.method + "[\(scale.name)]") }
                }
            } catch {
                return values.map { _ in .failure(error) }
            }
        }
        return values.indices.map { u in
            guard let series = series(u) else { return .failure(.noData) }
            do throws(ForecastFailure) {
                let full = try SeriesForecaster.forecast(series.values, model: model, horizon: horizon + series.lag, levels: levels, scale: scale)
                return .success(full.dropping(series.lag))
            } catch {
                return .failure(error)
            }
        }
    }
}

/// A model on a scale: what `auto` chooses among on a panel. A positive quantity that grows is
/// tried on the log scale and on its own, since growth that slows is extrapolated better in
/// amounts than in rates.
struct Candidate: Hashable {
    let model: ForecastModel
    let scale: ForecastScale?

    /// `drift`, `drift[log]`.
    var label: String { scale.map { "\(model.rawValue)[\($0.name)]" } ?? model.rawValue }
}

/// What `auto` chose on a panel and the pooled validation scores behind the choice.
struct AutoSelection {
    /// The model chosen for each horizon.
    let models: [Candidate]
    let validation: PooledValidation
    let origins: Int
    /// Whether interval widths were calibrated on the validation errors.
    let calibrated: Bool

    var description: String {
        let choices = models.enumerated().map { h, model in
            let score = validation.mase(model, horizon: h + 1).map { String(format: "%.3f", $0) } ?? "–"
            let benchmark = validation.mase(validation.benchmark, horizon: h + 1).map { String(format: "%.3f", $0) } ?? "–"
            return "h\(h + 1) \(model.label) (MASE \(score), \(validation.benchmark.label) \(benchmark))"
        }.joined(separator: "; ")
        let widths = calibrated ? "; interval widths calibrated on the validation errors" : ""
        guard origins > 0 else { return "auto: \(models[0].label), the benchmark (too few periods to validate a challenger on)" }
        return "auto over the last \(origins) origins, pooled over units: \(choices)\(widths)"
    }
}

extension PanelWindow {
    /// Forecasts with `model`; `auto` on more than one unit chooses one model for all units by
    /// pooled validation on this window (`PooledValidation.choice`), widens or
    /// narrows its intervals to the coverage seen in that validation, and lets units the model
    /// cannot forecast fall back to the single-series `auto` (AICc), said in their method label.
    func forecastChoosing(_ model: ForecastModel, horizon: Int, levels: [Double], scales: [ForecastScale?], seed: UInt64,
                          cache: ForecastCache? = nil, origin: Int? = nil) -> ([Result<Forecast, ForecastFailure>], AutoSelection?) {
        let scale = scales.first ?? nil
        guard model == .auto, values.filter({ $0.contains { !$0.isNaN } }).count > 1 else {
            return (forecast(model: model, horizon: horizon, levels: levels, scale: scale, seed: seed), nil)
        }
        let origins = min(5, periodCount - 3)
        // A positive quantity (modelled on the log scale) that grows is benchmarked against drift in
        // amounts; anything else — index scores, bounded or not — against naive.
        let growing = scales.contains(.log) && grows
        let candidates = Self.candidates(scales: scales, growing: growing)
        let benchmark = growing ? Candidate(model: .drift, scale: nil) : Candidate(model: .naive, scale: scale)
        let validation = PooledValidation(self, candidates: candidates, naive: Candidate(model: .naive, scale: scale), benchmark: benchmark, horizon: horizon,
                                          origins: origins, seed: seed, cache: cache)
        let choices = (1...horizon).map { validation.choice(among: candidates, horizon: $0) }
        guard choices.allSatisfy({ $0 != nil }) else {
            // Without validation cases there is no evidence against the benchmark.
            return (forecast(model: benchmark.model, horizon: horizon, levels: levels, scale: benchmark.scale, seed: seed),
                    AutoSelection(models: Array(repeating: benchmark, count: horizon), validation: validation, origins: 0, calibrated: false))
        }
        let models = choices.map { $0! }
        var byModel: [Candidate: [Result<Forecast, ForecastFailure>]] = [:]
        for candidate in Set(models) {
            byModel[candidate] = forecast(model: candidate.model, horizon: horizon, levels: levels, scale: candidate.scale, seed: seed)
        }
        let multipliers = models.enumerated().map { h, model in levels.map { validation.multipliers(model, level: $0)?[h] } }
        let calibrated = !levels.isEmpty && multipliers.allSatisfy { $0.allSatisfy { $0 != nil } }
        var outcomes: [Result<Forecast, ForecastFailure>] = []
        for u in values.indices {
            var parts: [Forecast] = []
            for (h, model) in models.enumerated() {
                var part: Forecast
                if case let .success(f) = byModel[model]![u] {
                    part = f
                } else if let series = series(u), let fallback = try? SeriesForecaster.forecast(series.values, model: .auto, horizon: horizon + series.lag, levels: levels,
                                                                                                  scale: model.scale) {
                    part = fallback.dropping(series.lag).relabeled(fallback.method + " (fallback)")
                } else {
                    break
                }
                if calibrated { part = part.recalibrated(step: h, multipliers: multipliers[h].map { $0! }) }
                parts.append(part)
            }
            if parts.count == horizon {
                outcomes.append(.success(Forecast.assembled(parts, label: Set(parts.map(\.method)).count == 1 ? parts[0].method : "auto")))
            } else if case let .failure(failure) = byModel[models[0]]![u] {
                outcomes.append(.failure(failure))
            } else {
                outcomes.append(.failure(.noData))
            }
        }
        return (outcomes, AutoSelection(models: models, validation: validation, origins: origins, calibrated: calibrated))
    }

    /// The candidates of `auto` on the given scales: every panel candidate on each, naive once;
    /// the panel growth model only for a quantity that grows, whose challenger it is.
    static func candidates(scales: [ForecastScale?], growing: Bool) -> [Candidate] {
        scales.enumerated().flatMap { k, scale in
            ForecastModel.panelCandidates.filter { (k == 0 || $0 != .naive) && (growing || $0 != .growth) }.map { Candidate(model: $0, scale: scale) }
        }
    }
}

extension Forecast {
    /// The forecast with the intervals of horizon `step` (0-based) calibrated: centre ±
    /// multiplier × spread on the modelling scale, one multiplier per level.
    func recalibrated(step h: Int, multipliers: [Double]) -> Forecast {
        var distributions = self.distributions
        distributions[h] = distributions[h].calibrated(levels: levels, multipliers: multipliers)
        return replacing(distributions: distributions)
    }
}

/// Rolling-origin validation of candidate models on a panel window, for `auto`.
///
/// At each of the most recent `origins` periods (with at least 3 periods of data before it),
/// every model is fitted on the data up to that origin only, and its forecasts for the following
/// periods (up to `horizon`) are scored: absolute errors scaled by the unit's in-sample one-step
/// naive MAE (MASE), and errors in units of the forecast distribution's spread
/// (`PredictiveDistribution.standardizedError`), kept per horizon for calibrating interval widths.
/// A model that cannot forecast a case is charged the naive forecast's error there, since it
/// would fall back to naive.
struct PooledValidation {
    /// Scaled absolute errors per candidate and horizon, case by case in the same order for every candidate.
    var scaledErrors: [Candidate: [[Double]]] = [:]
    /// The inner origin of each case, per horizon.
    var caseOrigins: [[Int]] = []
    /// Standardised absolute errors per candidate and horizon.
    var standardized: [Candidate: [[Double]]] = [:]
    /// The forecast a candidate that cannot forecast a case falls back to.
    let naive: Candidate
    /// The model every challenger must clearly beat: naive, or drift for a quantity that grows.
    let benchmark: Candidate

    init(_ window: PanelWindow, candidates: [Candidate], naive: Candidate, benchmark: Candidate, horizon: Int, origins: Int, seed: UInt64, cache: ForecastCache?) {
        self.naive = naive
        self.benchmark = benchmark
        let last = window.periodCount - 1
        caseOrigins = Array(repeating: [], count: horizon)
        for candidate in candidates {
            standardized[candidate] = Array(repeating: [], count: horizon)
            scaledErrors[candidate] = Array(repeating: [], count: horizon)
        }
        for origin in stride(from: last - 1, through: max(2, last - origins), by: -1) {
            let training = window.truncated(through: origin)
            let forecasts = ([naive] + candidates).map { candidate in
                cache?.forecasts(candidate, through: origin)
                    ?? training.forecast(model: candidate.model, horizon: horizon, levels: [95], scale: candidate.scale, seed: seed, paths: 400)
            }
            for u in window.values.indices {
                // Units with fewer than 4 consecutive values at the origin are left out: their
                // forecasts and intervals rest on one to three points and would only add noise.
                guard let series = training.series(u), series.values.count >= 4, let scaleMAE = series.naiveScale,
                      case let .success(naiveForecast) = forecasts[0][u] else { continue }
                for h in 1...horizon where origin + h <= last {
                    let actual = window.values[u][origin + h]
                    guard !actual.isNaN else { continue }
                    caseOrigins[h - 1].append(origin)
                    for (m, candidate) in candidates.enumerated() {
                        let chosen: Forecast
                        if case let .success(f) = forecasts[m + 1][u] { chosen = f } else { chosen = naiveForecast }
                        scaledErrors[candidate]![h - 1].append(abs(actual - chosen.points[h - 1]) / scaleMAE)
                        if let error = chosen.distributions[h - 1].standardizedError(actual) { standardized[candidate]![h - 1].append(error) }
                    }
                }
            }
        }
    }

    /// Mean scaled error of a model at horizon h (1-based), nil without cases.
    func mase(_ model: Candidate, horizon h: Int) -> Double? {
        guard let errors = scaledErrors[model]?[h - 1], !errors.isEmpty else { return nil }
        return errors.reduce(0, +) / Double(errors.count)
    }

    /// The model for horizon h: the benchmark — drift for a quantity that grows, naive otherwise,
    /// or drift where it beats naive significantly — unless the model with the lowest MASE beats
    /// the benchmark significantly in turn. Picking the best of many models on a short validation
    /// rewards luck: on PAPI winners of one or two years lost to naive out of sample, and on
    /// provincial budgets the validation's best growth models lost to plain drift once growth
    /// slowed (2012). A quantity that grows is not asked to prove, origin by origin, that it
    /// grows: its own history says so (`PanelWindow.grows`). Horizons choose separately because
    /// persistence wins one step ahead where smoothing or pooling wins two steps ahead (PAPI D1).
    func choice(among models: [Candidate], horizon h: Int) -> Candidate? {
        let scored = models.filter { mase($0, horizon: h) != nil }
        guard let best = scored.min(by: { mase($0, horizon: h)! < mase($1, horizon: h)! }) else { return nil }
        var benchmark = self.benchmark
        if benchmark.model == .naive, let drift = scored.filter({ $0.model == .drift }).min(by: { mase($0, horizon: h)! < mase($1, horizon: h)! }),
           significantlyBeats(drift, benchmark, horizon: h) {
            benchmark = drift
        }
        guard best != benchmark, best.model != .naive || benchmark.model != .naive else { return benchmark }
        return significantlyBeats(best, benchmark, horizon: h) ? best : benchmark
    }

    /// Whether `challenger`'s advantage over `benchmark` at horizon h is significant in a two-sided
    /// 5% t test with the inner origins as replications (t with origins − 1 degrees of freedom):
    /// errors of one origin share that year's shocks across all units, so the origins, not the
    /// cases, are the independent replications, and the standard error comes from the origin means.
    func significantlyBeats(_ challenger: Candidate, _ benchmark: Candidate, horizon h: Int) -> Bool {
        guard let base = scaledErrors[benchmark]?[h - 1], let other = scaledErrors[challenger]?[h - 1], base.count > 1 else { return false }
        let differences = zip(base, other).map { $0 - $1 }
        let byOrigin = Dictionary(grouping: differences.indices, by: { caseOrigins[h - 1][$0] }).values.map { cases in
            cases.reduce(0.0) { $0 + differences[$1] } / Double(cases.count)
        }
        guard byOrigin.count > 1 else { return false }
        let mean = differences.reduce(0, +) / Double(differences.count)
        let originMean = byOrigin.reduce(0, +) / Double(byOrigin.count)
        let sd = (byOrigin.reduce(0) { $0 + ($1 - originMean) * ($1 - originMean) } / Double(byOrigin.count - 1)).squareRoot()
        let critical = StudentTDistribution(degreesOfFreedom: Double(byOrigin.count - 1)).quantile(0.975)
        return mean > critical * sd / Double(byOrigin.count).squareRoot()
    }

    /// Interval half-widths in forecast standard deviations that covered `level` percent of the
    /// validation errors at each horizon: the ⌈(n+1)·level⌉-th smallest standardised error
    /// (split-conformal), or nil with fewer than 20 errors at a horizon.
    func multipliers(_ model: Candidate, level: Double) -> [Double]? {
        guard let errors = standardized[model] else { return nil }
        var result: [Double] = []
        for horizonErrors in errors {
            guard horizonErrors.count >= 20 else { return nil }
            let sorted = horizonErrors.sorted()
            let rank = min(sorted.count, Int((Double(sorted.count + 1) * level / 100).rounded(.up)))
            result.append(sorted[rank - 1])
        }
        return result
    }
}

/// Forecasts already made in a backtest, by model and origin, so that `auto`'s validation at a
/// later origin reuses them instead of refitting.
final class ForecastCache: @unchecked Sendable {
    private var entries: [String: [Result<Forecast, ForecastFailure>]] = [:]
    private let lock = NSLock()

    func forecasts(_ candidate: Candidate, through origin: Int) -> [Result<Forecast, ForecastFailure>]? {
        lock.lock(); defer { lock.unlock() }
        return entries["\(candidate.label)@\(origin)"]
    }

    func store(_ candidate: Candidate, through origin: Int, _ value: [Result<Forecast, ForecastFailure>]) {
        lock.lock(); defer { lock.unlock() }
        entries["\(candidate.label)@\(origin)"] = value
    }
}
