import ChisoCore
import ChisoNumerics

/// What a unit aims for on its scorecard.
public enum ScorecardGoal: Sendable, Equatable {
    /// Rank K or better in its group.
    case rank(Int)
    /// At least this % of its maximum.
    case percent(Double)
}

/// One criterion to recover points on.
public struct PlannedRecovery: Sendable, Equatable {
    public let criterion: CriterionScore
    /// The score to reach on it.
    public let target: Double
    /// Points gained: target − score.
    public var gain: Double { roundedToSignificantDigits(target - criterion.score) }
}

/// What to fix to reach a goal: the points the total needs, the criteria that give them with the
/// fewest criteria touched, and how likely the goal is.
public struct ScorecardPlan: Sendable {
    /// The unit's scorecard as it stands.
    public let standing: PointsLost
    public let goal: ScorecardGoal
    /// The % of its maximum (or the value, without maxima) the total must reach.
    public let needed: Double
    /// Where `needed` comes from, in words.
    public let basis: LocalizedText
    /// Points the total must gain (0 when the goal is met).
    public let pointsNeeded: Double
    /// The criteria to recover, largest headroom first.
    public let recoveries: [PlannedRecovery]
    /// Points the criteria cannot give within their ceilings (0 when the plan reaches the goal).
    public let shortfall: Double
    /// Whether criteria may go above the best peer's share (up to their maximum).
    public let beyondPeers: Bool
    /// The probability of the goal from every unit's forecast (`PanelAnalysis.target`), or why there is none.
    public let probability: Double?
    public let probabilityNote: LocalizedText?
}

extension PanelAnalysis {
    /// The fewest criteria whose recovery reaches `goal` for `request.unit` next year, if peers
    /// stood still: the points the total needs (the share of its maximum the K-th best peer
    /// reached, or the % asked for) are taken from the criteria with the most headroom first,
    /// headroom being the distance to the criterion's maximum, or to the best peer's share of it
    /// unless `beyondPeers`. Unknown criteria (points no criterion of the file accounts for) are
    /// not planned on. The probability comes from the forecasts of the whole group (`target`).
    public static func scorecardPlan(_ panel: Panel, _ request: ScorecardRequest, goal: ScorecardGoal, beyondPeers: Bool = false,
                                     draws: Int = 10_000, seed: UInt64 = 1) throws -> ScorecardPlan {
        let standing = try pointsLost(panel, request)
        let tree = try panel.scorecardTree(total: request.total)
        let ownMaximum = standing.total.maximum
        let current = standing.total.percent ?? standing.total.score
        let needed: Double
        let basis: LocalizedText
        switch goal {
        case let .percent(p):
            needed = p
            basis = LocalizedText(vi: "mục tiêu \(DecimalText.shortest(p))%", en: "the goal of \(DecimalText.shortest(p))%")
        case let .rank(k):
            // The K-th best of the other units of the group this year: reaching it ties rank K.
            let p = panel.periodIndex(standing.period)!
            let scope = try panel.units(inGroup: standing.group, among: Array(panel.units.indices)).units
            let ranking = try panel.rankingValues(period: p, indicator: tree.total, among: scope)
            let higherIsBetter = standing.total.indicator.higherIsBetter
            let own = panel.unitIndex(code: standing.unit.code)
            let others = zip(scope, ranking.values).filter { $0.0 != own && !$0.1.isNaN }
                .sorted { higherIsBetter ? $0.1 > $1.1 : $0.1 < $1.1 }
            if k > others.count {
                needed = current
                basis = LocalizedText(vi: "hạng \(k) trên \(others.count + 1) đơn vị: đã đạt", en: "rank \(k) of \(others.count + 1) units: already held")
            } else {
                let bar = others[k - 1]
                needed = bar.1
                let figure = DecimalText.shortest((bar.1 * 100).rounded() / 100) + (ownMaximum == nil ? "" : "%")
                basis = LocalizedText(vi: "\(panel.units[bar.0].name) đạt \(figure) năm \(standing.period), thứ \(k) trong các đơn vị còn lại",
                                      en: "\(panel.units[bar.0].name)'s \(figure) in \(standing.period), \(k == 1 ? "the best" : "the \(englishOrdinal(k)) best") of the others")
            }
        }
        let neededScore = ownMaximum.map { needed * $0 / 100 } ?? needed
        let pointsNeeded = max(0, roundedToSignificantDigits(neededScore - standing.total.score))
        // The criteria with the most headroom first: the fewest criteria reach the points.
        let headrooms = standing.criteria.compactMap { c -> (CriterionScore, Double)? in
            guard !c.score.isNaN, let ceiling = c.ceiling(beyondPeers: beyondPeers), ceiling > c.score else { return nil }
            return (c, ceiling)
        }.sorted { ($0.1 - $0.0.score, $1.0.code ?? "") > ($1.1 - $1.0.score, $0.0.code ?? "") }
        var remaining = pointsNeeded
        var recoveries: [PlannedRecovery] = []
        for (criterion, ceiling) in headrooms where remaining > 1e-9 {
            let gain = min(ceiling - criterion.score, remaining)
            recoveries.append(PlannedRecovery(criterion: criterion, target: roundedToSignificantDigits(criterion.score + gain)))
            remaining -= gain
        }
        // The probability of the goal from every unit's forecast, on the scale the group is ranked on.
        var probability: Double?
        var probabilityNote: LocalizedText?
        do {
            let view = try scorecardView(panel, group: standing.group)
            let onPercent = view.panel.indicators[tree.total].measure == .percent && ownMaximum != nil && view.converted.contains { $0.indicator == standing.total.indicator.id }
            let targetGoal: TargetGoal = switch goal {
            case let .rank(k): .rank(k)
            case let .percent(p): .score(onPercent ? p : ownMaximum.map { p * $0 / 100 } ?? p)
            }
            let result = try target(view.panel, TargetRequest(unit: standing.unit.name, indicator: standing.total.indicator.id, goal: targetGoal,
                                                             year: standing.period.year, draws: draws, seed: seed))
            probability = result.probability
            if probability == nil { probabilityNote = LocalizedText(vi: "không tính được xác suất: thiếu số liệu của một số đơn vị", en: "no probability: some units have no value") }
        } catch {
            probabilityNote = LocalizedText(vi: "không tính được xác suất: \(error)", en: "no probability: \(error)")
        }
        return ScorecardPlan(standing: standing, goal: goal, needed: needed, basis: basis, pointsNeeded: pointsNeeded, recoveries: recoveries,
                             shortfall: max(0, roundedToSignificantDigits(remaining)), beyondPeers: beyondPeers, probability: probability,
                             probabilityNote: probabilityNote)
    }
}
