import ChisoCore
import ChisoNumerics

/// What to rank when ranking a whole panel.
public struct RankAllRequest: Sendable {
    /// Indicator ids; nil ranks every indicator.
    public var indicators: [String]?
    /// Years to rank; nil ranks every period. The period before the first is still read for
    /// the rank change.
    public var years: YearRange?
    /// How tied values share ranks.
    public var ties: TieMethod
    /// The group of units to rank when the file ranks its units in groups.
    public var group: String?

    public init(indicators: [String]? = nil, years: YearRange? = nil, ties: TieMethod = .min, group: String? = nil) {
        self.indicators = indicators
        self.years = years
        self.ties = ties
        self.group = group
    }
}

/// Every indicator × period of a panel to rank: one row per unit with a value. The rows are
/// counted up front and ranked a few indicators at a time, when they are written
/// (`groups(_:)`), so a panel of millions of cells is never held ranked whole.
public struct RankAllResult: Sendable {
    /// The rows of one indicator, sorted by unit then period.
    public struct Group: Sendable {
        public let indicator: Indicator
        /// Per row: positions in the panel's units and periods.
        public let unit: [Int32]
        public let period: [Int32]
        public let value: [Double]
        public let rank: [Double]
        /// Units with a value in the row's period.
        public let n: [Int32]
        /// The published rank, 0 where none is known.
        public let publishedRank: [Int32]
        /// Places gained since the previous period (NaN where not comparable).
        public let rankChange: [Double]
        /// 100 · value / maximum where the period is ranked on percentages of maxima, else NaN.
        public let percent: [Double]

        public var count: Int { value.count }

        /// The share of the other ranked units that row `row` ranks above, 0–100 (100 for the only one).
        public func percentile(_ row: Int) -> Double {
            n[row] == 1 ? 100 : 100 * (Double(n[row]) - rank[row]) / Double(n[row] - 1)
        }
    }

    public let panel: Panel
    public var panelName: String { panel.name }
    public var units: [AdministrativeUnit] { panel.units }
    public var periods: [Period] { panel.periods }
    public let ties: TieMethod
    /// The units ranked: all, or those of the group asked for.
    public let scope: [Int]
    /// The group ranked, when the file ranks its units in groups.
    public let group: String?
    /// Whether some indicator-period is ranked on percentages of maxima (`RankingScale`), which
    /// adds the percentage column.
    public let percentScale: Bool
    /// Positions in the panel's indicators of those ranked, in the panel's order.
    public let indicators: [Int]
    /// Positions in the panel's periods of those ranked.
    public let periodsRanked: [Int]
    /// Rows per indicator ranked.
    public let rowCounts: [Int]

    /// Rows in all.
    public var count: Int { rowCounts.reduce(0, +) }

    /// The indicators at positions `range` of `indicators`, ranked.
    public func groups(_ range: Range<Int>) -> [Group] {
        indicators[range].map { PanelAnalysis.rankGroup(panel, indicator: $0, scope: scope, periods: periodsRanked, ties: ties, percentScale: percentScale) }
    }

    /// Every indicator ranked.
    public var groups: [Group] { groups(indicators.indices) }
}

extension PanelAnalysis {
    /// Every indicator (or those asked for) in every period (or the years asked for), to be
    /// ranked as it is written; the rows are counted here, indicators counted in parallel.
    ///
    /// Ranks are computed among the units with a value (`n` says how many), in the indicator's
    /// direction, ties by the request's rule. The rank change follows `rank`: published ranks of
    /// both periods where the unit has them, else computed ranks when both periods have a value for
    /// every unit; it is empty when the previous period is not in the panel (a gap) or a
    /// methodology break starts the period, since ranks across those do not compare.
    public static func rankAll(_ panel: Panel, _ request: RankAllRequest, threads: Int = ParallelWork.processorCount) throws -> RankAllResult {
        if panel.units.isEmpty || panel.periods.isEmpty || panel.indicators.isEmpty { throw PanelQueryError.emptyPanel(panel: panel.name) }
        let indicatorIndices = try request.indicators.map { names in try names.map { try panel.resolveIndicator($0) } } ?? Array(panel.indicators.indices)
        let periodIndices = panel.periods.indices.filter { p in request.years.map { $0.contains(panel.periods[p]) } ?? true }
        if let years = request.years, periodIndices.isEmpty {
            throw PanelQueryError.unknownPeriod(period: "\(years.first)–\(years.last)", panel: panel.name, available: panel.periods.map(\.description))
        }
        let (scope, group) = try panel.units(inGroup: request.group, among: Array(panel.units.indices))
        let rowCounts = ParallelWork.map(indicatorIndices.count, threads: threads) { k in
            periodIndices.reduce(0) { count, p in
                count + panel.withCrossSection(period: p, indicator: indicatorIndices[k]) { values in
                    scope.count == values.count ? values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) } : scope.reduce(0) { $0 + (values[$1].isNaN ? 0 : 1) }
                }
            }
        }
        // Scales checked before anything is written: maxima that differ with one missing are refused here.
        var percentScale = false
        if panel.statesMaxima {
            let needed = Set(periodIndices + periodIndices.map { $0 - 1 }.filter { $0 >= 0 })
            for i in indicatorIndices {
                for p in needed.sorted() {
                    if try panel.rankingValues(period: p, indicator: i, among: scope).scale.isPercent { percentScale = true }
                }
            }
        }
        return RankAllResult(panel: panel, ties: request.ties, scope: scope, group: group, percentScale: percentScale, indicators: indicatorIndices,
                             periodsRanked: periodIndices, rowCounts: rowCounts)
    }

    /// One indicator ranked.
    static func rankGroup(_ panel: Panel, indicator i: Int, scope: [Int], periods: [Int], ties: TieMethod, percentScale: Bool) -> RankAllResult.Group {
        let indicator = panel.indicators[i]
        let direction: RankDirection = indicator.higherIsBetter ? .descending : .ascending
        let everyUnit = scope.count == panel.units.count
        // Ranks of the periods asked for and of the one before each, unit by unit.
        var needed = [Bool](repeating: false, count: panel.periods.count)
        for p in periods {
            needed[p] = true
            if p > 0 { needed[p - 1] = true }
        }
        // Per period, ranks by position in `scope`, and percentages of maxima where ranked on them.
        var ranking = [[Double?]](repeating: [], count: panel.periods.count)
        var percents = [[Double]?](repeating: nil, count: panel.periods.count)
        var complete = [Bool](repeating: false, count: panel.periods.count)
        var counts = [Int](repeating: 0, count: panel.periods.count)
        for p in panel.periods.indices where needed[p] {
            var values = everyUnit ? panel.cross(section: p, indicator: i) : scope.map { panel.value(unit: $0, period: p, indicator: i) }
            // Checked by `rankAll` before ranking began: the scale is known to be computable.
            if percentScale, let scaled = try? panel.rankingValues(period: p, indicator: i, among: scope), scaled.scale.isPercent {
                values = scaled.values
                percents[p] = scaled.values
            }
            ranking[p] = ranks(of: values, direction: direction, ties: ties)
            counts[p] = ranking[p].lazy.filter { $0 != nil }.count
            complete[p] = counts[p] == scope.count
        }
        // Whether period p's rank change may be computed: the period just before is in the panel
        // and no methodology break starts p.
        let comparable = panel.periods.indices.map { p in
            p > 0 && panel.periods[p - 1] == panel.periods[p].previous
                && !(panel.periods[p - 1].year != panel.periods[p].year && (indicator.breaks?.contains(panel.periods[p].year) ?? false))
        }
        var unitColumn: [Int32] = [], periodColumn: [Int32] = [], values: [Double] = [], rankColumn: [Double] = []
        var nColumn: [Int32] = [], published: [Int32] = [], changes: [Double] = [], percentColumn: [Double] = []
        let capacity = periods.reduce(0) { $0 + counts[$1] }
        unitColumn.reserveCapacity(capacity); periodColumn.reserveCapacity(capacity); values.reserveCapacity(capacity)
        rankColumn.reserveCapacity(capacity); nColumn.reserveCapacity(capacity); published.reserveCapacity(capacity)
        changes.reserveCapacity(capacity)
        for (position, u) in scope.enumerated() {
            for p in periods {
                guard let rank = ranking[p][position] else { continue }
                let n = counts[p]
                let publishedRank = panel.publishedRank(unit: u, period: p, indicator: i)
                var change = Double.nan
                if comparable[p] {
                    if let publishedRank, let previousPublished = panel.publishedRank(unit: u, period: p - 1, indicator: i) {
                        change = Double(previousPublished - publishedRank)
                    } else if let previous = ranking[p - 1][position], complete[p], complete[p - 1] {
                        change = previous - rank
                    }
                }
                unitColumn.append(Int32(u))
                periodColumn.append(Int32(p))
                values.append(panel.value(unit: u, period: p, indicator: i))
                rankColumn.append(rank)
                nColumn.append(Int32(n))
                published.append(Int32(publishedRank ?? 0))
                changes.append(change)
                if percentScale { percentColumn.append(percents[p]?[position] ?? .nan) }
            }
        }
        return RankAllResult.Group(indicator: indicator, unit: unitColumn, period: periodColumn, value: values, rank: rankColumn, n: nColumn,
                                   publishedRank: published, rankChange: changes, percent: percentColumn)
    }
}
