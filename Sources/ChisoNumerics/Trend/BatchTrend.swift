import Foundation

/// A straight-line trend y = a + b·t fitted to one series.
public struct TrendFit: Sendable, Equatable {
    /// Why a series has no (complete) fit.
    public enum Status: String, Sendable {
        case fitted
        /// Two observations: a slope, but no standard error.
        case twoPoints = "two points"
        /// Fewer than two observations.
        case tooShort = "too short"
        /// Every observation equal: slope 0 with no test.
        case constant
    }

    public let status: Status
    /// Observations used.
    public let n: Int
    /// Fitted value at t = 0 of the time axis.
    public let intercept: Double
    /// Change per unit of t.
    public let slope: Double
    public let interceptStandardError: Double
    public let slopeStandardError: Double
    public let tStatistic: Double
    /// Two-sided p-value of the slope, t with n − 2 degrees of freedom.
    public let pValue: Double
    public let rSquared: Double
    /// 100 · slope / mean of the observed values: the slope as a percentage of the series' level.
    public let percentPerPeriod: Double
    /// Compound growth per period between the first and last observed values, in percent:
    /// 100 · ((last / first)^(1/(t_last − t_first)) − 1); NaN unless both are positive.
    public let compoundGrowth: Double
    /// First and last observed time.
    public let firstTime: Double
    public let lastTime: Double

    static func empty(_ status: Status, n: Int) -> TrendFit {
        TrendFit(status: status, n: n, intercept: .nan, slope: .nan, interceptStandardError: .nan, slopeStandardError: .nan,
                 tStatistic: .nan, pValue: .nan, rSquared: .nan, percentPerPeriod: .nan, compoundGrowth: .nan, firstTime: .nan, lastTime: .nan)
    }
}

/// Linear trends of many series at once.
///
/// Series that are observed at the same times share one design [1, t − t̄]: it is factorised
/// once (LAPACK QR) and every series of the group is a right-hand side of the same solve, so
/// 100,000 series of 12 points take a handful of BLAS/LAPACK calls. Series with gaps are grouped
/// by their pattern of observed times, one factorisation per pattern. Times are centred inside
/// the fit for accuracy; the intercept is reported at t = 0 of the caller's axis.
public enum BatchTrend {
    /// Fits every column of `series` (rows = times, NaN = not observed) against `times`.
    public static func fit(times: [Double], series: Matrix) -> [TrendFit] {
        precondition(series.rows == times.count, "One row per time point")
        // Group series by the set of times they are observed at.
        var groups: [[Int]: [Int]] = [:]
        var order: [[Int]] = []
        series.withUnsafeElements { values in
            for s in 0..<series.columns {
                let column = values[(s * series.rows)..<((s + 1) * series.rows)]
                let pattern = column.indices.filter { !column[$0].isNaN }.map { $0 - s * series.rows }
                if groups[pattern] == nil { order.append(pattern) }
                groups[pattern, default: []].append(s)
            }
        }
        var fits = [TrendFit](repeating: .empty(.tooShort, n: 0), count: series.columns)
        for rows in order {
            let members = groups[rows]!
            for (s, fit) in zip(members, fitGroup(times: rows.map { times[$0] }, rows: rows, members: members, series: series)) {
                fits[s] = fit
            }
        }
        return fits
    }

    /// One design, all members as right-hand sides.
    private static func fitGroup(times: [Double], rows: [Int], members: [Int], series: Matrix) -> [TrendFit] {
        let n = times.count
        guard n >= 2 else { return members.map { _ in .empty(.tooShort, n: n) } }
        let centre = times.reduce(0, +) / Double(n)
        let design = Matrix(rows: n, columns: 2, columnMajor: [Double](repeating: 1, count: n) + times.map { $0 - centre })
        var responses = Matrix(rows: n, columns: members.count)
        for (c, s) in members.enumerated() { for (i, row) in rows.enumerated() { responses[i, c] = series[row, s] } }
        guard let qr = try? QRFactorization(design), let solution = try? qr.solve(responses), let rInverse = try? qr.rInverse() else {
            return members.map { _ in .empty(.tooShort, n: n) }
        }
        let fitted = design * solution
        let df = n - 2
        let t = df > 0 ? StudentTDistribution(degreesOfFreedom: Double(df)) : nil
        // Row norms of R⁻¹: standard errors per unit of s.
        let interceptScale = (rInverse[0, 0] * rInverse[0, 0] + rInverse[0, 1] * rInverse[0, 1]).squareRoot()
        let slopeScale = abs(rInverse[1, 1])
        return members.indices.map { c in
            let values = (0..<n).map { responses[$0, c] }
            let mean = values.reduce(0, +) / Double(n)
            var rss = 0.0, tss = 0.0
            for i in 0..<n {
                let e = values[i] - fitted[i, c]
                rss += e * e
                tss += (values[i] - mean) * (values[i] - mean)
            }
            let slope = solution[1, c]
            let growth = values[0] > 0 && values[n - 1] > 0 && times[n - 1] > times[0]
                ? 100 * (pow(values[n - 1] / values[0], 1 / (times[n - 1] - times[0])) - 1) : .nan
            let common = (intercept: solution[0, c] - slope * centre, percent: mean != 0 ? 100 * slope / mean : .nan)
            if tss == 0 {
                return TrendFit(status: .constant, n: n, intercept: common.intercept, slope: 0, interceptStandardError: .nan, slopeStandardError: .nan,
                                tStatistic: .nan, pValue: .nan, rSquared: .nan, percentPerPeriod: 0, compoundGrowth: growth, firstTime: times[0], lastTime: times[n - 1])
            }
            guard let t else {
                return TrendFit(status: .twoPoints, n: n, intercept: common.intercept, slope: slope, interceptStandardError: .nan, slopeStandardError: .nan,
                                tStatistic: .nan, pValue: .nan, rSquared: 1, percentPerPeriod: common.percent, compoundGrowth: growth, firstTime: times[0], lastTime: times[n - 1])
            }
            let s = (rss / Double(df)).squareRoot()
            let slopeSE = s * slopeScale
            // The intercept at t = 0 is b₀ − b₁ t̄: its variance adds the slope's and their covariance.
            let covariance = s * s * rInverse[0, 1] * rInverse[1, 1]
            let interceptVariance = pow(s * interceptScale, 2) + centre * centre * slopeSE * slopeSE - 2 * centre * covariance
            let tStatistic = slope / slopeSE
            return TrendFit(status: .fitted, n: n, intercept: common.intercept, slope: slope, interceptStandardError: max(0, interceptVariance).squareRoot(),
                            slopeStandardError: slopeSE, tStatistic: tStatistic, pValue: t.twoSidedPValue(tStatistic), rSquared: 1 - rss / tss,
                            percentPerPeriod: common.percent, compoundGrowth: growth, firstTime: times[0], lastTime: times[n - 1])
        }
    }
}
