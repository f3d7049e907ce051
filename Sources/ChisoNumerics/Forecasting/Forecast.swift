import Foundation

/// Point forecasts with intervals, and what the model saw: the common result of every model.
public struct Forecast: Sendable {
    /// Compact method label: `Naive`, `Drift`, `Mean`, `OLS(trend)`, `ETS(A,Ad,N)`, `Panel-AR(2)`.
    public let method: String
    /// Forecasts for horizons 1…h.
    public let points: [Double]
    /// Interval levels in percent (80, 95).
    public let levels: [Double]
    /// lower[l][h−1] and upper[l][h−1] for levels[l].
    public let lower: [[Double]]
    public let upper: [[Double]]
    /// In-sample one-step fitted values and residuals (NaN where none).
    public let fitted: [Double]
    public let residuals: [Double]
    /// Estimated parameters by name (alpha, beta, phi, l0, b0, sigma2, …).
    public let parameters: [(name: String, value: Double)]
    /// Corrected AIC, where the model has a likelihood.
    public let aicc: Double?
    /// Observations the model was fitted on.
    public let observations: Int
    /// The method behind each horizon when they differ (a forecast assembled per horizon).
    public private(set) var stepMethods: [String]?

    /// The method label of horizon h (1-based).
    public func method(atStep h: Int) -> String { stepMethods?[h - 1] ?? method }

    /// A forecast taking horizon h from `parts[h − 1]` (each a full forecast); fitted values,
    /// residuals and parameters come from the first.
    public static func assembled(_ parts: [Forecast], label: String) -> Forecast {
        let first = parts[0]
        var combined = Forecast(
            method: label, points: parts.indices.map { parts[$0].points[$0] }, levels: first.levels,
            lower: first.levels.indices.map { l in parts.indices.map { parts[$0].lower[l][$0] } },
            upper: first.levels.indices.map { l in parts.indices.map { parts[$0].upper[l][$0] } },
            fitted: first.fitted, residuals: first.residuals, parameters: first.parameters, aicc: first.aicc, observations: first.observations)
        combined.stepMethods = parts.map(\.method)
        return combined
    }

    public init(method: String, points: [Double], levels: [Double], lower: [[Double]], upper: [[Double]], fitted: [Double], residuals: [Double],
                parameters: [(name: String, value: Double)], aicc: Double?, observations: Int) {
        self.method = method
        self.points = points
        self.levels = levels
        self.lower = lower
        self.upper = upper
        self.fitted = fitted
        self.residuals = residuals
        self.parameters = parameters
        self.aicc = aicc
        self.observations = observations
    }

    /// The same forecast under another method label (a fallback, a note).
    public func relabeled(_ method: String) -> Forecast {
        Forecast(method: method, points: points, levels: levels, lower: lower, upper: upper, fitted: fitted, residuals: residuals,
                 parameters: parameters, aicc: aicc, observations: observations)
    }

    /// A forecast whose intervals are normal: point ± z·√variance for each level.
    static func normal(method: String, points: [Double], variances: [Double], levels: [Double], fitted: [Double], residuals: [Double],
                       parameters: [(name: String, value: Double)], aicc: Double?, observations: Int, quantile: (Double) -> Double = NormalDistribution.standardQuantile) -> Forecast {
        var lower: [[Double]] = []
        var upper: [[Double]] = []
        for level in levels {
            let z = quantile(0.5 + level / 200)
            lower.append(zip(points, variances).map { $0 - z * $1.squareRoot() })
            upper.append(zip(points, variances).map { $0 + z * $1.squareRoot() })
        }
        return Forecast(method: method, points: points, levels: levels, lower: lower, upper: upper, fitted: fitted, residuals: residuals,
                        parameters: parameters, aicc: aicc, observations: observations)
    }

    /// The same forecast with points, bounds and fitted values mapped through `f` (a monotone
    /// increasing back-transform), so that intervals map to intervals.
    public func mapped(_ f: (Double) -> Double, observed: [Double], label: String) -> Forecast {
        Forecast(method: label, points: points.map(f), levels: levels, lower: lower.map { $0.map(f) }, upper: upper.map { $0.map(f) },
                 fitted: fitted.map { $0.isNaN ? $0 : f($0) },
                 residuals: zip(observed, fitted).map { $0.isNaN || $1.isNaN ? .nan : $0 - f($1) },
                 parameters: parameters, aicc: aicc, observations: observations)
    }
}

/// Why a series cannot be forecast by a model.
public enum ForecastFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer observations than the model needs.
    case tooShort(observations: Int, needed: Int, model: String)
    /// Every observation equal, where the model needs variation.
    case constant
    /// No observation at all.
    case noData

    public var description: String {
        switch self {
        case let .tooShort(n, needed, model): return "\(n) observation\(n == 1 ? "" : "s"), \(model) needs \(needed)"
        case .constant: return "constant series"
        case .noData: return "no observations"
        }
    }

    /// A short machine-readable status.
    public var status: String {
        switch self {
        case .tooShort: return "too short"
        case .constant: return "constant"
        case .noData: return "no data"
        }
    }
}
