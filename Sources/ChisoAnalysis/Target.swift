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

    /// A target for `unit`.
    public init(unit: String, indicator: String? = nil, goal: TargetGoal, year: Int? = nil, draws: Int = 10_000, seed: UInt64 = 1) {
        self.unit = unit
        self.indicator = indicator
        self.goal = goal
        self.year = year
        self.draws = draws
        self.seed = seed
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
    /// The value that met the goal this year (the K-th best value; the group's floor; the score).
    public let thresholdThisYear: Double?
    /// The value that meets the goal next year by the forecasts (the K-th best forecast, or the fixed level).
    public let thresholdNextYear: Double
    /// thresholdNextYear − forecast: what the unit must add to its own forecast.
    public let gainNeeded: Double
    /// P(the goal is met), from `draws` joint draws of every unit's forecast distribution.
    public let probability: Double
    /// Units with a forecast (the field the rank is among).
    public let unitsForecast: Int
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
        let scale = indicator.boundedScale.map { BoundedScale(lower: $0.lower, upper: $0.upper) }
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
        // Thresholds.
        let thisYear = window.values.map { $0[yearIndex] }.filter { !$0.isNaN }
        let points = distributions.map { $0.forecast.points[0] }
        func kth(_ values: [Double], _ k: Int) -> Double? {
            let sorted = values.sorted(by: higher ? (>) : (<))
            return k >= 1 && k <= sorted.count ? sorted[k - 1] : nil
        }
        let (thresholdThisYear, thresholdNext): (Double?, Double)
        switch request.goal {
        case let .rank(k):
            guard let next = kth(points, k) else { throw TargetError.rankOutOfRange(rank: k, units: points.count) }
            (thresholdThisYear, thresholdNext) = (kth(thisYear, k), next)
        case let .score(s): (thresholdThisYear, thresholdNext) = (s, s)
        case let .group(g):
            guard let floor = ["A": 90.0, "B": 80.0, "C": 0.0][g.uppercased()] else { throw TargetError.unknownGroup(g) }
            (thresholdThisYear, thresholdNext) = (floor, floor)
        case let .improve(n): (thresholdThisYear, thresholdNext) = (nil, current + n)
        }
        // Joint draws of every unit's forecast distribution.
        let simulation = TargetSimulation(distributions: distributions.map { $0.forecast.distributions[0] }, higherIsBetter: higher)
        let criterion: TargetSimulation.Criterion
        if case let .rank(k) = request.goal { criterion = .rank(k) } else { criterion = .threshold(thresholdNext) }
        let probability = simulation.probability(unit: ownIndex, meets: criterion, draws: max(1, request.draws), seed: request.seed)
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
            method: own.forecast.method, thresholdThisYear: thresholdThisYear, thresholdNextYear: thresholdNext,
            gainNeeded: roundedToSignificantDigits(higher ? thresholdNext - own.forecast.points[0] : own.forecast.points[0] - thresholdNext),
            probability: probability, unitsForecast: distributions.count, draws: request.draws, seed: request.seed,
            components: components, componentsWithoutMaximum: withoutMaximum, unitsInPanel: panel.units.count, unitsWithoutForecast: withoutForecast, methodologyNotes: notes)
    }
}

/// A target that cannot be set.
public enum TargetError: ReportableError, Equatable {
    /// The rank asked for is beyond the units with a forecast.
    case rankOutOfRange(rank: Int, units: Int)
    /// The group is not A, B or C.
    case unknownGroup(String)

    public var description: String {
        switch self {
        case let .rankOutOfRange(rank, units): return "rank \(rank) is out of range: \(units) units have a forecast"
        case let .unknownGroup(group): return "unknown group '\(group)'; the PAR INDEX groups are A (≥ 90%), B (80–90%) and C (below 80%)"
        }
    }
}
