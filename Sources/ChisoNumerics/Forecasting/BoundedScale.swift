import Foundation

/// The logit scale for an indicator bounded in [lower, upper] (a percentage, a rate): forecasts
/// made on z = log((y − L)/(U − y)) and mapped back stay inside the bounds, and so do their
/// intervals (the back-transform is monotone, so quantiles map to quantiles).
///
/// Values on or beyond a bound are pulled inside by 0.05% of the range before the transform
/// (100% on time becomes 99.95%), since the logit of a bound is infinite.
public struct BoundedScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        precondition(upper > lower, "bounds must be ordered")
        self.lower = lower
        self.upper = upper
    }

    var margin: Double { 0.0005 * (upper - lower) }

    /// y → z.
    public func transform(_ y: Double) -> Double {
        if y.isNaN { return y }
        let clamped = min(max(y, lower + margin), upper - margin)
        return log((clamped - lower) / (upper - clamped))
    }

    /// z → y, rounded to 12 significant digits: the round trip y → z → y is exact only to a
    /// few ulps (92.57 would come back as 92.56999999999998), and no index has 12 digits.
    public func inverse(_ z: Double) -> Double {
        if z.isNaN { return z }
        return roundedToSignificantDigits(lower + (upper - lower) / (1 + exp(-z)))
    }
}
