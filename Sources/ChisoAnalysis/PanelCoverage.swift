import ChisoCore

/// The period an analysis uses when none is asked for.
struct DefaultPeriod {
    /// The latest period with broad coverage.
    let index: Int
    /// Why a later period was passed over: it and its count of values (nil when the default is the
    /// latest period with any value).
    let skipped: (index: Int, count: Int)?
    /// Values in the chosen period.
    let count: Int

    /// The choice in words, when a later period was passed over.
    func note(_ panel: Panel, indicator: Indicator) -> LocalizedText? {
        guard let skipped else { return nil }
        let (chosen, later) = (panel.periods[index], panel.periods[skipped.index])
        return LocalizedText(
            vi: "\(indicator.id): dùng \(chosen) (\(count) giá trị), kỳ gần nhất có độ phủ rộng; \(later) chỉ có \(skipped.count) giá trị",
            en: "\(indicator.id): \(chosen) used (\(count) values), the latest period with broad coverage; \(later) has only \(skipped.count)")
    }
}

extension Panel {
    /// The latest period in which at least half as many of `units` have a value of `indicator` as
    /// in its best-covered period — so that a year with one early figure is not taken for "the
    /// latest year" — or nil when no unit has a value.
    func defaultPeriod(indicator: Int, among units: [Int]) -> DefaultPeriod? {
        let counts = periods.indices.map { p in units.filter { !value(unit: $0, period: p, indicator: indicator).isNaN }.count }
        guard let best = counts.max(), best > 0 else { return nil }
        let chosen = counts.indices.last { counts[$0] * 2 >= best }!
        let latest = counts.indices.last { counts[$0] > 0 }!
        return DefaultPeriod(index: chosen, skipped: latest > chosen ? (latest, counts[latest]) : nil, count: counts[chosen])
    }
}
