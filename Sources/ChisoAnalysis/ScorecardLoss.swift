import ChisoCore
import ChisoNumerics

/// Which unit's scorecard to read, and where.
public struct ScorecardRequest: Sendable {
    /// The unit, in any spelling the file's units allow.
    public var unit: String
    /// The year (default: the latest with the unit's total).
    public var year: Int?
    /// The total's indicator id (default: the indicator named or coded as the total).
    public var total: String?
    /// The group of units the unit is ranked in, when the file has several.
    public var group: String?

    public init(unit: String, year: Int? = nil, total: String? = nil, group: String? = nil) {
        self.unit = unit
        self.year = year
        self.total = total
        self.group = group
    }
}

/// One criterion of a unit's scorecard: what it could score, what it scored, what it lost.
public struct CriterionScore: Sendable, Equatable {
    /// The criterion's indicator.
    public let criterion: Indicator
    /// Its code, when the file gives codes.
    public let code: String?
    /// 1 for a field, 2 for a criterion in it, …
    public let depth: Int
    /// The maximum that applies to the unit in the year, where stated.
    public let maximum: Double?
    /// The points scored (NaN when the file has no score for it).
    public let score: Double
    /// maximum − score (nil without a maximum or a score).
    public var lost: Double? { Self.lost(maximum: maximum, score: score).map { roundedToSignificantDigits($0) } }

    /// maximum − score, unrounded (nil without a maximum or a score).
    static func lost(maximum: Double?, score: Double) -> Double? { maximum.flatMap { score.isNaN ? nil : $0 - score } }
    /// The share of all the points the unit lost, 0–100.
    public let shareOfLost: Double?
    /// Score minus the previous year's (NaN where either is missing).
    public let change: Double
    /// The best score among the other units of the group, with its unit: by the % of each one's
    /// maximum when maxima differ.
    public let bestPeer: (unit: String, score: Double, percent: Double?)?
    /// The score the unit gave itself, where the file has it.
    public let selfAssessed: Double?
    /// Self-assessed minus appraised: how far the unit's own reckoning was above the official one.
    public var selfMinusAppraised: Double? { selfAssessed.flatMap { score.isNaN ? nil : roundedToSignificantDigits($0 - score) } }

    public static func == (a: CriterionScore, b: CriterionScore) -> Bool {
        a.criterion == b.criterion && a.code == b.code && a.maximum == b.maximum && a.score.bitPattern == b.score.bitPattern
            && a.bestPeer?.unit == b.bestPeer?.unit && a.bestPeer?.score == b.bestPeer?.score
    }

    /// The most the unit can score on it, going no higher than the best peer's share of the
    /// maximum unless `beyondPeers` (nil without a maximum).
    func ceiling(beyondPeers: Bool) -> Double? {
        guard let maximum else { return nil }
        guard !beyondPeers, let bestPeer else { return maximum }
        return min(maximum, bestPeer.percent.map { $0 * maximum / 100 } ?? bestPeer.score)
    }
}

/// Where a unit's points were lost in one year.
public struct PointsLost: Sendable {
    public let unit: AdministrativeUnit
    public let period: Period
    public let group: String?
    /// The total: score, the unit's maximum and the % of it.
    public let total: (indicator: Indicator, score: Double, maximum: Double?, percent: Double?)
    /// The unit's rank in its group on the total, out of `n` units with a value.
    public let rank: (rank: Double, n: Int, published: Int?)?
    /// The criteria (leaves, or the fields at depth 1), most points lost first.
    public let criteria: [CriterionScore]
    /// Points of the total's maximum that no criterion of the file accounts for, and the score
    /// they imply (total minus the criteria listed): which criteria they are is not known.
    public let unlisted: (maximum: Double, score: Double)?
}

extension PanelAnalysis {
    /// Per criterion of `request.unit`'s scorecard: its maximum, score, points lost and share of
    /// all points lost, the change from the year before and the best score among the peers of
    /// its group, most points lost first. `depth` 1 gives the fields, nil the deepest criteria.
    public static func pointsLost(_ panel: Panel, _ request: ScorecardRequest, depth: Int? = nil) throws -> PointsLost {
        let tree = try panel.scorecardTree(total: request.total)
        let resolved = try panel.unitSystem.resolve(request.unit)
        guard let unit = panel.unitIndex(code: resolved.code) else { throw PanelQueryError.unitNotInPanel(unit: resolved.name, panel: panel.name) }
        // Peers are the units of the unit's own group unless another is named.
        let ownGroup = panel.unitGroups.isEmpty ? nil : panel.unitGroups[unit]
        let groupScope = try panel.units(inGroup: request.group ?? ownGroup, among: Array(panel.units.indices))
        let peers = groupScope.units.filter { $0 != unit }
        let p = try panel.yearIndex(request.year, latestFor: [unit], indicator: tree.total, subject: panel.indicators[tree.total].id)
        func maximum(_ u: Int, _ i: Int) -> Double? {
            panel.provenance(unit: u, period: p, indicator: i)?.maximum ?? panel.indicators[i].maximum(in: panel.periods[p].year)
        }
        let totalScore = panel.value(unit: unit, period: p, indicator: tree.total)
        let totalMaximum = maximum(unit, tree.total)
        let totalLost = totalMaximum.map { $0 - totalScore }
        let chosen = depth.map { d in tree.nodes.indices.filter { tree.nodes[$0].depth == d || (tree.nodes[$0].depth < d && tree.nodes[$0].children.isEmpty) } } ?? tree.leaves
        var criteria: [CriterionScore] = []
        for k in chosen {
            let node = tree.nodes[k]
            let score = panel.value(unit: unit, period: p, indicator: node.indicator)
            let max = maximum(unit, node.indicator)
            let previous = p > 0 ? panel.value(unit: unit, period: p - 1, indicator: node.indicator) : .nan
            // The best peer by share of its own maximum where maxima are stated, else by points.
            let peerScores = peers.compactMap { u -> (String, Double, Double?)? in
                let value = panel.value(unit: u, period: p, indicator: node.indicator)
                guard !value.isNaN else { return nil }
                return (panel.units[u].name, value, maximum(u, node.indicator).map { 100 * value / $0 })
            }
            let best = peerScores.max { ($0.2 ?? $0.1, $1.0) < ($1.2 ?? $1.1, $0.0) }
            let lost = CriterionScore.lost(maximum: max, score: score)
            let selfIndicator = panel.indicatorIndex(ScoreKind.selfAssessed(of: panel.indicators[node.indicator].id))
            let selfScore = selfIndicator.map { panel.value(unit: unit, period: p, indicator: $0) }.flatMap { $0.isNaN ? nil : $0 }
            criteria.append(CriterionScore(
                criterion: panel.indicators[node.indicator], code: node.code, depth: node.depth, maximum: max, score: score,
                shareOfLost: lost.flatMap { lost in totalLost.flatMap { $0 > 0 ? 100 * lost / $0 : nil } },
                change: roundedToSignificantDigits(score - previous), bestPeer: best.map { (unit: $0.0, score: $0.1, percent: $0.2) }, selfAssessed: selfScore))
        }
        criteria.sort { ($0.lost ?? -.infinity, $1.code ?? "") > ($1.lost ?? -.infinity, $0.code ?? "") }
        // The fields listed may not cover the total (a report that names some fields only).
        var unlisted: (Double, Double)?
        let fieldMaxima = tree.fields.map { maximum(unit, tree.nodes[$0].indicator) }
        let fieldScores = tree.fields.map { panel.value(unit: unit, period: p, indicator: tree.nodes[$0].indicator) }
        if let totalMaximum, !tree.fields.isEmpty, fieldMaxima.allSatisfy({ $0 != nil }), !fieldScores.contains(where: \.isNaN) {
            let missing = roundedToSignificantDigits(totalMaximum - fieldMaxima.reduce(0) { $0 + $1! })
            if missing > 1e-9 { unlisted = (missing, roundedToSignificantDigits(totalScore - fieldScores.reduce(0, +))) }
        }
        let rank = try? PanelAnalysis.rank(panel, RankRequest(indicator: panel.indicators[tree.total].id, period: panel.periods[p], group: groupScope.group))
        let row = rank?.rows.first { $0.unit == panel.units[unit] }
        return PointsLost(
            unit: panel.units[unit], period: panel.periods[p], group: groupScope.group,
            total: (panel.indicators[tree.total], totalScore, totalMaximum, totalMaximum.map { 100 * totalScore / $0 }),
            rank: row.map { ($0.rank, rank!.n, $0.publishedRank) }, criteria: criteria, unlisted: unlisted)
    }
}
