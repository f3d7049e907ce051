/// Why a regression cannot be fitted, in terms of the model's named columns.
public enum RegressionError: ReportableError, Equatable {
    /// A column is (numerically) a linear combination of the columns before it.
    case rankDeficient(column: String, columns: [String])
    /// Fewer observations than parameters, or none left for the residual variance.
    case tooFewObservations(observations: Int, parameters: Int)
    /// A value is infinite or NaN.
    case nonFinite(row: Int, column: String)
    /// A weight is zero, negative or not finite.
    case badWeight(row: Int, weight: Double)
    /// Cluster-robust covariance needs a cluster for every row and at least two clusters.
    case tooFewClusters(count: Int)

    public var description: String {
        switch self {
        case let .rankDeficient(column, columns):
            return "the design is rank deficient: '\(column)' is a linear combination of the other columns (\(columns.joined(separator: ", "))); drop it, or check for a constant column or duplicated indicator"
        case let .tooFewObservations(observations, parameters):
            return "\(observations) complete observations for \(parameters) parameters; a regression needs more observations than parameters"
        case let .nonFinite(row, column):
            return "observation \(row + 1) has an infinite or missing value in '\(column)'"
        case let .badWeight(row, weight):
            return "observation \(row + 1) has weight \(weight); weights must be positive and finite"
        case let .tooFewClusters(count):
            return "cluster-robust standard errors need at least 2 clusters, found \(count)"
        }
    }
}
