import Foundation

/// Student's t distribution with ν degrees of freedom.
///
/// P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, with both arguments of the incomplete beta
/// function formed without cancellation.
public struct StudentTDistribution: Sendable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T > |t|).
    private func upperTail(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let t2 = t * t
        // x = ν/(ν+t²) and 1 − x = t²/(ν+t²), each computed directly.
        return 0.5 * SpecialFunctions.incompleteBeta(nu / (nu + t2), nu / 2, 0.5, xComplement: t2 / (nu + t2)).lower
    }

    /// P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return t < 0 ? upperTail(t) : 1 - upperTail(t)
    }

    /// P(T > t).
    public func survival(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return t > 0 ? upperTail(t) : 1 - upperTail(t)
    }

    /// Two-sided p-value P(|T| ≥ |t|).
    public func twoSidedPValue(_ t: Double) -> Double {
        t.isNaN ? .nan : min(1, 2 * upperTail(t))
    }

    /// The density.
    public func pdf(_ t: Double) -> Double {
        let nu: Double = degreesOfFreedom
        let normalising: Double = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        let kernel: Double = -(nu + 1) / 2 * log1p(t * t / nu)
        return exp(normalising + kernel)
    }

    /// The p-quantile, by safeguarded Newton iterations on the tail that holds p
    /// (so upper quantiles keep their accuracy), started from the normal quantile.
    public func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let tail = min(p, 1 - p)  // solve upperTail(t) = tail for t > 0
        let start = max(NormalDistribution.standardQuantile(1 - tail), 1e-8)
        let t = SpecialFunctions.monotoneRoot(
            initial: start, lower: 0, upper: .infinity, increasing: false,
            residual: { self.upperTail($0) - tail }, slope: { -self.pdf($0) })
        return p < 0.5 ? -t : t
    }
}
