import Foundation

/// The predictive distribution of one forecast step: a centre and a shape on the modelling scale,
/// and the map back to the indicator's scale. Every interval, probability and random draw of a
/// forecast is derived here, so that `forecast`, `backtest`, `target` and `profile` agree on what
/// a forecast says.
///
/// The modelling scale is the indicator's own, or its logit for a bounded indicator
/// (`ForecastScale`); quantiles map back through the monotone inverse, so an interval on the
/// modelling scale maps to an interval on the indicator's scale.
public struct PredictiveDistribution: Sendable, Equatable {
    /// The spread around the centre, on the modelling scale.
    public enum Shape: Sendable, Equatable {
        /// Normal with this standard deviation (ETS, naive, drift).
        case normal(standardDeviation: Double)
        /// Student's t scaled by `scale` (the regression trend, the mean).
        case studentT(scale: Double, degreesOfFreedom: Double)
        /// Simulated values, sorted, read by linear-interpolation quantiles (the panel model).
        case simulated([Double])
        /// Central intervals centre ± multiplier × spread at the given levels: a forecast whose
        /// interval widths were calibrated on validation errors (split-conformal). Between and
        /// beyond the calibrated levels the multiplier follows the normal quantile, scaled by the
        /// ratio at the nearest calibrated levels.
        case calibrated(spread: Double, levels: [Double], multipliers: [Double])
    }

    /// The point forecast on the modelling scale (the median of every shape but `simulated`,
    /// whose centre is the noise-free path).
    public let center: Double
    public let shape: Shape
    /// The bounded scale the model worked on, nil for the indicator's own scale.
    public let scale: ForecastScale?
    /// Values below this are read as it (counts cannot be negative).
    public let floor: Double?

    public init(center: Double, shape: Shape, scale: ForecastScale? = nil, floor: Double? = nil) {
        self.center = center
        self.shape = shape
        self.scale = scale
        self.floor = floor
    }

    /// The point forecast on the indicator's scale.
    public var point: Double { indicatorScale(center) }

    /// The central interval covering `level` percent, on the indicator's scale.
    public func interval(level: Double) -> (lower: Double, upper: Double) {
        switch shape {
        case let .simulated(sorted):
            let tail = (1 - level / 100) / 2
            return (indicatorScale(Self.quantile(sorted, tail)), indicatorScale(Self.quantile(sorted, 1 - tail)))
        default:
            let halfWidth = halfWidth(level: level)
            return (indicatorScale(center - halfWidth), indicatorScale(center + halfWidth))
        }
    }

    /// The p-quantile on the indicator's scale.
    public func quantile(_ p: Double) -> Double {
        indicatorScale(modellingQuantile(p))
    }

    /// P(value < x), on the indicator's scale.
    public func probability(below x: Double) -> Double {
        if let floor, x <= floor { return 0 }
        switch scale?.kind {
        case let .logit(lower, upper)?:
            if x <= lower { return 0 }
            if x >= upper { return 1 }
        case .log?:
            if x <= 0 { return 0 }
        case nil:
            break
        }
        let z = modellingScale(x)
        switch shape {
        case let .normal(sd):
            guard sd > 0 else { return z > center ? 1 : 0 }
            return NormalDistribution(mean: center, standardDeviation: sd).cdf(z)
        case let .studentT(scale, df):
            guard scale > 0 else { return z > center ? 1 : 0 }
            return StudentTDistribution(degreesOfFreedom: df).cdf((z - center) / scale)
        case let .simulated(sorted):
            guard !sorted.isEmpty else { return .nan }
            return Double(sorted.partitioningIndex(where: { $0 >= z })) / Double(sorted.count)
        case .calibrated:
            // The quantile function is increasing: bisect it for the p whose quantile is z.
            var (low, high) = (0.0, 1.0)
            for _ in 0..<60 {
                let middle = (low + high) / 2
                if modellingQuantile(middle) < z { low = middle } else { high = middle }
            }
            return (low + high) / 2
        }
    }

    /// A draw from the distribution by the inverse of its distribution function at a uniform number.
    public func draw(using generator: inout SeededGenerator) -> Double {
        quantile(generator.nextUniform())
    }

    /// The spread on the modelling scale as a normal standard deviation would give it: half the
    /// central 95% interval over z(0.975). For a normal shape it is the standard deviation.
    public var spread: Double {
        halfWidthOnModellingScale(level: 95) / NormalDistribution.standardQuantile(0.975)
    }

    /// |actual − centre| in units of `spread`, on the modelling scale; nil when the spread is zero.
    public func standardizedError(_ actual: Double) -> Double? {
        let spread = spread
        guard spread > 0, spread.isFinite else { return nil }
        return abs(modellingScale(actual) - center) / spread
    }

    /// The same centre with central intervals centre ± multiplier × `spread` at `levels`.
    public func calibrated(levels: [Double], multipliers: [Double]) -> PredictiveDistribution {
        PredictiveDistribution(center: center, shape: .calibrated(spread: spread, levels: levels, multipliers: multipliers), scale: scale, floor: floor)
    }

    /// The distribution of a model fitted on the logit scale, read on the indicator's scale.
    public func onScale(_ scale: ForecastScale) -> PredictiveDistribution {
        PredictiveDistribution(center: center, shape: shape, scale: scale, floor: floor)
    }

    /// The distribution with values below `floor` read as `floor`.
    public func floored(at floor: Double) -> PredictiveDistribution {
        PredictiveDistribution(center: center, shape: shape, scale: scale, floor: floor)
    }

    private func indicatorScale(_ z: Double) -> Double {
        let value = scale?.inverse(z) ?? z
        guard let floor else { return value }
        return max(floor, value)
    }

    private func modellingScale(_ y: Double) -> Double {
        scale?.transform(y) ?? y
    }

    private func halfWidthOnModellingScale(level: Double) -> Double {
        if case let .simulated(sorted) = shape {
            let tail = (1 - level / 100) / 2
            return (Self.quantile(sorted, 1 - tail) - Self.quantile(sorted, tail)) / 2
        }
        return halfWidth(level: level)
    }

    /// Half the central `level`% interval of a symmetric shape.
    private func halfWidth(level: Double) -> Double {
        let p = 0.5 + level / 200
        switch shape {
        case let .normal(sd): return NormalDistribution.standardQuantile(p) * sd
        case let .studentT(scale, df): return StudentTDistribution(degreesOfFreedom: df).quantile(p) * scale
        case let .calibrated(spread, levels, multipliers): return Self.multiplier(level: level, levels: levels, multipliers: multipliers) * spread
        case .simulated: return halfWidthOnModellingScale(level: level)
        }
    }

    private func modellingQuantile(_ p: Double) -> Double {
        switch shape {
        case let .normal(sd): return center + sd * NormalDistribution.standardQuantile(p)
        case let .studentT(scale, df): return center + scale * StudentTDistribution(degreesOfFreedom: df).quantile(p)
        case let .simulated(sorted): return Self.quantile(sorted, p)
        case .calibrated:
            let level = abs(2 * p - 1) * 100
            let halfWidth = halfWidth(level: level)
            return p < 0.5 ? center - halfWidth : center + halfWidth
        }
    }

    /// The calibrated multiplier at `level`: exact at a calibrated level; elsewhere the normal
    /// quantile times the multiplier-to-normal ratio, interpolated linearly in the level between
    /// the calibrated levels and held constant beyond them.
    private static func multiplier(level: Double, levels: [Double], multipliers: [Double]) -> Double {
        if let exact = levels.firstIndex(of: level) { return multipliers[exact] }
        let z = { (level: Double) in NormalDistribution.standardQuantile(0.5 + level / 200) }
        let known = zip(levels, multipliers).map { (level: $0, ratio: $1 / z($0)) }.sorted { $0.level < $1.level }
        guard let first = known.first, let last = known.last else { return z(level) }
        let ratio: Double
        if level <= first.level {
            ratio = first.ratio
        } else if level >= last.level {
            ratio = last.ratio
        } else {
            let upper = known.firstIndex { $0.level >= level }!
            let (a, b) = (known[upper - 1], known[upper])
            ratio = a.ratio + (level - a.level) / (b.level - a.level) * (b.ratio - a.ratio)
        }
        return z(level) * ratio
    }

    /// The p-quantile of sorted values (linear interpolation, "type 7").
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = p * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `predicate`, in an array where it holds for a suffix.
    fileprivate func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
