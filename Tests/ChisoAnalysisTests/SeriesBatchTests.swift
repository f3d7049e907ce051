import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoNumerics
import Testing

/// Batch forecasts and trends of many series, spread over the cores, against the same fits made
/// one series at a time.
struct SeriesBatchTests {
    /// 400 series of 10 periods with varied gaps: a few leading or trailing missing values.
    static let matrix: SeriesMatrix = {
        var generator = SeededGenerator(seed: 11)
        let periods = (2015...2024).map(Period.year)
        var values: [Double] = []
        for s in 0..<400 {
            var level = 50 + Double(s % 37)
            for t in 0..<periods.count {
                level += 0.4 + generator.nextNormal()
                let missing = (s % 7 == 0 && t < 2) || (s % 11 == 0 && t == periods.count - 1)
                values.append(missing ? .nan : level)
            }
        }
        return SeriesMatrix(source: "generated", ids: (0..<400).map { "s\($0)" }, periods: periods,
                            values: Matrix(rows: periods.count, columns: 400, columnMajor: values))
    }()

    @Test func batchForecastsEqualOneByOne() throws {
        let batch = SeriesAnalysis.forecasts(Self.matrix, model: .ses, horizon: 2, levels: [80, 95])
        #expect(batch.outcomes.count == 400)
        #expect(batch.periods == [.year(2025), .year(2026)])
        for s in 0..<400 {
            let column = Self.matrix.values.column(s)
            let last = column.lastIndex { !$0.isNaN }!
            let first = column[...last].lastIndex { $0.isNaN }.map { $0 + 1 } ?? 0
            let lag = column.count - 1 - last
            let single = try SeriesForecaster.forecast(Array(column[first...last]), model: .ses, horizon: 2 + lag, levels: [80, 95])
            let batchForecast = try batch.outcomes[s].get()
            #expect(batchForecast.points == Array(single.points.dropFirst(lag)))
            #expect(batchForecast.upper[1] == Array(single.upper[1].dropFirst(lag)))
        }
    }

    @Test func batchTrendsEqualOneByOne() {
        let batch = SeriesAnalysis.trends(Self.matrix)
        for s in stride(from: 0, to: 400, by: 13) {
            let column = Self.matrix.values.column(s)
            let single = SeriesAnalysis.trends(SeriesMatrix(source: "one", ids: ["x"], periods: Self.matrix.periods,
                                                   values: Matrix(rows: column.count, columns: 1, columnMajor: column)))
            #expect(abs(batch.fits[s].slope - single.fits[0].slope) <= 1e-12 * max(1, abs(single.fits[0].slope)))
            #expect(batch.fits[s].n == single.fits[0].n)
        }
    }
}
