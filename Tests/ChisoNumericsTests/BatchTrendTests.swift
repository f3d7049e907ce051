import ChisoApproximation
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

struct BatchTrendTests {
    /// y = 1, 2, 2, 4 at t = 0…3: slope 0.9, intercept 0.9 (see MatrixLeastSquaresTests);
    /// residuals 0.1, 0.2, −0.7, 0.4: RSS = 0.7, s² = 0.35, Sxx = 5, TSS = 4.75,
    /// SE(slope) = √(0.35/5), SE(intercept) = √(0.35 (1/4 + 1.5²/5)), R² = 1 − 0.7/4.75.
    @Test func handComputedLine() {
        let fit = BatchTrend.fit(times: [0, 1, 2, 3], series: Matrix(column: [1, 2, 2, 4]))[0]
        #expect(fit.status == .fitted)
        #expect(agree(fit.slope, 0.9, relative: 1e-14))
        #expect(agree(fit.intercept, 0.9, relative: 1e-14))
        #expect(agree(fit.slopeStandardError, (0.35 / 5).squareRoot(), relative: 1e-13))
        #expect(agree(fit.interceptStandardError, (0.35 * (1.0 / 4 + 1.5 * 1.5 / 5)).squareRoot(), relative: 1e-13))
        #expect(agree(fit.rSquared, 1 - 0.7 / 4.75, relative: 1e-14))
        #expect(agree(fit.percentPerPeriod, 100 * 0.9 / 2.25, relative: 1e-14))
        #expect(agree(fit.compoundGrowth, 100 * (pow(4.0, 1.0 / 3) - 1), relative: 1e-14))
        #expect(fit.n == 4)
    }

    @Test func batchEqualsOneByOneAcrossMissingnessPatterns() throws {
        // Deterministic pseudo-random series, some with gaps.
        var state: UInt64 = 42
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        let times = (0..<12).map { Double(2013 + $0) }
        var series = Matrix(rows: 12, columns: 50)
        for s in 0..<50 { for i in 0..<12 { series[i, s] = 80 + Double(s % 7) * 0.3 * Double(i) + 5 * next() } }
        for s in stride(from: 0, to: 50, by: 5) { series[s % 12, s] = .nan; series[(s + 3) % 12, s] = .nan }
        let fits = BatchTrend.fit(times: times, series: series)
        for s in 0..<50 {
            let rows = (0..<12).filter { !series[$0, s].isNaN }
            let design = Matrix(rows: rows.count, columns: 2, columnMajor: [Double](repeating: 1, count: rows.count) + rows.map { times[$0] })
            let single = try LinearRegression.fit(LinearRegressionProblem(design: design, response: rows.map { series[$0, s] }, terms: ["const", "t"], hasIntercept: true))
            #expect(fits[s].n == rows.count)
            #expect(agree(fits[s].slope, single.coefficients[1], relative: 1e-10), "series \(s)")
            #expect(agree(fits[s].intercept, single.coefficients[0], relative: 1e-10), "series \(s)")
            #expect(agree(fits[s].slopeStandardError, single.standardErrors[1], relative: 1e-9), "series \(s)")
            #expect(agree(fits[s].interceptStandardError, single.standardErrors[0], relative: 1e-7), "series \(s)")
            #expect(agree(fits[s].pValue, single.pValues[1], relative: 1e-8), "series \(s)")
            #expect(agree(fits[s].rSquared, single.rSquared, relative: 1e-10), "series \(s)")
        }
    }

    @Test func seriesOrderDoesNotChangeTheirFits() {
        let series = Matrix(rowMajor: [[1, 5, .nan], [2, 5, 3], [2, 5, 4], [4, 5, 9]])
        let swapped = Matrix(rowMajor: [[.nan, 1, 5], [3, 2, 5], [4, 2, 5], [9, 4, 5]])
        let a = BatchTrend.fit(times: [0, 1, 2, 3], series: series)
        let b = BatchTrend.fit(times: [0, 1, 2, 3], series: swapped)
        // Compared as text so that NaN fields (no test for a constant series) compare equal.
        #expect(String(describing: a[0]) == String(describing: b[1]))
        #expect(String(describing: a[1]) == String(describing: b[2]))
        #expect(String(describing: a[2]) == String(describing: b[0]))
    }

    @Test func shortConstantAndEmptySeriesSayWhy() {
        let series = Matrix(rowMajor: [[5, 1, .nan, .nan], [5, .nan, .nan, 2], [5, 3, .nan, .nan]])
        let fits = BatchTrend.fit(times: [0, 1, 2], series: series)
        #expect(fits[0].status == .constant)
        #expect(fits[0].slope == 0)
        #expect(fits[1].status == .twoPoints)
        #expect(agree(fits[1].slope, 1, relative: 1e-15))
        #expect(fits[1].slopeStandardError.isNaN)
        #expect(fits[2].status == .tooShort)
        #expect(fits[2].n == 0)
        #expect(fits[3].status == .tooShort)
        #expect(fits[3].n == 1)
    }
}
