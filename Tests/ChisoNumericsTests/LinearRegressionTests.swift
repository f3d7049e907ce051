import ChisoApproximation
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// OLS and WLS against statsmodels (Tests/Fixtures/regression/statsmodels_reference.json, made by
/// make_statsmodels_reference.py beside it), and the identities every fit must satisfy.
struct LinearRegressionTests {
    struct Summary: Decodable {
        let params: [Double], bse: [Double], pvalues: [Double]
        let rsquared: Double, rsquared_adj: Double, fvalue: Double, f_pvalue: Double
        let llf: Double, aic: Double, bic: Double, scale: Double, condition_number: Double
    }
    struct Prediction: Decodable {
        let mean: [Double], mean_se: [Double], mean_ci_lower: [Double], mean_ci_upper: [Double], obs_ci_lower: [Double], obs_ci_upper: [Double]
    }
    struct Reference: Decodable {
        let terms: [String]
        let y: [Double], x1: [Double], x2: [Double], t: [Double], cluster: [Int], weights: [Double]
        let new_points: [[Double]]
        let ols: Summary, wls: Summary
        let ols_hc0_bse: [Double], ols_hc1_bse: [Double], ols_hc2_bse: [Double], ols_hc3_bse: [Double], ols_cluster_bse: [Double]
        let prediction: Prediction
    }

    let reference: Reference

    init() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.fixturesFolder + "/regression/statsmodels_reference.json"))
        reference = try JSONDecoder().decode(Reference.self, from: data)
    }

    var problem: LinearRegressionProblem {
        let n = reference.y.count
        let design = Matrix(rows: n, columns: 4, columnMajor: [Double](repeating: 1, count: n) + reference.x1 + reference.x2 + reference.t)
        return LinearRegressionProblem(design: design, response: reference.y, terms: reference.terms, hasIntercept: true, clusters: reference.cluster)
    }

    func expectClose(_ a: [Double], _ b: [Double], _ tolerance: Double, _ what: String) {
        #expect(a.count == b.count, "\(what) length")
        for (i, (x, y)) in zip(a, b).enumerated() {
            #expect(agree(x, y, relative: tolerance), "\(what)[\(i)]: \(x) vs \(y)")
        }
    }

    func expectSummary(_ result: LinearRegressionResult, _ s: Summary, _ what: String) {
        expectClose(result.coefficients, s.params, 1e-10, "\(what) coefficients")
        expectClose(result.standardErrors, s.bse, 1e-10, "\(what) standard errors")
        expectClose(result.pValues, s.pvalues, 1e-8, "\(what) p-values")
        expectClose([result.rSquared, result.adjustedRSquared, result.fStatistic, result.fPValue, result.logLikelihood, result.aic, result.bic],
                    [s.rsquared, s.rsquared_adj, s.fvalue, s.f_pvalue, s.llf, s.aic, s.bic], 1e-10, "\(what) summary")
        #expect(agree(result.residualStandardError * result.residualStandardError, s.scale, relative: 1e-10))
    }

    @Test func olsMatchesStatsmodels() throws {
        let result = try LinearRegression.fit(problem)
        #expect(result.method == "OLS")
        expectSummary(result, reference.ols, "OLS")
        #expect(agree(result.conditionNumber, reference.ols.condition_number, relative: 1e-9))
        #expect(result.observations == 96)
        #expect(result.residualDegreesOfFreedom == 92)
    }

    @Test func wlsMatchesStatsmodels() throws {
        var weighted = problem
        weighted.weights = reference.weights
        let result = try LinearRegression.fit(weighted)
        #expect(result.method == "WLS")
        expectSummary(result, reference.wls, "WLS")
    }

    @Test(arguments: [CovarianceEstimator.hc0, .hc1, .hc2, .hc3, .cluster])
    func robustStandardErrorsMatchStatsmodels(_ estimator: CovarianceEstimator) throws {
        let result = try LinearRegression.fit(problem, covariance: estimator)
        let expected: [Double]
        switch estimator {
        case .hc0: expected = reference.ols_hc0_bse
        case .hc1: expected = reference.ols_hc1_bse
        case .hc2: expected = reference.ols_hc2_bse
        case .hc3: expected = reference.ols_hc3_bse
        default: expected = reference.ols_cluster_bse
        }
        expectClose(result.standardErrors, expected, 1e-9, estimator.rawValue)
        // Coefficients do not depend on the covariance estimator; cluster tests use G − 1 = 11 df.
        expectClose(result.coefficients, reference.ols.params, 1e-10, "coefficients")
        #expect(result.inferenceDegreesOfFreedom == (estimator == .cluster ? 11 : 92))
    }

    @Test func predictionsMatchStatsmodels() throws {
        let result = try LinearRegression.fit(problem)
        let points = Matrix(rowMajor: reference.new_points)
        let predictions = result.predict(points)
        let p = reference.prediction
        expectClose(predictions.map(\.estimate), p.mean, 1e-11, "mean")
        expectClose(predictions.map(\.standardError), p.mean_se, 1e-9, "mean SE")
        expectClose(predictions.map(\.confidenceLower), p.mean_ci_lower, 1e-10, "CI low")
        expectClose(predictions.map(\.confidenceUpper), p.mean_ci_upper, 1e-10, "CI high")
        expectClose(predictions.map(\.predictionLower), p.obs_ci_lower, 1e-10, "PI low")
        expectClose(predictions.map(\.predictionUpper), p.obs_ci_upper, 1e-10, "PI high")
    }

    @Test func fittedPlusResidualIsTheResponse() throws {
        let result = try LinearRegression.fit(problem)
        for i in 0..<reference.y.count {
            #expect(abs(result.fitted[i] + result.residuals[i] - reference.y[i]) <= 4 * reference.y[i].ulp.magnitude)
        }
    }

    @Test func qrAndSVDAgreeOnAWellConditionedDesign() throws {
        let result = try LinearRegression.fit(problem)
        let svd = try problem.design.leastSquaresSolutionBySVD(for: Matrix(column: reference.y))
        #expect(svd.rank == 4)
        expectClose(svd.solution.column(0), result.coefficients, 1e-11, "SVD vs QR")
    }

    @Test func reorderingObservationsChangesNothing() throws {
        let n = reference.y.count
        let order = (0..<n).map { ($0 * 37) % n }  // a permutation, 37 coprime with 96
        #expect(Set(order).count == n)
        var shuffled = problem
        shuffled.design = Matrix(rows: n, columns: 4, columnMajor: (0..<4).flatMap { j in order.map { problem.design[$0, j] } })
        shuffled.response = order.map { reference.y[$0] }
        shuffled.clusters = order.map { reference.cluster[$0] }
        for estimator in [CovarianceEstimator.classical, .hc3, .cluster] {
            let a = try LinearRegression.fit(problem, covariance: estimator)
            let b = try LinearRegression.fit(shuffled, covariance: estimator)
            expectClose(b.coefficients, a.coefficients, 1e-12, "coefficients \(estimator)")
            expectClose(b.standardErrors, a.standardErrors, 1e-10, "standard errors \(estimator)")
        }
    }

    @Test func aConstantColumnBesideTheInterceptIsNamed() {
        let design = Matrix(rowMajor: [[1, 2, 5], [1, 3, 5], [1, 5, 5], [1, 7, 5], [1, 8, 5]])
        let problem = LinearRegressionProblem(design: design, response: [1, 2, 3, 4, 6], terms: ["const", "x", "region"], hasIntercept: true)
        #expect(throws: RegressionError.rankDeficient(column: "region", columns: ["const", "x", "region"])) { try LinearRegression.fit(problem) }
    }

    @Test func tooFewObservationsAndBadValuesAreErrors() {
        let square = LinearRegressionProblem(design: Matrix(rowMajor: [[1, 2], [1, 3]]), response: [1, 2], terms: ["const", "x"], hasIntercept: true)
        #expect(throws: RegressionError.tooFewObservations(observations: 2, parameters: 2)) { try LinearRegression.fit(square) }
        let missing = LinearRegressionProblem(design: Matrix(rowMajor: [[1, 2], [1, .nan], [1, 4]]), response: [1, 2, 3], terms: ["const", "x"], hasIntercept: true)
        #expect(throws: RegressionError.nonFinite(row: 1, column: "x")) { try LinearRegression.fit(missing) }
        var weighted = LinearRegressionProblem(design: Matrix(rowMajor: [[1, 2], [1, 3], [1, 4]]), response: [1, 2, 4], terms: ["const", "x"], hasIntercept: true)
        weighted.weights = [1, 0, 1]
        #expect(throws: RegressionError.badWeight(row: 1, weight: 0)) { try LinearRegression.fit(weighted) }
        #expect(throws: RegressionError.tooFewClusters(count: 0)) { try LinearRegression.fit(LinearRegressionProblem(design: Matrix(rowMajor: [[1, 2], [1, 3], [1, 4]]), response: [1, 2, 4], terms: ["const", "x"], hasIntercept: true), covariance: .cluster) }
    }
}
