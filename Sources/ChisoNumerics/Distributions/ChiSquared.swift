import Foundation

/// The chi-square distribution with k degrees of freedom: P(X ≤ x) = P(k/2, x/2).
public struct ChiSquaredDistribution: Sendable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.incompleteGamma(degreesOfFreedom / 2, x / 2).lower
    }

    /// P(X > x), computed directly in the upper tail.
    public func survival(_ x: Double) -> Double {
        x <= 0 ? 1 : SpecialFunctions.incompleteGamma(degreesOfFreedom / 2, x / 2).upper
    }

    /// The density.
    public func pdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let k: Double = degreesOfFreedom / 2
        let logDensity: Double = (k - 1) * log(x) - x / 2 - k * log(2.0) - lgamma(k)
        return exp(logDensity)
    }

    /// The p-quantile by safeguarded Newton iterations on the tail that holds p, started from
    /// the Wilson–Hilferty approximation.
    public func quantile(_ p: Double) -> Double {
        let k = degreesOfFreedom
        let z = NormalDistribution.standardQuantile(p)
        let h = 2 / (9 * k)
        // Outside (0, 1) the start is never used: the edge cases return first.
        let start = max(k * pow(1 - h + z * h.squareRoot(), 3), 1e-10)
        return SpecialFunctions.positiveQuantile(p, start: start, cdf: cdf, survival: survival, pdf: pdf)
    }
}
