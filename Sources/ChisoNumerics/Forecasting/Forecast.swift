import Foundation

/// A forecast of horizons 1…h: one predictive distribution per horizon, the intervals read off
/// them at the requested levels, and what the model saw. The common result of every model.
public struct Forecast: Sendable {
    /// Compact method label: `Naive`, `Drift`, `Mean`, `OLS(trend)`, `ETS(A,Ad,N)`, `Panel-AR(2)`.
    public let method: String
    /// The predictive distribution of each horizon.
    public let distributions: [PredictiveDistribution]
    /// Point forecasts for horizons 1…h, on the indicator's scale.
    public let points: [Double]
    /// Interval levels in percent (80, 95).
    public let levels: [Double]
    /// lower[l][h−1] and upper[l][h−1] for levels[l], read off `distributions`.
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

    public init(method: String, distributions: [PredictiveDistribution], levels: [Double], fitted: [Double], residuals: [Double],
                parameters: [(name: String, value: Double)], aicc: Double?, observations: Int) {
        self.method = method
        self.distributions = distributions
        self.points = distributions.map(\.point)
        self.levels = levels
        let intervals = levels.map { level in distributions.map { $0.interval(level: level) } }
        self.lower = intervals.map { $0.map(\.lower) }
        self.upper = intervals.map { $0.map(\.upper) }
        self.fitted = fitted
        self.residuals = residuals
        self.parameters = parameters
        self.aicc = aicc
        self.observations = observations
    }

    /// The method label of horizon h (1-based).
    public func method(atStep h: Int) -> String { stepMethods?[h - 1] ?? method }

    /// The same forecast with other distributions (and method label), keeping what the model saw.
    public func replacing(distributions: [PredictiveDistribution], method: String? = nil) -> Forecast {
        var copy = Forecast(method: method ?? self.method, distributions: distributions, levels: levels, fitted: fitted, residuals: residuals,
                            parameters: parameters, aicc: aicc, observations: observations)
        copy.stepMethods = stepMethods
        return copy
    }

    /// A forecast taking horizon h from `parts[h − 1]` (each a full forecast); fitted values,
    /// residuals and parameters come from the first.
    public static func assembled(_ parts: [Forecast], label: String) -> Forecast {
        var combined = parts[0].replacing(distributions: parts.indices.map { parts[$0].distributions[$0] }, method: label)
        combined.stepMethods = parts.map(\.method)
        return combined
    }

    /// The same forecast under another method label (a fallback, a note).
    public func relabeled(_ method: String) -> Forecast {
        replacing(distributions: distributions, method: method)
    }

    /// The forecast without its first `steps` horizons (those fall before the origin).
    public func dropping(_ steps: Int) -> Forecast {
        guard steps > 0 else { return self }
        return replacing(distributions: Array(distributions.dropFirst(steps)))
    }

    /// A forecast whose distributions are normal (or Student's t with `degreesOfFreedom`) around
    /// `points` with the given variances.
    static func symmetric(method: String, points: [Double], variances: [Double], degreesOfFreedom: Double? = nil, levels: [Double],
                          fitted: [Double], residuals: [Double], parameters: [(name: String, value: Double)], aicc: Double?, observations: Int) -> Forecast {
        let distributions = zip(points, variances).map { point, variance in
            let scale = variance.squareRoot()
            return PredictiveDistribution(center: point, shape: degreesOfFreedom.map { .studentT(scale: scale, degreesOfFreedom: $0) } ?? .normal(standardDeviation: scale))
        }
        return Forecast(method: method, distributions: distributions, levels: levels, fitted: fitted, residuals: residuals,
                        parameters: parameters, aicc: aicc, observations: observations)
    }

    /// The forecast of a model fitted on the logit scale, read on the indicator's scale: the
    /// distributions map back through `scale`, fitted values too, and residuals are taken
    /// against `observed`.
    public func onScale(_ scale: ForecastScale, observed: [Double], label: String) -> Forecast {
        let back = fitted.map { $0.isNaN ? $0 : scale.inverse($0) }
        var copy = Forecast(method: label, distributions: distributions.map { $0.onScale(scale) }, levels: levels, fitted: back,
                            residuals: zip(observed, back).map { $0.isNaN || $1.isNaN ? .nan : $0 - $1 },
                            parameters: parameters, aicc: aicc, observations: observations)
        copy.stepMethods = stepMethods
        return copy
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
