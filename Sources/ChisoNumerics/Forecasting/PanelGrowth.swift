import Foundation

/// Panel growth: one model for the changes of all units of an indicator,
///
///     g(i, t) = μᵢ + φ (g(i, t−1) − μᵢ) + e,   g(i, t) = y(i, t) − y(i, t−1),
///
/// on the modelling scale — on the log scale g is a growth rate, so quantities that grow at
/// different rates (a large province's budget and a small one's) share one model of how growth
/// persists. Each unit's mean change μᵢ is its own average change shrunk toward the panel's
/// (empirical Bayes: weight τ² / (τ² + σ²/nᵢ), τ² the spread of the true unit means, σ² the
/// within-unit variance of the changes), so a unit with a few years does not extrapolate its luck;
/// φ and the residual variance are pooled over all units. Forecasts add the expected changes to the
/// last value; the variance of the sum of h changes is σ² Σⱼ (Σₘ₌₀^{h−j} φᵐ)², normal.
public enum PanelGrowth {
    /// The pooled fit.
    public struct Fit: Sendable {
        /// Each unit's shrunk mean change (NaN for a unit with fewer than two values at the end).
        public let means: [Double]
        /// Persistence of a change's deviation from the unit's mean.
        public let persistence: Double
        /// Pooled residual variance of the changes.
        public let variance: Double
        /// Changes the fit used.
        public let rows: Int
    }

    /// Each unit's changes over its trailing run of consecutive values (none without two).
    static func changes(_ panel: [[Double]]) -> [[Double]] {
        panel.map { row in
            guard let last = row.lastIndex(where: { !$0.isNaN }) else { return [] }
            var first = last
            while first > 0 && !row[first - 1].isNaN { first -= 1 }
            return first < last ? (first + 1...last).map { row[$0] - row[$0 - 1] } : []
        }
    }

    /// Fits the pooled model on `panel` (units × periods, NaN = missing).
    /// - Throws: `.tooShort` when fewer than 3 units have changes, or fewer than 8 changes exist.
    public static func fit(_ panel: [[Double]]) throws(ForecastFailure) -> Fit {
        let changes = changes(panel)
        let units = changes.indices.filter { !changes[$0].isEmpty }
        let rows = units.reduce(0) { $0 + changes[$1].count }
        guard units.count >= 3 else { throw .tooShort(observations: units.count, needed: 3, model: "Panel growth (units with two consecutive values)") }
        guard rows >= 8 else { throw .tooShort(observations: rows, needed: 8, model: "Panel growth (changes)") }
        let own = changes.map { $0.isEmpty ? Double.nan : $0.reduce(0, +) / Double($0.count) }
        // Within-unit variance of the changes, pooled; the spread of the unit means beyond what
        // that variance alone would give.
        var within = 0.0, withinDegrees = 0
        for u in units where changes[u].count > 1 {
            within += changes[u].reduce(0) { $0 + ($1 - own[u]) * ($1 - own[u]) }
            withinDegrees += changes[u].count - 1
        }
        within = withinDegrees > 0 ? within / Double(withinDegrees) : 0
        let grand = units.reduce(0) { $0 + own[$1] } / Double(units.count)
        let spread = units.reduce(0) { $0 + (own[$1] - grand) * (own[$1] - grand) } / Double(max(1, units.count - 1))
        let noise = units.reduce(0) { $0 + within / Double(changes[$1].count) } / Double(units.count)
        let between = max(0, spread - noise)
        let means = changes.indices.map { u -> Double in
            guard !changes[u].isEmpty else { return .nan }
            let weight = between + within > 0 ? between / (between + within / Double(changes[u].count)) : 0
            return weight * own[u] + (1 - weight) * grand
        }
        // Persistence of deviations from the unit's mean, pooled by least squares.
        var cross = 0.0, square = 0.0
        for u in units where changes[u].count > 1 {
            for t in 1..<changes[u].count {
                cross += (changes[u][t] - means[u]) * (changes[u][t - 1] - means[u])
                square += (changes[u][t - 1] - means[u]) * (changes[u][t - 1] - means[u])
            }
        }
        let persistence = square > 0 ? min(0.95, max(-0.95, cross / square)) : 0
        var residual = 0.0, count = 0
        for u in units {
            for t in changes[u].indices {
                let expected = t == 0 ? means[u] : means[u] + persistence * (changes[u][t - 1] - means[u])
                residual += (changes[u][t] - expected) * (changes[u][t] - expected)
                count += 1
            }
        }
        return Fit(means: means, persistence: persistence, variance: residual / Double(max(1, count - 2)), rows: rows)
    }

    /// Forecasts every unit `horizon` periods past the panel's last period; a unit last observed
    /// `lag` periods earlier is forecast `lag + h` steps past its last value.
    /// - Returns: one result per unit; a unit without two consecutive values at the end fails.
    public static func forecast(_ panel: [[Double]], horizon: Int, levels: [Double]) throws(ForecastFailure) -> [Result<Forecast, ForecastFailure>] {
        let fit = try fit(panel)
        let changes = changes(panel)
        let phi = fit.persistence
        let parameters: [(name: String, value: Double)] = [("phi", fit.persistence), ("sigma2", fit.variance)]
        return panel.indices.map { u in
            guard let lastChange = changes[u].last, let last = panel[u].lastIndex(where: { !$0.isNaN }) else {
                return .failure(.tooShort(observations: panel[u].filter { !$0.isNaN }.count, needed: 2, model: "Panel growth (two consecutive values)"))
            }
            let lag = panel[u].count - 1 - last
            let mean = fit.means[u]
            var level = panel[u][last]
            var points: [Double] = [], variances: [Double] = []
            for step in 1...(lag + horizon) {
                level += mean + pow(phi, Double(step)) * (lastChange - mean)
                // Each shock j ≤ step reaches step through the persistence of its change.
                let variance = (1...step).reduce(0.0) { total, j in
                    let reach = (0...(step - j)).reduce(0.0) { $0 + pow(phi, Double($1)) }
                    return total + fit.variance * reach * reach
                }
                if step > lag {
                    points.append(level)
                    variances.append(variance)
                }
            }
            let series = panel[u]
            var fitted = [Double](repeating: .nan, count: series.count)
            for t in 2..<max(2, series.count) where !series[t - 1].isNaN && !series[t - 2].isNaN {
                fitted[t] = series[t - 1] + mean + phi * (series[t - 1] - series[t - 2] - mean)
            }
            return .success(Forecast.symmetric(
                method: "Panel growth", points: points, variances: variances, levels: levels, fitted: fitted,
                residuals: zip(series, fitted).map { $0 - $1 }, parameters: parameters, aicc: nil, observations: series.filter { !$0.isNaN }.count))
        }
    }
}
