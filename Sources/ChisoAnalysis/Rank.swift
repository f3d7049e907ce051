import ChisoCore
import ChisoNumerics

/// What to rank.
public struct RankRequest: Sendable {
    /// Indicator id; nil takes the dataset's headline indicator.
    public var indicator: String?
    /// The period; nil takes the latest period with a value.
    public var period: Period?
    /// How tied values share ranks.
    public var ties: TieMethod
    /// Keep only the best N after ranking.
    public var top: Int?
    /// Keep only the worst N after ranking.
    public var bottom: Int?
    /// Rank within one region (of 2023, or traditional).
    public var region: String?
    /// The region system to read `region` in; nil reads it in whichever system knows the name.
    public var regionSystem: RegionSystem?
    /// The group of units to rank (departments, districts…) when the file ranks its units in groups.
    public var group: String?
    /// Ratings by thresholds on the ranked scale, beside the ranks.
    public var ratings: RatingBands?

    /// A ranking of `indicator` in `period` (defaults: the headline indicator, the latest period with a value).
    public init(indicator: String? = nil, period: Period? = nil, ties: TieMethod = .min, top: Int? = nil, bottom: Int? = nil, region: String? = nil,
                regionSystem: RegionSystem? = nil, group: String? = nil, ratings: RatingBands? = nil) {
        self.regionSystem = regionSystem
        self.group = group
        self.ratings = ratings
        self.indicator = indicator
        self.period = period
        self.ties = ties
        self.top = top
        self.bottom = bottom
        self.region = region
    }
}

/// One ranked unit.
public struct RankedUnit: Sendable, Equatable {
    /// The unit.
    public let unit: AdministrativeUnit
    /// Its value in the period.
    public let value: Double
    /// The maximum stated with the value, where the file gives one.
    public let maximum: Double?
    /// 100 · value / maximum when the ranking follows percentages of maxima (`RankingScale`).
    public let percent: Double?
    /// The rating band the ranked figure reaches, when ratings were asked for.
    public let rating: String?
    /// Rank among the `n` units with a value (ties by the request's rule).
    public let rank: Double
    /// The rank published by the index's owner, out of all units, where known.
    public let publishedRank: Int?
    /// Value minus the previous period's value (NaN when either is missing).
    public let change: Double
    /// Places gained since the previous period (positive = moved up; a half with averaged ties),
    /// nil when not comparable.
    public let rankChange: Double?
    /// 100 for the best, 0 for the worst: 100 · (n − rank) / (n − 1).
    public let percentile: Double
    /// 1 for the best quarter … 4 for the worst: ⌈4 · rank / n⌉.
    public let quartile: Int
    /// The unit's values in every period of the panel up to the ranked one (NaN where missing).
    public let history: [Double]
}

/// A ranking of one indicator in one period.
public struct RankResult: Sendable {
    /// The dataset or file ranked.
    public let panelName: String
    /// The indicator ranked.
    public let indicator: Indicator
    /// The period ranked.
    public let period: Period
    /// The tie rule used.
    public let ties: TieMethod
    /// The region ranked within, when one was asked for.
    public let region: String?
    /// The group of units ranked, when the file ranks its units in groups.
    public let group: String?
    /// What the ranks follow: the values, or the % of each unit's own maximum.
    public let scale: RankingScale
    /// Units ranked: those with a value.
    public let n: Int
    /// Units in the unit system (or region) the ranking could have covered.
    public let unitsInScope: Int
    /// The rows kept (all, or the top / bottom slice), best first.
    public let rows: [RankedUnit]
    /// Units with a published rank but no value in the period.
    public let rankOnly: [(unit: AdministrativeUnit, publishedRank: Int)]
    /// How `rankChange` was obtained.
    public let rankChangeBasis: LocalizedText
    /// Why the period ranked is not the latest with a value, when it is not.
    public let periodNote: LocalizedText?
}

extension PanelAnalysis {
    /// Ranks the units of `panel` on one indicator in one period.
    ///
    /// The direction comes from the catalog (`higherIsBetter`). Ranks are computed among the units
    /// that have a value; `n` says how many. Rank change uses the published ranks of both periods
    /// where the unit has them, else the computed ranks when both periods are complete (every unit
    /// in scope observed); otherwise it is left empty, since ranks among different subsets do not compare.
    public static func rank(_ panel: Panel, _ request: RankRequest) throws -> RankResult {
        let indicatorIndex = try panel.resolveIndicator(request.indicator)
        let indicator = panel.indicators[indicatorIndex]
        var scope: [Int]
        var regionName: String?
        var resolvedRegion: Region?
        if let region = request.region {
            let resolved = try panel.unitSystem.resolveRegion(region, system: request.regionSystem)
            regionName = resolved.name
            resolvedRegion = resolved
            // Every unit the region ever had; the units of the period are counted below.
            let everMembers = Set(panel.unitSystem.units.filter { $0.region(in: resolved.system) == resolved.name }.map(\.code))
            scope = panel.units.indices.filter { everMembers.contains(panel.units[$0].code) }
        } else {
            scope = Array(panel.units.indices)
        }
        let groupName: String?
        (scope, groupName) = try panel.units(inGroup: request.group, among: scope)
        let periodIndex: Int
        var periodNote: LocalizedText?
        if let period = request.period {
            guard let found = panel.periodIndex(period) else {
                throw PanelQueryError.unknownPeriod(period: period.description, panel: panel.name, available: panel.periods.map(\.description))
            }
            periodIndex = found
        } else {
            guard let chosen = panel.defaultPeriod(indicator: indicatorIndex, among: scope) else {
                throw AnalysisError.noData(panel: panel.name, indicator: indicator.id)
            }
            periodIndex = chosen.index
            periodNote = chosen.note(panel, indicator: indicator)
        }
        let period = panel.periods[periodIndex]
        let direction: RankDirection = indicator.higherIsBetter ? .descending : .ascending
        let current = scope.map { panel.value(unit: $0, period: periodIndex, indicator: indicatorIndex) }
        // Ranked on percentages of each unit's maximum when the maxima differ.
        let (scale, ranked, maxima) = try panel.rankingValues(period: periodIndex, indicator: indicatorIndex, among: scope)
        let currentRanks = ranks(of: ranked, direction: direction, ties: request.ties)
        let n = current.filter { !$0.isNaN }.count
        guard n > 0 else { throw AnalysisError.noValues(indicator: indicator.id, period: period.description, panel: panel.name) }

        let previousIndex = panel.periodIndex(period.previous)
        let previousValues = previousIndex.map { p in scope.map { panel.value(unit: $0, period: p, indicator: indicatorIndex) } }
        let previousRanks = previousIndex.flatMap { p in
            (try? panel.rankingValues(period: p, indicator: indicatorIndex, among: scope)).map { ranks(of: $0.values, direction: direction, ties: request.ties) }
        }
        let bothComplete = previousIndex.map { p in
            panel.isComplete(period: periodIndex, indicator: indicatorIndex, among: scope) && panel.isComplete(period: p, indicator: indicatorIndex, among: scope)
        } ?? false
        // A group's size is its units in the file, or the size its published ranks state
        // ("3/9") when the file lacks some: the unit system does not know the groups.
        let statedSize = scope.compactMap { panel.provenance(unit: $0, period: periodIndex, indicator: indicatorIndex)?.outOf }.max() ?? 0
        let systemSize = groupName != nil ? max(scope.count, statedSize)
            : resolvedRegion.map { panel.unitSystem.members($0, in: period).count } ?? panel.unitSystem.unitCount(in: period)

        var rows: [(position: Int, row: RankedUnit)] = []
        var rankOnly: [(unit: AdministrativeUnit, publishedRank: Int)] = []
        for (position, unitIndex) in scope.enumerated() {
            let published = panel.publishedRank(unit: unitIndex, period: periodIndex, indicator: indicatorIndex)
            guard let rank = currentRanks[position] else {
                if let published { rankOnly.append((panel.units[unitIndex], published)) }
                continue
            }
            let previousValue = previousValues?[position] ?? .nan
            var rankChange: Double?
            let previousPublished = previousIndex.flatMap { panel.publishedRank(unit: unitIndex, period: $0, indicator: indicatorIndex) }
            if let published, let previousPublished {
                rankChange = Double(previousPublished - published)
            } else if bothComplete, let previous = previousRanks?[position] {
                // Ranks with averaged ties are halves: 57.5 → 55 is 2.5 places, not 2.
                rankChange = previous - rank
            }
            rows.append((position, RankedUnit(
                unit: panel.units[unitIndex], value: current[position], maximum: maxima[position], percent: scale.isPercent ? ranked[position] : nil,
                rating: request.ratings?.label(of: ranked[position]), rank: rank, publishedRank: published,
                change: roundedToSignificantDigits(current[position] - previousValue), rankChange: rankChange,
                percentile: n == 1 ? 100 : 100 * (Double(n) - rank) / Double(n - 1),
                quartile: min(4, max(1, Int((4 * rank / Double(n)).rounded(.up)))),
                history: (0...periodIndex).map { panel.value(unit: unitIndex, period: $0, indicator: indicatorIndex) })))
        }
        // Best first; equal ranks keep the unit order of the system.
        rows.sort { ($0.row.rank, $0.position) < ($1.row.rank, $1.position) }
        var kept = rows.map(\.row)
        if let top = request.top { kept = Array(kept.prefix(top)) }
        if let bottom = request.bottom { kept = Array(kept.suffix(bottom)) }
        rankOnly.sort { $0.publishedRank < $1.publishedRank }
        let basis = bothComplete
            ? LocalizedText(vi: "hạng công bố khi cả hai năm đều có, nếu không thì hạng tính toán (cả hai năm đủ số liệu)",
                            en: "published ranks where both years have one, else computed ranks (both years complete)")
            : LocalizedText(vi: "hạng công bố của cả hai năm (không so hạng tính toán vì có năm thiếu số liệu)",
                            en: "published ranks of both years (computed ranks are not compared: a year is incomplete)")
        return RankResult(panelName: panel.name, indicator: indicator, period: period, ties: request.ties, region: regionName, group: groupName, scale: scale,
                          n: n, unitsInScope: max(systemSize, scope.filter { panel.units[$0].exists(in: period) }.count), rows: kept, rankOnly: rankOnly, rankChangeBasis: basis,
                          periodNote: periodNote)
    }
}
