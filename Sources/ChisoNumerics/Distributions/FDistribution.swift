import Foundation

/// The F distribution with (d₁, d₂) degrees of freedom:
/// P(F ≤ f) = I_{d₁f/(d₁f+d₂)}(d₁/2, d₂/2).
public struct FDistribution: Sendable {
    public let numeratorDegreesOfFreedom: Double
    public let denominatorDegreesOfFreedom: Double

    public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
        precondition(numeratorDegreesOfFreedom > 0 && denominatorDegreesOfFreedom > 0, "degrees of freedom must be positive")
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
    }

    private func tails(_ f: Double) -> (lower: Double, upper: Double) {
        let (d1, d2) = (numeratorDegreesOfFreedom, denominatorDegreesOfFreedom)
        let denominator = d1 * f + d2
        return SpecialFunctions.incompleteBeta(d1 * f / denominator, d1 / 2, d2 / 2, xComplement: d2 / denominator)
    }

    /// P(F ≤ f).
    public func cdf(_ f: Double) -> Double { f <= 0 ? 0 : tails(f).lower }

    /// P(F > f), computed directly in the upper tail.
    public func survival(_ f: Double) -> Double { f <= 0 ? 1 : tails(f).upper }

    /// The density.
    public func pdf(_ f: Double) -> Double {
        guard f > 0 else { return 0 }
        let (d1, d2) = (numeratorDegreesOfFreedom, denominatorDegreesOfFreedom)
        let logDensity = 0.5 * (d1 * log(d1) + d2 * log(d2)) + (d1 / 2 - 1) * log(f) - (d1 + d2) / 2 * log(d1 * f + d2) - SpecialFunctions.logBeta(d1 / 2, d2 / 2)
        return exp(logDensity)
    }

    /// The p-quantile by safeguarded Newton iterations on the tail that holds p.
    public func quantile(_ p: Double) -> Double {
        let d2 = denominatorDegreesOfFreedom
        return SpecialFunctions.positiveQuantile(p, start: d2 > 2 ? d2 / (d2 - 2) : 1, cdf: cdf, survival: survival, pdf: pdf)
    }
}
