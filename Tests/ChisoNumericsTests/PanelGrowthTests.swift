import ChisoNumerics
import Foundation
import Testing

/// The panel growth model on a hand-computed panel, and the log scale.
struct PanelGrowthTests {
    /// Three units, changes A (2, 1, 2), B (1, 2, 1), C (3, 1, 3): own means 5/3, 4/3, 7/3, panel
    /// mean 16/9; within-unit variance 4/6 = 2/3; the spread of the means 21/81 less the noise
    /// (2/3)/3 leaves τ² = 1/27, so each mean keeps weight (1/27)/(1/27 + 2/9) = 1/7:
    /// μA = 37/21, μB = 12/7, μC = 13/7. Persistence: Σ cross / Σ square of the deviations =
    /// −1204/1442. A's next value: 15 + μA + φ (2 − μA).
    static let panel: [[Double]] = [[10, 12, 13, 15], [20, 21, 23, 24], [5, 8, 9, 12]]

    @Test func shrunkMeansAndPersistence() throws {
        let fit = try PanelGrowth.fit(Self.panel)
        let expected: [Double] = [37.0 / 21, 12.0 / 7, 13.0 / 7]
        for (got, want) in zip(fit.means, expected) { #expect(abs(got - want) < 1e-12) }
        #expect(abs(fit.persistence - (-1204.0 / 1442)) < 1e-12)
        #expect(fit.rows == 9)
    }

    @Test func forecastsAddTheExpectedChanges() throws {
        let results = try PanelGrowth.forecast(Self.panel, horizon: 2, levels: [80])
        let a = try results[0].get()
        let phi = -1204.0 / 1442, mu = 37.0 / 21
        let first = 15 + mu + phi * (2 - mu)
        #expect(abs(a.points[0] - first) < 1e-9)
        #expect(abs(a.points[1] - (first + mu + phi * phi * (2 - mu))) < 1e-9)
        // Two steps: the first shock reaches the second step through 1 + φ.
        let v1 = pow(a.distributions[0].spread, 2), v2 = pow(a.distributions[1].spread, 2)
        #expect(abs(v2 / v1 - (1 + (1 + phi) * (1 + phi))) < 1e-9)
    }

    @Test func aUnitWithoutTwoValuesAtTheEndIsNotForecast() throws {
        let results = try PanelGrowth.forecast(Self.panel + [[.nan, .nan, .nan, 7]], horizon: 1, levels: [80])
        #expect(throws: ForecastFailure.self) { try results[3].get() }
        #expect(throws: ForecastFailure.self) { try PanelGrowth.fit([[1, 2], [2, 3]]) }
    }

    /// The log scale: a round trip, positive intervals, and what counts as a growing quantity.
    @Test func theLogScale() {
        let log = ForecastScale.log
        #expect(log.inverse(log.transform(1_245_000.5)) == 1_245_000.5)
        #expect(log.transform(0).isNaN && log.transform(-3).isNaN)
        let distribution = PredictiveDistribution(center: 0, shape: .normal(standardDeviation: 3)).onScale(log)
        #expect(distribution.interval(level: 95).lower > 0)
        #expect(distribution.probability(below: 0) == 0)
        #expect(ForecastScale.looksLikeGrowingQuantity([100, 150, .nan, 250]))
        #expect(!ForecastScale.looksLikeGrowingQuantity([100, 150, 199]))
        #expect(!ForecastScale.looksLikeGrowingQuantity([-1, 150, 400]))
    }
}
