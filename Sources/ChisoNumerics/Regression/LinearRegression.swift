import Foundation

/// How the covariance of the coefficients is estimated.
public enum CovarianceEstimator: String, Sendable, CaseIterable {
    /// s²(XᵀX)⁻¹, assuming homoskedastic independent errors.
    case classical
    /// White's heteroskedasticity-consistent estimator.
    case hc0
    /// HC0 scaled by n/(n − k).
    case hc1
    /// Squared residuals divided by 1 − hᵢ (leverage).
    case hc2
    /// Squared residuals divided by (1 − hᵢ)².
    case hc3
    /// Clustered by unit: G/(G−1) · (n−1)/(n−k) · Σ_g (X_gᵀe_g)(X_gᵀe_g)ᵀ, the small-sample
    /// correction of Stata and statsmodels.
    case cluster
}

/// A linear model to fit by least squares.
public struct LinearRegressionProblem: Sendable {
    /// n × k design, columns in the order of `terms` (including the intercept column if any).
    public var design: Matrix
    public var response: [Double]
    /// Names of the design's columns.
    public var terms: [String]
    /// Whether one column is the intercept (R² is then centred).
    public var hasIntercept: Bool
    /// Weights for weighted least squares (minimising Σ wᵢ eᵢ²); nil for ordinary least squares.
    public var weights: [Double]?
    /// Cluster label of each row, for `.cluster`.
    public var clusters: [Int]?
    /// Low parts of the design and response when the data are known to double-double precision
    /// (decimal text parsed exactly, powers formed in double-double); used by unweighted fits.
    public var designLow: Matrix?
    public var responseLow: [Double]?

    public init(design: Matrix, response: [Double], terms: [String], hasIntercept: Bool, weights: [Double]? = nil, clusters: [Int]? = nil) {
        precondition(design.rows == response.count && design.columns == terms.count, "Design, response and terms disagree in size")
        self.design = design
        self.response = response
        self.terms = terms
        self.hasIntercept = hasIntercept
        self.weights = weights
        self.clusters = clusters
    }

    /// A problem whose columns and response are known to double-double precision.
    public init(columns: [[DoubleDouble]], response: [DoubleDouble], terms: [String], hasIntercept: Bool, weights: [Double]? = nil, clusters: [Int]? = nil) {
        let n = response.count
        precondition(columns.allSatisfy { $0.count == n }, "Columns differ in length")
        self.init(design: Matrix(rows: n, columns: columns.count, columnMajor: columns.flatMap { $0.map(\.hi) }),
                  response: response.map(\.hi), terms: terms, hasIntercept: hasIntercept, weights: weights, clusters: clusters)
        designLow = Matrix(rows: n, columns: columns.count, columnMajor: columns.flatMap { $0.map(\.lo) })
        responseLow = response.map(\.lo)
    }
}

/// A fitted linear model with its inference (`OLS`, or `WLS` with weights).
public struct LinearRegressionResult: Sendable {
    /// Method label: `OLS` or `WLS`.
    public let method: String
    public let terms: [String]
    public let coefficients: [Double]
    public let standardErrors: [Double]
    public let tStatistics: [Double]
    /// Two-sided p-values from t with `inferenceDegreesOfFreedom`.
    public let pValues: [Double]
    public let confidenceLower: [Double]
    public let confidenceUpper: [Double]
    /// The confidence level of the intervals (0.95 by default).
    public let level: Double
    /// Covariance of the coefficients under `covarianceEstimator`.
    public let covariance: Matrix
    public let covarianceEstimator: CovarianceEstimator
    public let observations: Int
    public let parameters: Int
    public let residualDegreesOfFreedom: Int
    /// Degrees of freedom of the t distribution for tests and intervals:
    /// n − k, or G − 1 under cluster-robust covariance.
    public let inferenceDegreesOfFreedom: Int
    /// s = √(RSS / (n − k)), RSS weighted under WLS.
    public let residualStandardError: Double
    public let residualSumOfSquares: Double
    /// Centred with an intercept, uncentred without.
    public let rSquared: Double
    public let adjustedRSquared: Double
    /// Overall F test of all slopes (NaN when the model has only an intercept).
    public let fStatistic: Double
    public let fPValue: Double
    public let logLikelihood: Double
    public let aic: Double
    public let bic: Double
    /// σ_max / σ_min of the (weighted) design.
    public let conditionNumber: Double
    public let rank: Int
    public let fitted: [Double]
    /// y − fitted (unweighted).
    public let residuals: [Double]
    public let hasIntercept: Bool
    /// Correction steps of the extended-precision refinement.
    public let refinementSteps: Int
    /// s²(XᵀX)⁻¹, used for prediction intervals whatever the covariance estimator.
    let classicalCovariance: Matrix
}

/// Ordinary and weighted least squares by Householder QR with refinement in extended precision.
///
/// The fit is never computed from the normal equations: A = QR (LAPACK), then the augmented
/// system [I A; Aᵀ 0] is refined with residuals in double-double (`AugmentedSystemRefinement`),
/// both for the coefficients and for the columns of (AᵀA)⁻¹ that give the standard errors.
/// Data known more precisely than doubles (decimal text read exactly, polynomial powers) enter
/// the refinement's residuals at that precision. On the eleven NIST StRD linear datasets this
/// reaches the certified values to at least 14.3 digits (coefficients) and 14.5 (standard
/// errors), Filip included; see docs/decisions.md.
public enum LinearRegression {
    /// Fits `problem` and computes its inference at confidence `level`.
    public static func fit(_ problem: LinearRegressionProblem, covariance estimator: CovarianceEstimator = .classical, level: Double = 0.95) throws(RegressionError) -> LinearRegressionResult {
        let (n, k) = (problem.design.rows, problem.design.columns)
        for i in 0..<n {
            guard problem.response[i].isFinite else { throw .nonFinite(row: i, column: "response") }
            for j in 0..<k where !problem.design[i, j].isFinite { throw .nonFinite(row: i, column: problem.terms[j]) }
        }
        if let weights = problem.weights {
            for (i, w) in weights.enumerated() where !(w > 0 && w.isFinite) { throw .badWeight(row: i, weight: w) }
        }
        guard n > k, k > 0 else { throw .tooFewObservations(observations: n, parameters: k) }
        let rootWeights = problem.weights?.map { $0.squareRoot() } ?? [Double](repeating: 1, count: n)
        let design = problem.weights == nil ? problem.design : problem.design.scalingRows(by: rootWeights)
        let response = zip(problem.response, rootWeights).map { $0 * $1 }

        let factorization: QRFactorization
        let refined: (x: [[DoubleDouble]], r: [[DoubleDouble]], steps: Int)
        do {
            factorization = try QRFactorization(design)
            let exact = problem.weights == nil
            let refinement = AugmentedSystemRefinement(design: design, designLow: exact ? problem.designLow : nil, factorization: factorization)
            // Column 0: the fit. Columns 1…k: (AᵀA)⁻¹ e_j, for the standard errors.
            var f = Matrix(rows: n, columns: k + 1)
            var g = Matrix(rows: k, columns: k + 1)
            var fLow: Matrix?
            for i in 0..<n { f[i, 0] = response[i] }
            if exact, let responseLow = problem.responseLow {
                var low = Matrix(rows: n, columns: k + 1)
                for i in 0..<n { low[i, 0] = responseLow[i] }
                fLow = low
            }
            for j in 0..<k { g[j, j + 1] = -1 }
            refined = try refinement.solve(f: f, fLow: fLow, g: g)
        } catch {
            if case let .rankDeficient(column, _) = error { throw .rankDeficient(column: problem.terms[column], columns: problem.terms) }
            throw .tooFewObservations(observations: n, parameters: k)
        }

        let coefficients = refined.x[0].map(\.value)
        let weightedResiduals = refined.r[0]
        var squares = CompensatedSum()
        for e in weightedResiduals {
            squares.addProduct(e.hi, e.hi)
            squares.addProduct(2 * e.hi, e.lo)
        }
        let rss = squares.value
        let residualDF = n - k
        let s2 = rss / Double(residualDF)
        var unscaled = Matrix(rows: k, columns: k)
        for j in 0..<k { for i in 0..<k { unscaled[i, j] = refined.x[j + 1][i].value } }
        // Symmetrise the refined (AᵀA)⁻¹.
        for j in 0..<k { for i in 0..<j { let mean = (unscaled[i, j] + unscaled[j, i]) / 2; unscaled[i, j] = mean; unscaled[j, i] = mean } }
        var classical = unscaled
        for j in 0..<k { for i in 0..<k { classical[i, j] *= s2 } }

        let fitted = (0..<n).map { i in (0..<k).reduce(0.0) { $0 + problem.design[i, $1] * coefficients[$1] } }
        let residuals = (0..<n).map { problem.response[$0] - fitted[$0] }
        let (covariance, inferenceDF) = try Self.covariance(
            estimator, classical: classical, factorization: factorization, design: design,
            weightedResiduals: weightedResiduals.map(\.value), clusters: problem.clusters, residualDF: residualDF)

        let standardErrors = (0..<k).map { covariance[$0, $0].squareRoot() }
        let t = StudentTDistribution(degreesOfFreedom: Double(inferenceDF))
        let critical = t.quantile(0.5 + level / 2)
        let tStatistics = zip(coefficients, standardErrors).map { $0 / $1 }

        // Goodness of fit, weighted under WLS, centred with an intercept.
        let weights = problem.weights ?? [Double](repeating: 1, count: n)
        let weightSum = weights.reduce(0, +)
        let weightedMean = problem.hasIntercept ? zip(weights, problem.response).reduce(0.0) { $0 + $1.0 * $1.1 } / weightSum : 0
        var totalSquares = CompensatedSum()
        for (w, y) in zip(weights, problem.response) {
            let deviation = y - weightedMean
            totalSquares.addProduct(w * deviation, deviation)
        }
        let tss = totalSquares.value
        let interceptDF = problem.hasIntercept ? 1 : 0
        let rSquared = 1 - rss / tss
        let adjusted = 1 - (1 - rSquared) * Double(n - interceptDF) / Double(residualDF)
        let modelDF = k - interceptDF
        let fStatistic = modelDF > 0 ? ((tss - rss) / Double(modelDF)) / s2 : .nan
        let fPValue = modelDF > 0 ? FDistribution(numeratorDegreesOfFreedom: Double(modelDF), denominatorDegreesOfFreedom: Double(residualDF)).survival(fStatistic) : .nan
        let logWeights = problem.weights?.reduce(0.0) { $0 + log($1) } ?? 0
        let logLikelihood = -Double(n) / 2 * (log(2 * Double.pi) + log(rss / Double(n)) + 1) + logWeights / 2
        let condition = (try? design.conditionNumber()) ?? .nan

        return LinearRegressionResult(
            method: problem.weights == nil ? "OLS" : "WLS", terms: problem.terms, coefficients: coefficients,
            standardErrors: standardErrors, tStatistics: tStatistics, pValues: tStatistics.map(t.twoSidedPValue),
            confidenceLower: zip(coefficients, standardErrors).map { $0 - critical * $1 },
            confidenceUpper: zip(coefficients, standardErrors).map { $0 + critical * $1 },
            level: level, covariance: covariance, covarianceEstimator: estimator, observations: n, parameters: k,
            residualDegreesOfFreedom: residualDF, inferenceDegreesOfFreedom: inferenceDF,
            residualStandardError: s2.squareRoot(), residualSumOfSquares: rss, rSquared: rSquared, adjustedRSquared: adjusted,
            fStatistic: fStatistic, fPValue: fPValue, logLikelihood: logLikelihood,
            aic: -2 * logLikelihood + 2 * Double(k), bic: -2 * logLikelihood + Double(k) * log(Double(n)),
            conditionNumber: condition, rank: k, fitted: fitted, residuals: residuals, hasIntercept: problem.hasIntercept,
            refinementSteps: refined.steps, classicalCovariance: classical)
    }
}
