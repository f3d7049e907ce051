import ChisoNumerics
import Foundation
import Testing

/// Intervals, quantiles and draws of the predictive distributions, against known values
/// (scipy 1.17.1 and numpy 2.4.6 for the quoted constants).
struct PredictiveDistributionTests {
    @Test func normalIntervalsAreCentreAndZTimesTheStandardDeviation() {
        let d = PredictiveDistribution(center: 10, shape: .normal(standardDeviation: 2))
        let (lower, upper) = d.interval(level: 95)
        #expect(abs(lower - (10 - 2 * 1.959963984540054)) < 1e-12)
        #expect(abs(upper - (10 + 2 * 1.959963984540054)) < 1e-12)
        #expect(d.point == 10)
        #expect(d.quantile(0.5) == 10)
        #expect(abs(d.spread - 2) < 1e-14)
        #expect(d.standardizedError(13) == 1.5)
    }

    /// t(3): 97.5% quantile 3.1824463052837078.
    @Test func studentTIntervalsUseTheTQuantile() {
        let d = PredictiveDistribution(center: 0, shape: .studentT(scale: 0.5, degreesOfFreedom: 3))
        #expect(abs(d.interval(level: 95).upper - 0.5 * 3.1824463052837078) < 1e-12)
        #expect(abs(d.spread - 0.5 * 3.1824463052837078 / 1.959963984540054) < 1e-12)
    }

    /// P(T₃ > 3) = 0.02883444281121865: draws by the inverse distribution function reproduce the tail.
    @Test func drawsFollowTheShape() {
        let d = PredictiveDistribution(center: 1, shape: .studentT(scale: 2, degreesOfFreedom: 3))
        var generator = SeededGenerator(seed: 5)
        let draws = (0..<40_000).map { _ in d.draw(using: &generator) }
        let tail = Double(draws.filter { $0 > 1 + 2 * 3 }.count) / Double(draws.count)
        #expect(abs(tail - 0.02883444281121865) < 0.003)
    }

    /// numpy.quantile([1, 2, 3, 4, 10], [0.1, 0.25, 0.9]) = [1.4, 2, 7.6].
    @Test func simulatedQuantilesInterpolateLinearly() {
        let d = PredictiveDistribution(center: 3, shape: .simulated([1, 2, 3, 4, 10]))
        #expect(abs(d.quantile(0.1) - 1.4) < 1e-12)
        #expect(abs(d.quantile(0.25) - 2) < 1e-12)
        #expect(abs(d.interval(level: 80).upper - 7.6) < 1e-12)
        #expect(d.point == 3)
    }

    @Test func calibratedWidthsAreExactAtTheirLevelsAndMonotoneBetween() {
        let base = PredictiveDistribution(center: 50, shape: .normal(standardDeviation: 1))
        let calibrated = base.calibrated(levels: [80, 95], multipliers: [1.5, 2.5])
        #expect(calibrated.interval(level: 80).upper == 51.5)
        #expect(calibrated.interval(level: 95).lower == 47.5)
        let ninety = calibrated.interval(level: 90).upper
        #expect(ninety > 51.5 && ninety < 52.5)
        #expect(calibrated.quantile(0.975) == 52.5)
    }

    @Test func boundedScaleAndFloorApplyToEveryQuantile() {
        let scale = ForecastScale.logit(lower: 0, upper: 100)
        let d = PredictiveDistribution(center: 0, shape: .normal(standardDeviation: 1)).onScale(scale)
        #expect(d.point == 50)
        let (lower, upper) = d.interval(level: 80)
        #expect(abs(lower + upper - 100) < 1e-9)  // symmetric around 50 on the logit scale
        #expect(abs(upper - scale.inverse(1.2815515655446004)) < 1e-12)
        let counts = PredictiveDistribution(center: 3, shape: .normal(standardDeviation: 10)).floored(at: 0)
        #expect(counts.interval(level: 95).lower == 0)
        #expect(counts.quantile(0.01) == 0)
    }
}

/// Probabilities below a value: the distribution function each quantile inverts.
struct PredictiveProbabilityTests {
    @Test func probabilityInvertsTheQuantileOfEveryShape() {
        let shapes: [PredictiveDistribution] = [
            PredictiveDistribution(center: 2, shape: .normal(standardDeviation: 0.5)),
            PredictiveDistribution(center: 2, shape: .studentT(scale: 0.5, degreesOfFreedom: 4)),
            PredictiveDistribution(center: 0, shape: .normal(standardDeviation: 1)).onScale(ForecastScale.logit(lower: 0, upper: 100)),
            PredictiveDistribution(center: 2, shape: .normal(standardDeviation: 1)).calibrated(levels: [80, 95], multipliers: [1.1, 2.3]),
        ]
        for d in shapes {
            for p in [0.05, 0.3, 0.5, 0.9] {
                #expect(abs(d.probability(below: d.quantile(p)) - p) < 1e-6, "\(d.shape) at \(p)")
            }
        }
    }

    /// P(T₃ > 3) = 0.02883444281121865 (scipy), so P(centre + 3·scale or less) = 0.97116555718878.
    @Test func studentTTail() {
        let d = PredictiveDistribution(center: 10, shape: .studentT(scale: 2, degreesOfFreedom: 3))
        #expect(abs(d.probability(below: 16) - (1 - 0.02883444281121865)) < 1e-12)
    }

    @Test func simulatedShareBelowAndBounds() {
        let d = PredictiveDistribution(center: 3, shape: .simulated([1, 2, 3, 4]))
        #expect(d.probability(below: 2.5) == 0.5)
        #expect(d.probability(below: 1) == 0)
        let counts = PredictiveDistribution(center: 3, shape: .normal(standardDeviation: 1)).floored(at: 0)
        #expect(counts.probability(below: 0) == 0)
    }
}
