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
    func forecast(model: ForecastModel, horizon: Int, levels: [Double], scale: BoundedScale?, seed: UInt64, paths: Int = 2000) -> [Result<Forecast, ForecastFailure>] {
        if model == .panel {
            let transformed = scale.map { s in values.map { $0.map(s.transform) } } ?? values
            do throws(ForecastFailure) {
                let results = try PanelAutoregression.forecast(transformed, horizon: horizon, levels: levels, paths: levels.isEmpty ? 0 : paths, seed: seed)
                guard let scale else { return results }
                return results.enumerated().map { u, result in
                    result.map { $0.onScale(scale, observed: values[u], label: $0.method + "[logit]") }
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

/// What `auto` chose on a panel and the pooled validation scores behind the choice.
struct AutoSelection {
    /// The model chosen for each horizon.
    let models: [ForecastModel]
    let validation: PooledValidation
    let origins: Int
    /// Whether interval widths were calibrated on the validation errors.
    let calibrated: Bool

    var description: String {
        let choices = models.enumerated().map { h, model in
            let score = validation.mase(model, horizon: h + 1).map { String(format: "%.3f", $0) } ?? "–"
            let naive = validation.mase(.naive, horizon: h + 1).map { String(format: "%.3f", $0) } ?? "–"
            return "h\(h + 1) \(model.rawValue) (MASE \(score), naive \(naive))"
        }.joined(separator: "; ")
        let widths = calibrated ? "; interval widths calibrated on the validation errors" : ""
        return "auto over the last \(origins) origins, pooled over units: \(choices)\(widths)"
    }
}

extension PanelWindow {
    /// Forecasts with `model`; `auto` on more than one unit chooses one model for all units by
    /// pooled validation on this window (`PooledValidation.choice`), widens or
    /// narrows its intervals to the coverage seen in that validation, and lets units the model
    /// cannot forecast fall back to the single-series `auto` (AICc), said in their method label.
    func forecastChoosing(_ model: ForecastModel, horizon: Int, levels: [Double], scale: BoundedScale?, seed: UInt64,
                          cache: ForecastCache? = nil, origin: Int? = nil) -> ([Result<Forecast, ForecastFailure>], AutoSelection?) {
        guard model == .auto, values.filter({ $0.contains { !$0.isNaN } }).count > 1 else {
            return (forecast(model: model, horizon: horizon, levels: levels, scale: scale, seed: seed), nil)
        }
        let origins = min(5, periodCount - 3)
        let validation = PooledValidation(self, models: ForecastModel.panelCandidates, horizon: horizon, origins: origins, scale: scale, seed: seed, cache: cache)
        let choices = (1...horizon).map { validation.choice(among: ForecastModel.panelCandidates, horizon: $0) }
        guard choices.allSatisfy({ $0 != nil }) else {
            return (forecast(model: .auto, horizon: horizon, levels: levels, scale: scale, seed: seed), nil)
        }
        let models = choices.map { $0! }
        var byModel: [ForecastModel: [Result<Forecast, ForecastFailure>]] = [:]
        for model in Set(models) {
            byModel[model] = forecast(model: model, horizon: horizon, levels: levels, scale: scale, seed: seed)
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
                } else if let series = series(u), let fallback = try? SeriesForecaster.forecast(series.values, model: .auto, horizon: horizon + series.lag, levels: levels, scale: scale) {
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
    /// Scaled absolute errors per model and horizon, case by case in the same order for every model.
    var scaledErrors: [ForecastModel: [[Double]]] = [:]
    /// The inner origin of each case, per horizon.
    var caseOrigins: [[Int]] = []
    /// Standardised absolute errors per model and horizon.
    var standardized: [ForecastModel: [[Double]]] = [:]

    init(_ window: PanelWindow, models: [ForecastModel], horizon: Int, origins: Int, scale: BoundedScale?, seed: UInt64, cache: ForecastCache?) {
        let last = window.periodCount - 1
        caseOrigins = Array(repeating: [], count: horizon)
        for model in models {
            standardized[model] = Array(repeating: [], count: horizon)
            scaledErrors[model] = Array(repeating: [], count: horizon)
        }
        for origin in stride(from: last - 1, through: max(2, last - origins), by: -1) {
            let training = window.truncated(through: origin)
            let forecasts = ([ForecastModel.naive] + models).map { model in
                cache?.forecasts(model, through: origin) ?? training.forecast(model: model, horizon: horizon, levels: [95], scale: scale, seed: seed, paths: 400)
            }
            for u in window.values.indices {
                // Units with fewer than 4 consecutive values at the origin are left out: their
                // forecasts and intervals rest on one to three points and would only add noise.
                guard let series = training.series(u), series.values.count >= 4, let scaleMAE = series.naiveScale,
                      case let .success(naive) = forecasts[0][u] else { continue }
                for h in 1...horizon where origin + h <= last {
                    let actual = window.values[u][origin + h]
                    guard !actual.isNaN else { continue }
                    caseOrigins[h - 1].append(origin)
                    for (m, model) in models.enumerated() {
                        let chosen: Forecast
                        if case let .success(f) = forecasts[m + 1][u] { chosen = f } else { chosen = naive }
                        scaledErrors[model]![h - 1].append(abs(actual - chosen.points[h - 1]) / scaleMAE)
                        if let error = chosen.distributions[h - 1].standardizedError(actual) { standardized[model]![h - 1].append(error) }
                    }
                }
            }
        }
    }

    /// Mean scaled error of a model at horizon h (1-based), nil without cases.
    func mase(_ model: ForecastModel, horizon h: Int) -> Double? {
        guard let errors = scaledErrors[model]?[h - 1], !errors.isEmpty else { return nil }
        return errors.reduce(0, +) / Double(errors.count)
    }

    /// The model for horizon h: the lowest MASE at that horizon, but naive unless the winner's
    /// advantage over naive is significant in a two-sided 5% t test with the inner origins as
    /// replications (t with origins − 1 degrees of freedom):
    /// picking the best of seven models on a short validation rewards luck, and on PAPI winners of
    /// one or two years lost to naive out of sample. Horizons choose separately because persistence wins one step
    /// ahead where smoothing or pooling wins two steps ahead (PAPI D1).
    func choice(among models: [ForecastModel], horizon h: Int) -> ForecastModel? {
        guard let best = models.filter({ mase($0, horizon: h) != nil }).min(by: { mase($0, horizon: h)! < mase($1, horizon: h)! }) else { return nil }
        guard best != .naive, let naive = scaledErrors[.naive]?[h - 1], let challenger = scaledErrors[best]?[h - 1], naive.count > 1 else { return best }
        // Errors of one origin share that year's shocks across all units, so the origins, not the
        // cases, are the independent replications: the standard error comes from the origin means.
        let differences = zip(naive, challenger).map { $0 - $1 }
        let byOrigin = Dictionary(grouping: differences.indices, by: { caseOrigins[h - 1][$0] }).values.map { cases in
            cases.reduce(0.0) { $0 + differences[$1] } / Double(cases.count)
        }
        let mean = differences.reduce(0, +) / Double(differences.count)
        guard byOrigin.count > 1 else { return .naive }
        let originMean = byOrigin.reduce(0, +) / Double(byOrigin.count)
        let sd = (byOrigin.reduce(0) { $0 + ($1 - originMean) * ($1 - originMean) } / Double(byOrigin.count - 1)).squareRoot()
        let critical = StudentTDistribution(degreesOfFreedom: Double(byOrigin.count - 1)).quantile(0.975)
        return mean > critical * sd / Double(byOrigin.count).squareRoot() ? best : .naive
    }

    /// Interval half-widths in forecast standard deviations that covered `level` percent of the
    /// validation errors at each horizon: the ⌈(n+1)·level⌉-th smallest standardised error
    /// (split-conformal), or nil with fewer than 20 errors at a horizon.
    func multipliers(_ model: ForecastModel, level: Double) -> [Double]? {
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

    func forecasts(_ model: ForecastModel, through origin: Int) -> [Result<Forecast, ForecastFailure>]? {
        lock.lock(); defer { lock.unlock() }
        return entries["\(model.rawValue)@\(origin)"]
    }

    func store(_ model: ForecastModel, through origin: Int, _ value: [Result<Forecast, ForecastFailure>]) {
        lock.lock(); defer { lock.unlock() }
        entries["\(model.rawValue)@\(origin)"] = value
    }
}
