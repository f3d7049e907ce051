import ChisoApproximation
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// The benchmark models and the logit scale, against values computed by hand.
struct BenchmarkForecastTests {
    let z80 = NormalDistribution().quantile(0.9)

    /// y = 1, 3, 4, 8: changes 2, 1, 4.
    @Test func naiveAndDriftByHand() throws {
        let y: [Double] = [1, 3, 4, 8]
        let naive = try BenchmarkForecasts.naive(y, horizon: 2, levels: [80])
        // σ² = (4 + 1 + 16)/3 = 7; var_h = 7h.
        #expect(naive.points == [8, 8])
        #expect(agree(naive.upper[0][1], 8 + z80 * 14.0.squareRoot(), relative: 1e-15))
        let drift = try BenchmarkForecasts.drift(y, horizon: 2, levels: [80])
        // drift = 7/3; σ² = Σ(c − 7/3)²/2 = (1/9 + 16/9 + 25/9)/2 = 7/3; var_h = σ² h (1 + h/3).
        #expect(agree(drift.points[1], 8 + 14.0 / 3, relative: 1e-15))
        #expect(agree(drift.upper[0][1] - drift.points[1], z80 * (7.0 / 3 * 2 * (1 + 2.0 / 3)).squareRoot(), relative: 1e-14))
    }

    /// y = 2, 4, 6, 8: mean 5, s² = 20/3, intervals with t(3) and √(1 + 1/4).
    @Test func meanByHand() throws {
        let forecast = try BenchmarkForecasts.mean([2, 4, 6, 8], horizon: 1, levels: [95])
        let t = StudentTDistribution(degreesOfFreedom: 3).quantile(0.975)
        #expect(forecast.points == [5])
        #expect(agree(forecast.upper[0][0], 5 + t * (20.0 / 3 * 1.25).squareRoot(), relative: 1e-14))
    }

    @Test func linearTrendExtrapolatesAnExactLine() throws {
        let forecast = try BenchmarkForecasts.linearTrend([10, 12, 14, 16.5, 18], horizon: 2, levels: [80])
        #expect(forecast.method == "OLS(trend)")
        #expect(forecast.points.count == 2)
        #expect(forecast.lower[0][0] < forecast.points[0] && forecast.points[0] < forecast.upper[0][0])
        #expect(agree(forecast.points[1] - forecast.points[0], 2.05, relative: 1e-12))
    }

    @Test func logitScaleKeepsIntervalsInsideTheBounds() throws {
        let y: [Double] = [97, 98.5, 99, 99.6, 99.9, 100]
        let scale = ForecastScale.logit(lower: 0, upper: 100)
        let forecast = try SeriesForecaster.forecast(y, model: .drift, horizon: 5, levels: [95], scale: scale)
        #expect(forecast.method == "Drift[logit]")
        #expect(forecast.upper[0].allSatisfy { $0 < 100 })
        #expect(forecast.lower[0].allSatisfy { $0 > 0 })
        let raw = try SeriesForecaster.forecast(y, model: .drift, horizon: 5, levels: [95])
        #expect(raw.upper[0].contains { $0 > 100 })
        #expect(agree(scale.inverse(scale.transform(42)), 42, relative: 1e-14))
    }

    @Test func autoPicksByAICcAndSaysWhenItFallsBack() throws {
        let trending: [Double] = (0..<12).map { t in
            let step = Double(t)
            let wobble = (Double(t % 3) - 1) * 0.3
            return 50 + 2 * step + wobble
        }
        let chosen = try SeriesForecaster.forecast(trending, model: .auto, horizon: 1, levels: [80])
        #expect(["ETS(A,A,N)", "ETS(A,Ad,N)", "OLS(trend)"].contains(chosen.method))
        #expect(try SeriesForecaster.forecast([5, 6], model: .auto, horizon: 1, levels: [80]).method == "Naive (short)")
        #expect(try SeriesForecaster.forecast([5, 5, 5], model: .auto, horizon: 1, levels: [80]).method == "Naive (constant)")
        #expect(throws: ForecastFailure.tooShort(observations: 1, needed: 2, model: "any model with an interval")) {
            try SeriesForecaster.forecast([5], model: .auto, horizon: 1, levels: [80])
        }
        #expect(throws: ForecastFailure.noData) { try SeriesForecaster.forecast([], model: .naive, horizon: 1, levels: [80]) }
    }
}
