import Foundation

/// Panel-AR(2): one model for all units of an indicator,
///
///     y(i, t+1) = a + b₁ y(i, t) + b₂ y(i, t−1) + c m(t) + e,   m(t) = mean over units at t,
///
/// fitted jointly by least squares over every unit and period (QR with refinement). Short series
/// borrow strength from the others: 63 provinces × 10 years give 500 rows for 4 coefficients.
/// Intervals come from simulating the whole panel forward with normal errors of the pooled
/// residual variance — m(t) is recomputed from the simulated units at every step, so common
/// movements propagate — from a seeded generator, so results are reproducible.
public enum PanelAutoregression {
    /// The pooled fit.
    public struct Fit: Sendable {
        /// a, b₁, b₂, c.
        public let coefficients: [Double]
        /// Pooled residual variance (RSS / (rows − 4)).
        public let variance: Double
        public let rows: Int
    }

    /// Cross-unit means per period over the observed units (NaN where none).
    static func means(_ panel: [[Double]], periods: Int) -> [Double] {
        (0..<periods).map { t in
            let values = panel.compactMap { $0[t].isNaN ? nil : $0[t] }
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }
    }

    /// Fits the pooled model on `panel` (units × periods, NaN = missing).
    /// - Throws: `.tooShort` when fewer than 8 complete rows exist.
    public static func fit(_ panel: [[Double]]) throws(ForecastFailure) -> Fit {
        let periods = panel.first?.count ?? 0
        let m = means(panel, periods: periods)
        var rows: [[Double]] = []
        var response: [Double] = []
        for series in panel {
            for t in stride(from: 2, to: periods, by: 1) {
                let values = [series[t], series[t - 1], series[t - 2], m[t - 1]]
                if values.contains(where: \.isNaN) { continue }
                rows.append([1, series[t - 1], series[t - 2], m[t - 1]])
                response.append(series[t])
            }
        }
        guard rows.count >= 8 else { throw .tooShort(observations: rows.count, needed: 8, model: "Panel-AR(2) (complete rows)") }
        let design = Matrix(rowMajor: rows)
        guard let result = try? LinearRegression.fit(LinearRegressionProblem(design: design, response: response, terms: ["const", "y1", "y2", "mean"], hasIntercept: true)) else {
            throw .constant
        }
        return Fit(coefficients: result.coefficients, variance: pow(result.residualStandardError, 2), rows: rows.count)
    }

    /// Forecasts every unit `horizon` periods past the panel's last period.
    /// - Returns: one result per unit; a unit without values in the last two periods fails.
    public static func forecast(_ panel: [[Double]], horizon: Int, levels: [Double], paths: Int = 2000, seed: UInt64 = 1) throws(ForecastFailure) -> [Result<Forecast, ForecastFailure>] {
        let fit = try fit(panel)
        let periods = panel[0].count
        let (a, b1, b2, c) = (fit.coefficients[0], fit.coefficients[1], fit.coefficients[2], fit.coefficients[3])
        let active = panel.indices.filter { periods >= 2 && !panel[$0][periods - 1].isNaN && !panel[$0][periods - 2].isNaN }
        let lastMean = means(panel, periods: periods)[periods - 1]
        // Runs the panel forward; `noise` gives the error of unit k at step h (0 for the point path).
        func run(_ noise: (Int, Int) -> Double) -> [[Double]] {
            var previous = active.map { panel[$0][periods - 2] }
            var current = active.map { panel[$0][periods - 1] }
            var mean = lastMean
            var out = [[Double]](repeating: [], count: active.count)
            for h in 0..<horizon {
                var next = [Double](repeating: 0, count: active.count)
                for k in active.indices {
                    next[k] = a + b1 * current[k] + b2 * previous[k] + c * mean + noise(k, h)
                    out[k].append(next[k])
                }
                previous = current
                current = next
                mean = next.reduce(0, +) / Double(max(1, next.count))
            }
            return out
        }
        let points = run { _, _ in 0 }
        var generator = SeededGenerator(seed: seed)
        let sigma = fit.variance.squareRoot()
        var simulated = [[[Double]]](repeating: [[Double]](repeating: [], count: horizon), count: active.count)
        for _ in 0..<paths {
            var draws = [Double](repeating: 0, count: active.count * horizon)
            for i in draws.indices { draws[i] = sigma * generator.nextNormal() }
            let path = run { k, h in draws[k * horizon + h] }
            for k in active.indices { for h in 0..<horizon { simulated[k][h].append(path[k][h]) } }
        }
        var results = [Result<Forecast, ForecastFailure>](repeating: .failure(.tooShort(observations: 1, needed: 2, model: "Panel-AR(2) (values in the last two periods)")), count: panel.count)
        let parameters: [(name: String, value: Double)] = [("a", a), ("b1", b1), ("b2", b2), ("c", c), ("sigma2", fit.variance)]
        let m = means(panel, periods: periods)
        for (k, unit) in active.enumerated() {
            let series = panel[unit]
            var fitted = [Double](repeating: .nan, count: periods)
            for t in stride(from: 2, to: periods, by: 1) where !series[t - 1].isNaN && !series[t - 2].isNaN && !m[t - 1].isNaN {
                fitted[t] = a + b1 * series[t - 1] + b2 * series[t - 2] + c * m[t - 1]
            }
            let distributions = (0..<horizon).map { h in
                PredictiveDistribution(center: points[k][h], shape: .simulated(simulated[k][h].sorted()))
            }
            results[unit] = .success(Forecast(
                method: "Panel-AR(2)", distributions: distributions, levels: levels, fitted: fitted,
                residuals: zip(series, fitted).map { $0 - $1 }, parameters: parameters, aicc: nil,
                observations: series.filter { !$0.isNaN }.count))
        }
        return results
    }
}
