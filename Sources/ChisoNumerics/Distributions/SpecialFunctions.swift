import Foundation

/// Special functions behind the distributions: regularised incomplete beta and gamma functions.
///
/// Both are evaluated by the series or continued fraction that converges fastest for the
/// arguments (Numerical Recipes §6.2, §6.4; modified Lentz's method for the continued
/// fractions), and always for the smaller of the two complementary tails, so that upper-tail
/// probabilities keep their relative accuracy instead of being computed as 1 − (something near 1).
public enum SpecialFunctions {
    /// log B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The regularised incomplete beta function I_x(a, b) and its complement 1 − I_x(a, b),
    /// each computed directly (no subtraction from 1). `xComplement` is 1 − x, passed separately
    /// when the caller knows it more accurately than `1 - x`.
    public static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double, xComplement: Double? = nil) -> (lower: Double, upper: Double) {
        let y = xComplement ?? (1 - x)
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        // ln of x^a y^b / B(a, b)
        let logFront = a * log(x) + b * log(y) - logBeta(a, b)
        // The continued fraction converges fast below the switch point (a + 1)/(a + b + 2), which
        // lies near the mean: the tail computed directly is the small one, and its complement,
        // being at least about one half there, loses nothing by subtraction.
        if x < (a + 1) / (a + b + 2) {
            let lower = exp(logFront) * betaContinuedFraction(x, a, b) / a
            return (lower, 1 - lower)
        } else {
            let upper = exp(logFront) * betaContinuedFraction(y, b, a) / b
            return (1 - upper, upper)
        }
    }

    /// The continued fraction of the incomplete beta function, by modified Lentz.
    static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// The regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each
    /// computed directly: the series for x < a + 1, the continued fraction otherwise.
    public static func incompleteGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        let logFront = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<100_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            let lower = sum * exp(logFront)
            return (lower, 1 - lower)
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        let upper = exp(logFront) * h
        return (1 - upper, upper)
    }

    /// The p-quantile of a distribution on [0, ∞), solved on the tail that holds p so that a
    /// quantile far in the upper tail keeps its precision: `cdf(x) = p` for p ≤ ½, else
    /// `survival(x) = 1 − p`. The edge cases (NaN, 0, 1) are handled here.
    static func positiveQuantile(_ p: Double, start: Double, cdf: (Double) -> Double, survival: (Double) -> Double,
                                 pdf: (Double) -> Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        if p <= 0.5 {
            return monotoneRoot(initial: start, lower: 0, upper: .infinity, increasing: true, residual: { cdf($0) - p }, slope: pdf)
        }
        let q = 1 - p
        return monotoneRoot(initial: start, lower: 0, upper: .infinity, increasing: false, residual: { survival($0) - q }, slope: { -pdf($0) })
    }

    /// The root of a monotone function on (lower, upper) by Newton steps safeguarded with
    /// bisection: `residual(x)` is the function minus its target, `slope(x)` its derivative.
    /// Stops when the bracket or the step is below 4 ulps of x.
    static func monotoneRoot(initial: Double, lower: Double, upper: Double, increasing: Bool,
                             residual: (Double) -> Double, slope: (Double) -> Double) -> Double {
        var lo = lower, hi = upper
        var x = min(max(initial, lo), hi)
        if !(x > lo && x < hi) { x = hi.isFinite ? (lo + hi) / 2 : max(1, 2 * abs(lo)) }
        for _ in 0..<400 {
            let r = residual(x)
            if r == 0 { return x }
            if (r > 0) == increasing { hi = x } else { lo = x }
            let s = slope(x)
            var next = x - r / s
            if !(next > lo && next < hi) || !s.isFinite || s == 0 {
                next = hi.isFinite ? (lo + hi) / 2 : max(2 * x, x + 1)
            }
            if abs(next - x) <= 4 * x.ulp.magnitude || (hi.isFinite && hi - lo <= 4 * max(abs(lo), abs(hi)).ulp) { return next }
            x = next
        }
        return x
    }
}
