/// A prediction at a new point with its intervals.
public struct RegressionPrediction: Sendable, Equatable {
    /// x₀ᵀb.
    public let estimate: Double
    /// Standard error of the mean response, √(x₀ᵀ V x₀) with the classical covariance.
    public let standardError: Double
    /// Interval for the mean response.
    public let confidenceLower: Double
    public let confidenceUpper: Double
    /// Standard error of a new observation (weight 1): √(s² + SE²).
    public let predictionStandardError: Double
    /// Interval for a new observation.
    public let predictionLower: Double
    public let predictionUpper: Double
}

extension LinearRegressionResult {
    /// Predictions at the rows of `points` (columns as in `terms`, intercept column included),
    /// with confidence and prediction intervals at `level`.
    public func predict(_ points: Matrix, level: Double? = nil) -> [RegressionPrediction] {
        precondition(points.columns == parameters, "Points need \(parameters) columns")
        let critical = StudentTDistribution(degreesOfFreedom: Double(residualDegreesOfFreedom)).quantile(0.5 + (level ?? self.level) / 2)
        let s2 = residualStandardError * residualStandardError
        return (0..<points.rows).map { i in
            let x = (0..<parameters).map { points[i, $0] }
            let estimate = zip(x, coefficients).reduce(0.0) { $0 + $1.0 * $1.1 }
            let vx = classicalCovariance.multiplied(byVector: x)
            let se = max(0, zip(x, vx).reduce(0.0) { $0 + $1.0 * $1.1 }).squareRoot()
            let predictionSE = (s2 + se * se).squareRoot()
            return RegressionPrediction(
                estimate: estimate, standardError: se,
                confidenceLower: estimate - critical * se, confidenceUpper: estimate + critical * se, predictionStandardError: predictionSE,
                predictionLower: estimate - critical * predictionSE, predictionUpper: estimate + critical * predictionSE)
        }
    }
}
