import Foundation

/// The scale a series is modelled on, when not its own: forecasts are made on z = transform(y)
/// and mapped back through the monotone inverse, so quantiles map to quantiles and intervals stay
/// where the quantity can be.
///
/// - `logit` for an indicator bounded in [lower, upper] (a percentage, a rate): z = log((y − L)/(U − y)).
///   Values on or beyond a bound are pulled inside by 0.05% of the range first (100% on time
///   becomes 99.95%), since the logit of a bound is infinite.
/// - `log` for a positive quantity that grows (revenue, spending, dossier volumes): z = log y, so
///   growth is modelled as a rate (drift on log y is a constant growth rate) and intervals stay
///   positive, wider upwards.
public struct ForecastScale: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case logit(lower: Double, upper: Double)
        case log
    }

    public let kind: Kind

    /// The logit scale of a quantity bounded in [lower, upper].
    public static func logit(lower: Double, upper: Double) -> ForecastScale {
        precondition(upper > lower, "bounds must be ordered")
        return ForecastScale(kind: .logit(lower: lower, upper: upper))
    }

    /// The log scale of a positive quantity.
    public static let log = ForecastScale(kind: .log)

    /// The name in method labels: `logit`, `log`.
    public var name: String {
        switch kind {
        case .logit: return "logit"
        case .log: return "log"
        }
    }

    /// y → z (NaN for a value the scale cannot take: a log of zero or less).
    public func transform(_ y: Double) -> Double {
        if y.isNaN { return y }
        switch kind {
        case let .logit(lower, upper):
            let margin = 0.0005 * (upper - lower)
            let clamped = min(max(y, lower + margin), upper - margin)
            return Foundation.log((clamped - lower) / (upper - clamped))
        case .log:
            return y > 0 ? Foundation.log(y) : .nan
        }
    }

    /// z → y, rounded to 12 significant digits: the round trip y → z → y is exact only to a
    /// few ulps (92.57 would come back as 92.56999999999998), and no index has 12 digits.
    public func inverse(_ z: Double) -> Double {
        if z.isNaN { return z }
        switch kind {
        case let .logit(lower, upper): return roundedToSignificantDigits(lower + (upper - lower) / (1 + exp(-z)))
        case .log: return roundedToSignificantDigits(exp(z))
        }
    }

    /// Whether `values` (NaN = missing) look like a positive quantity that grows: every value above
    /// zero, and the largest more than twice the smallest. Such quantities change by rates, not
    /// by amounts, and are modelled on the log scale when nothing else is declared.
    public static func looksLikeGrowingQuantity(_ values: [Double]) -> Bool {
        let observed = values.filter { !$0.isNaN }
        guard observed.count >= 2, let low = observed.min(), let high = observed.max(), low > 0 else { return false }
        return high > 2 * low
    }
}
