import ChisoCore
import ChisoNumerics
import ChisoOutput
import Foundation

/// What the unit aims for.
public enum TargetGoal: Sendable, Equatable {
    /// Rank K or better among the units forecast.
    case rank(Int)
    /// A value at least S.
    case score(Double)
    /// The group of the PAR INDEX convention: A ≥ 90, B ≥ 80 (and < 90), C below.
    case group(String)
    /// The current value plus N.
    case improve(Double)
}

/// What to plan.
public struct TargetRequest: Sendable {
    /// The unit planning, in any spelling.
    public var unit: String
    /// Indicator id; nil takes the dataset's headline indicator.
    public var indicator: String?
    /// What the unit aims for.
    public var goal: TargetGoal
    /// The year whose values are "this year" (default: the latest with values).
    public var year: Int?
    /// Joint draws of the simulation.
    public var draws: Int
    /// Seed of the draws.
    public var seed: UInt64
    /// Rank among the units that have a value and a forecast, as if they were all the units;
    /// by default a rank goal is read against the published ranking.
    public var amongAvailable: Bool

    /// A target for `unit`.
    public init(unit: String, indicator: String? = nil, goal: TargetGoal, year: Int? = nil, draws: Int = 10_000, seed: UInt64 = 1,
                amongAvailable: Bool = false) {
        self.unit = unit
        self.indicator = indicator
        self.goal = goal
        self.year = year
        self.draws = draws
        self.seed = seed
        self.amongAvailable = amongAvailable
    }
}

/// Headroom of one component: points still available under the methodology year's maximum.
public struct ComponentHeadroom: Sendable, Equatable {
    /// The component's indicator id.
    public let indicator: String
    /// Its label.
    public let label: LocalizedText
    /// Points scored in the year.
    public let points: Double
    /// The maximum for the year's methodology.
    public let maximum: Double
    /// Points still available: maximum − points.
    public var headroom: Double { maximum - points }
}

/// The answer to "what must we reach, and how likely are we to reach it?".
public struct TargetResult: Sendable {
    /// The unit planning.
    public let unit: AdministrativeUnit
    /// The indicator.
    public let indicator: Indicator
    /// The base year ("this year").
    public let year: Period
    /// The year planned.
    public let nextPeriod: Period
    /// The goal.
    public let goal: TargetGoal
    /// The unit's value this year.
    public let current: Double
    /// The unit's own forecast: point and 80% interval.
    public let forecast: Double
    /// The lower bound of the unit's 80% forecast interval.
    public let forecastLower: Double
    /// The upper bound of the unit's 80% forecast interval.
    public let forecastUpper: Double
    /// The model behind the unit's forecast.
    public let method: String
    /// The value that met the goal this year: for a rank, the value at that published rank (or
    /// between the nearest published ranks with values); the group's floor; the score. Nil for an
    /// improvement, or when nothing bounds it.
    public let thresholdThisYear: Threshold?
    /// The value that meets the goal next year: the K-th best forecast when every ranked unit is
    /// forecast, else this year's threshold moved by the median forecast change; the fixed level.
    public let thresholdNextYear: Threshold
    /// thresholdNextYear − forecast: what the unit must add to its own forecast (an interval when
    /// the threshold is one).
    public let gainNeeded: Threshold
    /// P(the goal is met), from `draws` joint draws of every unit's forecast distribution; nil for a
    /// rank goal when units of the ranking have no forecast (see `probabilityBounds`).
    public let probability: Double?
    /// For a rank goal over an incomplete field: the probability among the units forecast (an
    /// upper bound: each missing unit could outrank this one) and the probability if every missing
    /// unit did (a lower bound).
    public let probabilityBounds: (lower: Double, upper: Double)?
    /// For a rank goal over an incomplete field: the probability that the unit's own value reaches
    /// next year's threshold (at its two ends when the threshold is an interval).
    public let probabilityOfReachingThreshold: (lower: Double, upper: Double)?
    /// Units with a forecast (the field the draws are among).
    public let unitsForecast: Int
    /// Units of the ranking without a value this year or a forecast.
    public let unitsMissingFromField: Int
    /// Whether the rank was taken among the available units at the user's request.
    public let amongAvailable: Bool
    /// Joint draws made.
    public let draws: Int
    /// Seed of the draws.
    public let seed: UInt64
    /// Components with their headroom, most points available first.
    public let components: [ComponentHeadroom]
    /// Components the unit scored this year whose maximum for the year is not known.
    public let componentsWithoutMaximum: [String]
    /// Units of the panel, of which `unitsForecast` have a value this year and a forecast.
    public let unitsInPanel: Int
    /// Units with a value this year whose series could not be forecast (outside the field).
    public let unitsWithoutForecast: [String]
    /// Methodology notes: component maxima that differ from the latest earlier year with a declared maximum.
    public let methodologyNotes: [String]
}

extension PanelAnalysis {
    /// Plans a target for one unit: every unit's next value is forecast with its own `auto` model
    /// (AICc, on the logit scale for bounded indicators), the threshold of the goal is read off this
    /// year's values and next year's forecasts, and the probability of meeting it comes from joint
    /// draws of all units' predictive distributions (`PredictiveDistribution`: normal, or Student's t
    /// for a trend line, on the modelling scale). The draws are independent across units: common
    /// shocks (a new methodology, a national campaign) would make outcomes move together, so the
    /// probability of a rank is the most uncertain figure here.
    public static func target(_ panel: Panel, _ request: TargetRequest) throws -> TargetResult {
        let indicatorIndex = try panel.resolveIndicator(request.indicator)
        let indicator = panel.indicators[indicatorIndex]
        let unit = try panel.unitSystem.resolve(request.unit)
        guard let u = panel.unitIndex(code: unit.code) else { throw PanelQueryError.unitNotInPanel(unit: unit.name, panel: panel.name) }
        let yearIndex = try panel.yearIndex(request.year, latestFor: [u], indicator: indicatorIndex, subject: "\(indicator.id) for \(unit.name)")
        let current = panel.value(unit: u, period: yearIndex, indicator: indicatorIndex)
        guard !current.isNaN else { throw AnalysisError.noValues(indicator: "\(indicator.id) of \(unit.name)", period: panel.periods[yearIndex].description, panel: panel.name) }
        let scale = forecastScale(indicator, values: panel.units.indices.map { v in (0...yearIndex).map { panel.value(unit: v, period: $0, indicator: indicatorIndex) } },
                                  logit: true, log: true)
        // Every unit's own forecast for the next period, from data up to this year.
        let window = PanelWindow(values: panel.units.indices.map { v in (0...yearIndex).map { panel.value(unit: v, period: $0, indicator: indicatorIndex) } })
        let outcomes = window.forecast(model: .auto, horizon: 1, levels: [80], scale: scale, seed: request.seed)
        var distributions: [(unit: Int, forecast: Forecast)] = []
        var withoutForecast: [String] = []
        for (v, outcome) in outcomes.enumerated() where !window.values[v][yearIndex].isNaN {
            guard case let .success(f) = outcome else {
                withoutForecast.append(panel.units[v].name)
                continue
            }
            distributions.append((v, f))
        }
        guard let ownIndex = distributions.firstIndex(where: { $0.unit == u }) else {
            throw AnalysisError.noData(panel: panel.name, indicator: "\(indicator.id) forecast for \(unit.name) (its series is too short)")
        }
        let own = distributions[ownIndex]
        let higher = indicator.higherIsBetter
        let simulation = TargetSimulation(distributions: distributions.map { $0.forecast.distributions[0] }, higherIsBetter: higher)
        let draws = max(1, request.draws)
        let goal = try goalThresholds(request.goal, panel: panel, indicator: indicatorIndex, year: yearIndex, current: current, higherIsBetter: higher,
                                      field: distributions.map { ($0.unit, $0.forecast.points[0]) }, amongAvailable: request.amongAvailable)
        var probability: Double?
        var bounds: (lower: Double, upper: Double)?
        var reaching: (lower: Double, upper: Double)?
        if case let .rank(k) = request.goal {
            if goal.missing == 0 || request.amongAvailable {
                probability = simulation.probability(unit: ownIndex, meets: .rank(k), draws: draws, seed: request.seed)
            } else {
                let upper = simulation.probability(unit: ownIndex, meets: .rank(k), draws: draws, seed: request.seed)
                let lower = k - goal.missing >= 1
                    ? simulation.probability(unit: ownIndex, meets: .rank(k - goal.missing), draws: draws, seed: request.seed) : 0
                bounds = (lower, upper)
                // The chance of reaching the value that ranked K, at each end of the threshold.
                let own = simulation.distributions[ownIndex]
                func reach(_ level: Double) -> Double {
                    guard level.isFinite else { return (level > 0) == higher ? 0 : 1 }
                    return higher ? 1 - own.probability(below: level) : own.probability(below: level)
                }
                let ends = [reach(goal.next.lower), reach(goal.next.upper)]
                reaching = (ends.min()!, ends.max()!)
            }
        } else if let level = goal.next.value {
            probability = simulation.probability(unit: ownIndex, meets: .threshold(level), draws: draws, seed: request.seed)
        }
        let ownPoint = own.forecast.points[0]
        let gain = higher ? (goal.next.lower - ownPoint, goal.next.upper - ownPoint) : (ownPoint - goal.next.upper, ownPoint - goal.next.lower)
        // Component headroom with this year's maxima.
        let year = panel.periods[yearIndex].year
        var components: [ComponentHeadroom] = []
        var withoutMaximum: [String] = []
        var notes: [String] = []
        for (i, candidate) in panel.indicators.enumerated() where candidate.measure == .points && candidate.id != indicator.id {
            let points = panel.value(unit: u, period: yearIndex, indicator: i)
            guard !points.isNaN else { continue }
            let cellMax = panel.provenance(unit: u, period: yearIndex, indicator: i)?.maximum
            guard let maximum = cellMax ?? candidate.maximum(in: year) else {
                withoutMaximum.append(candidate.id)
                continue
            }
            components.append(ComponentHeadroom(indicator: candidate.id, label: candidate.label, points: points, maximum: maximum))
            let earlier = (candidate.maxPoints ?? [:]).compactMap { key, value in Int(key).flatMap { $0 < year ? ($0, value) : nil } }.max { $0.0 < $1.0 }
            if let earlier, earlier.1 != maximum {
                notes.append("\(candidate.id): maximum \(NumberStyle().full(earlier.1)) in \(earlier.0), \(NumberStyle().full(maximum)) in \(year) (methodology changed)")
            }
        }
        components.sort { ($0.headroom, $1.indicator) > ($1.headroom, $0.indicator) }
        return TargetResult(
            unit: unit, indicator: indicator, year: panel.periods[yearIndex], nextPeriod: panel.periods[yearIndex].next, goal: request.goal,
            current: current, forecast: own.forecast.points[0], forecastLower: own.forecast.lower[0][0], forecastUpper: own.forecast.upper[0][0],
            method: own.forecast.method, thresholdThisYear: goal.thisYear, thresholdNextYear: goal.next,
            gainNeeded: Threshold(lower: roundedToSignificantDigits(gain.0), upper: roundedToSignificantDigits(gain.1), basis: goal.next.basis),
            probability: probability, probabilityBounds: bounds, probabilityOfReachingThreshold: reaching, unitsForecast: distributions.count,
            unitsMissingFromField: goal.missing, amongAvailable: request.amongAvailable,
            draws: request.draws, seed: request.seed,
            components: components, componentsWithoutMaximum: withoutMaximum, unitsInPanel: panel.units.count, unitsWithoutForecast: withoutForecast, methodologyNotes: notes)
    }
}

/// A target that cannot be set.
public enum TargetError: ReportableError, Equatable {
    /// The rank asked for is beyond the units ranked.
    case rankOutOfRange(rank: Int, units: Int)
    /// Nothing known bounds the value at the rank asked for.
    case noThreshold(rank: Int, reason: String)
    /// The group is not A, B or C.
    case unknownGroup(String)

    public var description: String {
        switch self {
        case let .rankOutOfRange(rank, units): return "rank \(rank) is out of range: the ranking has \(units) units"
        case let .noThreshold(rank, reason): return "the value that reached rank \(rank) is not known: \(reason)"
        case let .unknownGroup(group): return "unknown group '\(group)'; the PAR INDEX groups are A (≥ 90%), B (80–90%) and C (below 80%)"
        }
    }
}

/// The thresholds of a goal this year and next, and the units of the ranking left out of the field.
struct GoalThresholds {
    let thisYear: Threshold?
    let next: Threshold
    /// Units of the ranking without a value this year or a forecast (0 for goals of a level).
    let missing: Int
}

/// This year's and next year's thresholds of `goal`; `field` holds each unit with a forecast and
/// its point forecast.
private func goalThresholds(_ goal: TargetGoal, panel: Panel, indicator: Int, year: Int, current: Double, higherIsBetter higher: Bool,
                            field: [(unit: Int, point: Double)], amongAvailable: Bool) throws -> GoalThresholds {
    func level(_ value: Double, _ basis: LocalizedText) -> GoalThresholds {
        GoalThresholds(thisYear: .exact(value, basis: basis), next: .exact(value, basis: basis), missing: 0)
    }
    switch goal {
    case let .score(score):
        return level(score, LocalizedText(vi: "mức \(NumberStyle().full(score))", en: "the level \(NumberStyle().full(score))"))
    case let .group(group):
        guard let floor = ["A": 90.0, "B": 80.0, "C": 0.0][group.uppercased()] else { throw TargetError.unknownGroup(group) }
        return level(floor, LocalizedText(vi: "ngưỡng nhóm \(group.uppercased())", en: "the floor of group \(group.uppercased())"))
    case let .improve(step):
        let next = Threshold.exact(current + step, basis: LocalizedText(vi: "giá trị hiện tại cộng \(NumberStyle().full(step))", en: "the current value plus \(NumberStyle().full(step))"))
        return GoalThresholds(thisYear: nil, next: next, missing: 0)
    case let .rank(k):
        func kth(_ values: [Double]) -> Double? {
            let sorted = values.sorted(by: higher ? (>) : (<))
            return k >= 1 && k <= sorted.count ? sorted[k - 1] : nil
        }
        let points = field.map(\.point)
        if amongAvailable {
            guard let next = kth(points) else { throw TargetError.rankOutOfRange(rank: k, units: points.count) }
            let thisYear = kth(panel.cross(section: year, indicator: indicator).filter { !$0.isNaN })
            let basis = LocalizedText(vi: "giá trị thứ \(k) trong \(points.count) đơn vị có dự báo", en: "the \(englishOrdinal(k)) of the \(points.count) units forecast")
            return GoalThresholds(thisYear: thisYear.map { .exact($0, basis: basis) }, next: .exact(next, basis: basis), missing: 0)
        }
        let ranking = RankingField(panel, indicator: indicator, period: year)
        guard k <= ranking.size else { throw TargetError.rankOutOfRange(rank: k, units: ranking.size) }
        let missing = max(0, ranking.size - field.count)
        let thisYear = ranking.threshold(rank: k, higherIsBetter: higher)
        if missing == 0, let next = kth(points) {
            return GoalThresholds(thisYear: thisYear, next: .exact(next, basis: LocalizedText(vi: "dự báo thứ \(k)", en: "the \(englishOrdinal(k)) best forecast")), missing: 0)
        }
        guard let thisYear else {
            throw TargetError.noThreshold(rank: k, reason: "\(missing) of the \(ranking.size) units ranked have no value or forecast, and no published rank bounds it")
        }
        // Next year's threshold moves with the field: by the median change the forecasts expect.
        let changes = field.map { $0.point - panel.value(unit: $0.unit, period: year, indicator: indicator) }.sorted()
        let drift = changes.isEmpty ? 0 : changes.count % 2 == 1 ? changes[changes.count / 2] : (changes[changes.count / 2 - 1] + changes[changes.count / 2]) / 2
        let next = thisYear.shifted(by: drift, basis: LocalizedText(
            vi: "ngưỡng năm nay cộng mức thay đổi trung vị của \(field.count) dự báo (\(NumberStyle().full(roundedToSignificantDigits(drift, 4))))",
            en: "this year's threshold plus the median forecast change of \(field.count) units (\(NumberStyle().full(roundedToSignificantDigits(drift, 4))))"))
        return GoalThresholds(thisYear: thisYear, next: next, missing: missing)
    }
}
