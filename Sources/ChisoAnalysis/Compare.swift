import ChisoCore
import ChisoNumerics

/// Which units to set side by side, and when.
public struct CompareRequest: Sendable {
    /// Unit spellings, at least two; the first is the one the others are measured against.
    public var units: [String]
    /// The year (default: the latest in which any of the units has a headline value).
    public var year: Int?

    /// Units to compare in `year` (the latest with a headline value when nil).
    public init(units: [String], year: Int? = nil) {
        self.units = units
        self.year = year
    }
}

/// One unit on one indicator in the compared year.
public struct ComparedValue: Sendable {
    /// The indicator.
    public let indicator: Indicator
    /// The unit.
    public let unit: AdministrativeUnit
    /// The unit's value (NaN when it has none).
    public let value: Double
    /// Rank among the `n` units with a value (min ties; nil without a value), and the published rank where known.
    public let rank: Double?
    /// Units with a value on the indicator in the year.
    public let n: Int
    /// The rank published by the index's owner, out of all units, where known.
    public let publishedRank: Int?
    /// Value minus the best value, the mean of the unit's region and the national mean (all units with a value).
    public let gapToLeader: Double
    /// Value minus the mean of the unit's region.
    public let gapToRegionMean: Double
    /// Value minus the mean of all units with a value.
    public let gapToNationalMean: Double
    /// Value minus the previous year's (NaN when either is missing).
    public let change: Double
    /// Value minus the first compared unit's (NaN for the first unit, or when it has none).
    public let gapToFirst: Double
    /// For a component of an additive total: its share, in percent, of the total's change and of
    /// the total's gap to the first unit (nil where the total's change or gap is 0 or unknown).
    public let shareOfChange: Double?
    /// The component's share, in percent, of the total's gap to the first unit.
    public let shareOfGap: Double?
}

/// How a total's change splits into its components' changes, for one unit.
public struct TotalDecomposition: Sendable, Equatable {
    /// The total's indicator id.
    public let total: String
    /// The unit's name.
    public let unit: String
    /// The total's change since the previous year.
    public let totalChange: Double
    /// The sum of the components' changes; differs from `totalChange` by the publisher's rounding,
    /// or by components without a value in one of the years (`missing`).
    public let componentChange: Double
    /// Components without a value in one of the two years.
    public let missing: [String]
}

/// Units side by side on every indicator of a panel.
public struct CompareResult: Sendable {
    /// The dataset or file compared.
    public let panelName: String
    /// The units, in the order asked.
    public let units: [AdministrativeUnit]
    /// The year compared.
    public let year: Period
    /// One entry per indicator and unit, by indicator then unit.
    public let rows: [ComparedValue]
    /// For totals declared as sums of components: how each unit's change splits.
    public let decompositions: [TotalDecomposition]
}

extension PanelAnalysis {
    /// Compares units on every indicator with a value for any of them in the year: values, ranks,
    /// gaps to the leader, to the region mean and to the national mean, change since the previous
    /// year, and — for totals the catalog declares as sums of components — each component's share
    /// of the total's change and of the gap to the first unit.
    public static func compare(_ panel: Panel, _ request: CompareRequest) throws -> CompareResult {
        guard request.units.count >= 2 else { throw CompareError.tooFewUnits(request.units.count) }
        var unitIndices: [Int] = []
        for name in request.units {
            let unit = try panel.unitSystem.resolve(name)
            guard let u = panel.unitIndex(code: unit.code) else { throw PanelQueryError.unitNotInPanel(unit: unit.name, panel: panel.name) }
            if !unitIndices.contains(u) { unitIndices.append(u) }
        }
        let headline = try panel.resolveIndicator(nil)
        let periodIndex = try panel.yearIndex(request.year, latestFor: unitIndices, indicator: headline, subject: panel.indicators[headline].id)
        let period = panel.periods[periodIndex]
        let first = unitIndices[0]
        var rows: [ComparedValue] = []
        var decompositions: [TotalDecomposition] = []
        let totalOf = Dictionary(panel.indicators.flatMap { total in (total.components ?? []).map { ($0, total.id) } }, uniquingKeysWith: { a, _ in a })
        for (i, indicator) in panel.indicators.enumerated() {
            guard unitIndices.contains(where: { !panel.value(unit: $0, period: periodIndex, indicator: i).isNaN }) else { continue }
            let ranking = try rank(panel, RankRequest(indicator: indicator.id, period: period))
            let values = panel.cross(section: periodIndex, indicator: i)
            let observed = values.filter { !$0.isNaN }
            let leader = indicator.higherIsBetter ? observed.max()! : observed.min()!
            let nationalMean = mean(observed)
            let firstValue = values[first]
            let total = totalOf[indicator.id].flatMap { panel.indicatorIndex($0) }
            for u in unitIndices {
                let value = values[u]
                let published = panel.publishedRank(unit: u, period: periodIndex, indicator: i)
                guard !value.isNaN, let ranked = ranking.rows.first(where: { $0.unit == panel.units[u] }) else {
                    // Side by side means every unit has its row, with or without a value.
                    rows.append(ComparedValue(
                        indicator: indicator, unit: panel.units[u], value: .nan, rank: nil, n: ranking.n, publishedRank: published,
                        gapToLeader: .nan, gapToRegionMean: .nan, gapToNationalMean: .nan, change: .nan, gapToFirst: .nan, shareOfChange: nil, shareOfGap: nil))
                    continue
                }
                let region = panel.units[u].region
                let regionValues = panel.units.indices.filter { panel.units[$0].region == region && region != nil }.map { values[$0] }.filter { !$0.isNaN }
                var shareOfChange: Double?, shareOfGap: Double?
                if let total {
                    let totalChange = change(panel, unit: u, period: periodIndex, indicator: total)
                    if totalChange != 0 && !totalChange.isNaN && !ranked.change.isNaN { shareOfChange = roundedToSignificantDigits(100 * ranked.change / totalChange) }
                    let totalGap = panel.value(unit: u, period: periodIndex, indicator: total) - panel.value(unit: first, period: periodIndex, indicator: total)
                    if u != first && totalGap != 0 && !totalGap.isNaN && !firstValue.isNaN { shareOfGap = roundedToSignificantDigits(100 * (value - firstValue) / totalGap) }
                }
                rows.append(ComparedValue(
                    indicator: indicator, unit: panel.units[u], value: value, rank: ranked.rank, n: ranking.n, publishedRank: ranked.publishedRank,
                    gapToLeader: roundedToSignificantDigits(value - leader),
                    gapToRegionMean: regionValues.isEmpty ? .nan : roundedToSignificantDigits(value - mean(regionValues)),
                    gapToNationalMean: roundedToSignificantDigits(value - nationalMean), change: ranked.change,
                    gapToFirst: u == first ? .nan : roundedToSignificantDigits(value - firstValue),
                    shareOfChange: shareOfChange, shareOfGap: shareOfGap))
            }
            if let components = indicator.components {
                for u in unitIndices {
                    let totalChange = change(panel, unit: u, period: periodIndex, indicator: i)
                    guard !totalChange.isNaN else { continue }
                    var sum = 0.0, missing: [String] = []
                    for id in components {
                        let c = panel.indicatorIndex(id).map { change(panel, unit: u, period: periodIndex, indicator: $0) } ?? .nan
                        if c.isNaN { missing.append(id) } else { sum += c }
                    }
                    decompositions.append(TotalDecomposition(total: indicator.id, unit: panel.units[u].name, totalChange: totalChange,
                                                             componentChange: roundedToSignificantDigits(sum), missing: missing))
                }
            }
        }
        return CompareResult(panelName: panel.name, units: unitIndices.map { panel.units[$0] }, year: period, rows: rows, decompositions: decompositions)
    }
}

private func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
}

/// Value minus the previous period's value (NaN when either is missing).
private func change(_ panel: Panel, unit: Int, period: Int, indicator: Int) -> Double {
    guard let previous = panel.periodIndex(panel.periods[period].previous) else { return .nan }
    return roundedToSignificantDigits(panel.value(unit: unit, period: period, indicator: indicator) - panel.value(unit: unit, period: previous, indicator: indicator))
}

/// A comparison that cannot be made.
public enum CompareError: RemediableError, Equatable {
    /// Fewer than two units were named.
    case tooFewUnits(Int)

    public var description: String {
        switch self {
        case let .tooFewUnits(count): return "a comparison needs at least two units, got \(count)"
        }
    }

    public var remedy: Remedy? { .nameTwoUnits }
}
