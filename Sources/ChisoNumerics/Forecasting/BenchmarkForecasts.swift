import Foundation

/// The simple benchmarks every forecast must beat (Hyndman & Athanasopoulos, *Forecasting:
/// Principles and Practice*, §5.2 and §5.5 for their intervals).
public enum BenchmarkForecasts {
    /// The mean of the series; intervals ± t_{n−1} s √(1 + 1/n). Needs 2 observations.
    public static func mean(_ y: [Double], horizon: Int, levels: [Double]) throws(ForecastFailure) -> Forecast {
        guard !y.isEmpty else { throw .noData }
        guard y.count >= 2 else { throw .tooShort(observations: y.count, needed: 2, model: "Mean") }
        let n = Double(y.count)
        let mean = y.reduce(0, +) / n
        let s2 = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return .symmetric(method: "Mean", points: Array(repeating: mean, count: horizon), variances: Array(repeating: s2 * (1 + 1 / n), count: horizon),
                          degreesOfFreedom: n - 1, levels: levels, fitted: Array(repeating: mean, count: y.count), residuals: y.map { $0 - mean },
                          parameters: [("mean", mean), ("sigma2", s2)], aicc: nil, observations: y.count)
    }

    /// The last value; intervals ± z σ √h with σ² the mean squared one-step change. Needs 2 observations.
    public static func naive(_ y: [Double], horizon: Int, levels: [Double]) throws(ForecastFailure) -> Forecast {
        guard !y.isEmpty else { throw .noData }
        guard y.count >= 2 else { throw .tooShort(observations: y.count, needed: 2, model: "Naive") }
        let changes = zip(y.dropFirst(), y).map { $0 - $1 }
        let s2 = changes.reduce(0) { $0 + $1 * $1 } / Double(changes.count)
        let last = y[y.count - 1]
        return .symmetric(method: "Naive", points: Array(repeating: last, count: horizon), variances: (1...horizon).map { s2 * Double($0) },
                          levels: levels, fitted: [.nan] + Array(y.dropLast()), residuals: [.nan] + changes,
                          parameters: [("sigma2", s2)], aicc: nil, observations: y.count)
    }

    /// The last value plus h times the average change; intervals ± z σ √(h (1 + h/(n−1))) with σ²
    /// the variance of the changes around their mean (n − 2 degrees of freedom). Needs 3 observations.
    public static func drift(_ y: [Double], horizon: Int, levels: [Double]) throws(ForecastFailure) -> Forecast {
        guard !y.isEmpty else { throw .noData }
        guard y.count >= 3 else { throw .tooShort(observations: y.count, needed: 3, model: "Drift") }
        let changes = zip(y.dropFirst(), y).map { $0 - $1 }
        let drift = changes.reduce(0, +) / Double(changes.count)
        let s2 = changes.reduce(0) { $0 + ($1 - drift) * ($1 - drift) } / Double(changes.count - 1)
        let last = y[y.count - 1], m = Double(y.count - 1)
        let steps = (1...horizon).map(Double.init)
        let points: [Double] = steps.map { last + $0 * drift }
        let variances: [Double] = steps.map { h in s2 * h * (1 + h / m) }
        let fitted: [Double] = [.nan] + y.dropLast().map { $0 + drift }
        let residuals: [Double] = [.nan] + changes.map { $0 - drift }
        return .symmetric(method: "Drift", points: points, variances: variances, levels: levels, fitted: fitted, residuals: residuals,
                          parameters: [("drift", drift), ("sigma2", s2)], aicc: nil, observations: y.count)
    }

    /// A straight line fitted by least squares, extrapolated; prediction intervals from the
    /// regression (t with n − 2 df). AICc from the Gaussian likelihood with 3 parameters (a, b, σ).
    /// Needs 3 observations.
    public static func linearTrend(_ y: [Double], horizon: Int, levels: [Double]) throws(ForecastFailure) -> Forecast {
        guard !y.isEmpty else { throw .noData }
        guard y.count >= 3 else { throw .tooShort(observations: y.count, needed: 3, model: "OLS(trend)") }
        let n = y.count
        let times = (0..<n).map(Double.init)
        let design = Matrix(rows: n, columns: 2, columnMajor: [Double](repeating: 1, count: n) + times)
        guard let fit = try? LinearRegression.fit(LinearRegressionProblem(design: design, response: y, terms: ["const", "t"], hasIntercept: true)) else {
            throw .constant
        }
        let future = Matrix(rows: horizon, columns: 2, columnMajor: [Double](repeating: 1, count: horizon) + (0..<horizon).map { Double(n + $0) })
        let degreesOfFreedom = Double(fit.residualDegreesOfFreedom)
        let distributions = fit.predict(future).map {
            PredictiveDistribution(center: $0.estimate, shape: .studentT(scale: $0.predictionStandardError, degreesOfFreedom: degreesOfFreedom))
        }
        let k = 3.0, nn = Double(n)
        let aicc = -2 * fit.logLikelihood + 2 * k + 2 * k * (k + 1) / (nn - k - 1)
        return Forecast(method: "OLS(trend)", distributions: distributions, levels: levels, fitted: fit.fitted, residuals: fit.residuals,
                        parameters: [("intercept", fit.coefficients[0]), ("slope", fit.coefficients[1]), ("sigma2", pow(fit.residualStandardError, 2))],
                        aicc: nn - k - 1 > 0 ? aicc : nil, observations: n)
    }
}
