import ChisoCore
import ChisoNumerics

/// One index in a unit's profile.
public struct ProfileEntry: Sendable {
    /// The dataset.
    public let panelName: String
    /// Its headline indicator.
    public let indicator: Indicator
    /// The year of `value`: the one asked for, else the unit's latest with a value.
    public let year: Period?
    /// The latest year of the index with broad coverage; a `year` before it is an old value.
    public let latestYearOfIndex: Period?
    /// The unit's value in `year` (NaN without one).
    public let value: Double
    /// Rank among the `n` units with a value; nil when fewer than half the units of the ranking have
    /// one (a rank among a few does not say where the unit stands).
    public let rank: Double?
    /// Units with a value in the year.
    public let n: Int
    /// The published rank, where known.
    public let publishedRank: Int?
    /// Value minus the previous year's.
    public let change: Double
    /// Least-squares slope per year over the unit's values, and the number of values used.
    public let slopePerYear: Double
    /// Values the slope was fitted on.
    public let trendValues: Int
    /// The next-period forecast by the unit's own auto model, with its 80% interval; the method
    /// label says why when there is none.
    public let forecastPeriod: Period?
    /// The unit's last observed period the forecast starts from, and how many periods ahead of it
    /// the forecast lies (1 for next year's from this year's value).
    public let forecastBase: Period?
    public let forecastSteps: Int?
    /// The next period's point forecast (NaN without one).
    public let forecast: Double
    /// The forecast's 80% interval, lower bound.
    public let forecastLower: Double
    /// The forecast's 80% interval, upper bound.
    public let forecastUpper: Double
    /// The model that made the forecast, or why there is none.
    public let forecastMethod: String?
    /// What the unit must add to reach the value at published rank 10 (≤ 0: in the top 10), or
    /// the 10th best value of a complete field; NaN when only bounds are known (`gapToTop10Range`).
    public let gapToTop10: Double
    /// The bounds of the gap to the top 10 when published rank 10 has no value.
    public let gapToTop10Range: (lower: Double, upper: Double)?
    /// Points to 90% (PAR INDEX group A), for percentages.
    public let gapToGroupA: Double
    /// The components where the unit stands best and worst, by percentile among the units with a
    /// value (components with at least 5 units), as "id (rank/n)".
    public let strongest: String?
    /// The component with the lowest percentile, as "id (rank/n)".
    public let weakest: String?
}

/// A unit across every index.
public struct ProfileResult: Sendable {
    /// The unit profiled.
    public let unit: AdministrativeUnit
    /// One entry per panel dataset, in the order given.
    public let entries: [ProfileEntry]
}

/// The fewest units a component must have values for to say where a unit stands on it.
let minimumUnitsForComponentStanding = 5

extension PanelAnalysis {
    /// Profiles one unit across panels: on each panel's headline indicator, the latest value (or the
    /// year's) with its rank and change, the trend over the unit's years, the next forecast with an
    /// 80% interval, the distance to the top 10 and to group A, and the strongest and weakest components.
    public static func profile(_ panels: [Panel], unit name: String, year: Int? = nil, seed: UInt64 = 1) throws -> ProfileResult {
        guard let first = panels.first else { throw ProfileError.noPanels }
        let unit = try first.unitSystem.resolve(name)
        var entries: [ProfileEntry] = []
        for panel in panels {
            let headline = try panel.resolveIndicator(nil)
            let indicator = panel.indicators[headline]
            guard let u = panel.unitIndex(code: unit.code),
                  let p = try? panel.yearIndex(year, latestFor: [u], indicator: headline, subject: indicator.id),
                  !panel.value(unit: u, period: p, indicator: headline).isNaN else {
                entries.append(.empty(panel.name, indicator))
                continue
            }
            let period = panel.periods[p]
            let ranking = try rank(panel, RankRequest(period: period))
            let ranked = ranking.rows.first { $0.unit.code == unit.code }!
            let direction: Double = indicator.higherIsBetter ? 1 : -1
            let field = RankingField(panel, indicator: headline, period: p)
            let tenth = field.threshold(rank: 10, higherIsBetter: indicator.higherIsBetter)
            let gaps = tenth.map { [direction * ($0.lower - ranked.value), direction * ($0.upper - ranked.value)].map { roundedToSignificantDigits($0) }.sorted() }
            let latestOfIndex = panel.defaultPeriod(indicator: headline, among: Array(panel.units.indices)).map { panel.periods[$0.index] }
            let series = trendFit(panel, unit: unit.name, indicator: indicator, through: period)
            let next = try? forecast(panel, ForecastRequest(units: [unit.name], horizon: 1, model: .auto, levels: [80], seed: seed))
            let outcome = next?.rows.first?.outcome
            let own = try? outcome?.get()
            var method = own?.method
            if case let .failure(failure)? = outcome { method = "not forecast: \(failure.status)" }
            let (strongest, weakest) = componentStanding(panel, unit: u, period: p, headline: headline)
            let lastObserved = panel.periods.indices.last { !panel.value(unit: u, period: $0, indicator: headline).isNaN }
            let forecastPeriod = own == nil ? nil : next?.periods.first
            let steps = forecastPeriod.flatMap { target in lastObserved.map { periodsBetween(panel.periods[$0], target) } }
            entries.append(ProfileEntry(
                panelName: panel.name, indicator: indicator, year: period, latestYearOfIndex: latestOfIndex, value: ranked.value,
                rank: ranking.n * 2 >= field.size ? ranked.rank : nil, n: ranking.n,
                publishedRank: ranked.publishedRank, change: ranked.change,
                slopePerYear: series?.slope ?? .nan, trendValues: series?.n ?? 0,
                forecastPeriod: forecastPeriod, forecastBase: own == nil ? nil : lastObserved.map { panel.periods[$0] }, forecastSteps: steps,
                forecast: own?.points[0] ?? .nan,
                forecastLower: own?.lower[0][0] ?? .nan, forecastUpper: own?.upper[0][0] ?? .nan, forecastMethod: method,
                gapToTop10: gaps.flatMap { $0[0] == $0[1] ? $0[0] : nil } ?? .nan,
                gapToTop10Range: gaps.flatMap { $0[0] == $0[1] ? nil : ($0[0], $0[1]) },
                gapToGroupA: indicator.measure == .percent ? roundedToSignificantDigits(90 - ranked.value) : .nan,
                strongest: strongest, weakest: weakest))
        }
        return ProfileResult(unit: unit, entries: entries)
    }
}

/// The unit's trend fit over the years up to `period` since the methodology in force then began,
/// when it has a usable one.
private func trendFit(_ panel: Panel, unit: String, indicator: Indicator, through period: Period) -> TrendFit? {
    let start = indicator.segmentStart(for: period.year) ?? panel.periods[0].year
    let years = YearRange(first: start, last: period.year)
    guard let fit = (try? PanelAnalysis.trend(panel, TrendRequest(indicator: indicator.id, units: [unit], years: years)))?.rows.first?.fit,
          fit.status != .tooShort else { return nil }
    return fit
}

/// The best and worst components of the unit by percentile, each as "id (rank/n)".
private func componentStanding(_ panel: Panel, unit: Int, period: Int, headline: Int) -> (String?, String?) {
    var standings: [(id: String, percentile: Double, label: String)] = []
    for (i, component) in panel.indicators.enumerated() where i != headline && !panel.value(unit: unit, period: period, indicator: i).isNaN {
        guard let ranking = try? PanelAnalysis.rank(panel, RankRequest(indicator: component.id, period: panel.periods[period])),
              ranking.n >= minimumUnitsForComponentStanding,
              let row = ranking.rows.first(where: { $0.unit == panel.units[unit] }) else { continue }
        standings.append((component.id, row.percentile, "\(component.id) (\(Int(row.rank))/\(ranking.n))"))
    }
    guard standings.count >= 2 else { return (nil, nil) }
    let sorted = standings.sorted { ($0.percentile, $1.id) > ($1.percentile, $0.id) }
    return (sorted.first!.label, sorted.last!.label)
}

extension ProfileEntry {
    static func empty(_ panelName: String, _ indicator: Indicator) -> ProfileEntry {
        ProfileEntry(panelName: panelName, indicator: indicator, year: nil, latestYearOfIndex: nil, value: .nan, rank: nil, n: 0, publishedRank: nil,
                     change: .nan, slopePerYear: .nan, trendValues: 0, forecastPeriod: nil, forecastBase: nil, forecastSteps: nil,
                     forecast: .nan, forecastLower: .nan, forecastUpper: .nan,
                     forecastMethod: nil, gapToTop10: .nan, gapToTop10Range: nil, gapToGroupA: .nan, strongest: nil, weakest: nil)
    }
}

/// A profile that cannot be drawn.
public enum ProfileError: RemediableError, Equatable {
    /// No panel dataset was given.
    case noPanels

    public var description: String { "no panel datasets to profile" }

    public var remedy: Remedy? { .listDatasets }
}
