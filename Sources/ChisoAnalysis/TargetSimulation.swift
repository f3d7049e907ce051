import ChisoNumerics

/// Joint draws of every unit's next value, each from its own predictive distribution, drawn
/// independently: the probability that one unit meets a goal.
///
/// Independence across units is an assumption: common shocks (a new methodology, a national
/// campaign) make outcomes move together, which would widen the spread of the rank probabilities.
public struct TargetSimulation: Sendable {
    /// What counts as meeting the goal in one draw.
    public enum Criterion: Sendable, Equatable {
        /// The unit is among the best `rank` (ties counted in its favour).
        case rank(Int)
        /// The unit's value reaches the threshold (at least it, or at most it when lower is better).
        case threshold(Double)
    }

    /// One predictive distribution per unit.
    public let distributions: [PredictiveDistribution]
    /// The ranking direction.
    public let higherIsBetter: Bool

    /// A simulation over one distribution per unit.
    public init(distributions: [PredictiveDistribution], higherIsBetter: Bool) {
        self.distributions = distributions
        self.higherIsBetter = higherIsBetter
    }

    /// The share of `draws` joint draws in which unit `unit` (an index into `distributions`) meets `criterion`.
    public func probability(unit: Int, meets criterion: Criterion, draws: Int, seed: UInt64) -> Double {
        precondition(distributions.indices.contains(unit) && draws > 0)
        var generator = SeededGenerator(seed: seed)
        var sample = [Double](repeating: 0, count: distributions.count)
        var met = 0
        for _ in 0..<draws {
            for (i, distribution) in distributions.enumerated() {
                sample[i] = distribution.draw(using: &generator)
            }
            if meets(criterion, unit: unit, sample: sample) { met += 1 }
        }
        return Double(met) / Double(draws)
    }

    private func meets(_ criterion: Criterion, unit: Int, sample: [Double]) -> Bool {
        let mine = sample[unit]
        switch criterion {
        case let .threshold(level):
            return higherIsBetter ? mine >= level : mine <= level
        case let .rank(k):
            var better = 0
            for (i, other) in sample.enumerated() where i != unit && (higherIsBetter ? other > mine : other < mine) {
                better += 1
                if better >= k { return false }
            }
            return true
        }
    }
}
