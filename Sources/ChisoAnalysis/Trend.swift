import ChisoCore
import ChisoNumerics

/// How to order trend rows.
public enum TrendOrder: String, Sendable, CaseIterable {
    /// Unit order of the unit system.
    case unit
    /// Fastest improvers first: by slope, in the indicator's better direction.
    case slope
}

/// What trends to fit.
public struct TrendRequest: Sendable {
    /// Indicator id; nil takes the dataset's headline indicator.
    public var indicator: String?
    /// Unit spellings; empty fits every unit.
    public var units: [String]
    /// The window; nil uses every period.
    public var years: YearRange?
    /// The order of the rows.
    public var order: TrendOrder

    /// Trends of `indicator` over `years`.
    public init(indicator: String? = nil, units: [String] = [], years: YearRange? = nil, order: TrendOrder = .unit) {
        self.indicator = indicator
        self.units = units
        self.years = years
        self.order = order
    }
}

/// One unit's trend.
public struct UnitTrend: Sendable {
    /// The unit.
    public let unit: AdministrativeUnit
    /// Its fit.
    public let fit: TrendFit
    /// The values in the window, for a sparkline.
    public let values: [Double]
}

/// Linear trends of one indicator for every unit.
public struct TrendResult: Sendable {
    /// The dataset or file.
    public let panelName: String
    /// The indicator.
    public let indicator: Indicator
    /// The periods of the window.
    public let periods: [Period]
    /// One row per unit, in `order`.
    public let rows: [UnitTrend]
    /// The order of the rows.
    public let order: TrendOrder
}

extension PanelAnalysis {
    /// Fits y = a + b·t per unit over the selected periods, all units in one batch (`BatchTrend`).
    /// t counts periods from the first one of the window, so the intercept is the fitted value there
    /// and the slope is per year (per quarter, per month for such panels).
    public static func trend(_ panel: Panel, _ request: TrendRequest) throws -> TrendResult {
        let indicatorIndex = try panel.resolveIndicator(request.indicator)
        let periodIndices = panel.periods.indices.filter { request.years?.contains(panel.periods[$0]) ?? true }
        guard let first = periodIndices.first else {
            throw PanelQueryError.unknownPeriod(period: request.years.map { "\($0.first)-\($0.last)" } ?? "", panel: panel.name, available: panel.periods.map(\.description))
        }
        // Named units are always listed, with no data if the panel has none for them.
        let units: [(unit: AdministrativeUnit, index: Int?)]
        if request.units.isEmpty {
            units = panel.units.indices.map { (panel.units[$0], $0) }
        } else {
            units = try request.units.map { name throws -> (AdministrativeUnit, Int?) in
                let unit = try panel.unitSystem.resolve(name)
                return (unit, panel.unitIndex(code: unit.code))
            }
        }
        let origin = panel.periods[first]
        let times = periodIndices.map { Double(periodsBetween(origin, panel.periods[$0])) }
        var series = Matrix(rows: periodIndices.count, columns: units.count, repeating: .nan)
        for (c, entry) in units.enumerated() {
            guard let u = entry.index else { continue }
            for (r, p) in periodIndices.enumerated() { series[r, c] = panel.value(unit: u, period: p, indicator: indicatorIndex) }
        }
        let fits = BatchTrend.fit(times: times, series: series)
        var rows = units.enumerated().map { c, entry in
            UnitTrend(unit: entry.unit, fit: fits[c], values: (0..<periodIndices.count).map { series[$0, c] })
        }.filter { request.units.isEmpty ? $0.fit.n > 0 : true }
        let indicator = panel.indicators[indicatorIndex]
        if request.order == .slope {
            let sign = indicator.higherIsBetter ? -1.0 : 1.0
            rows = rows.enumerated().sorted { a, b in
                let (x, y) = (a.element.fit.slope, b.element.fit.slope)
                if x.isNaN != y.isNaN { return !x.isNaN }
                if x != y && !x.isNaN { return sign * x < sign * y }
                return a.offset < b.offset
            }.map(\.element)
        }
        return TrendResult(panelName: panel.name, indicator: indicator, periods: periodIndices.map { panel.periods[$0] }, rows: rows, order: request.order)
    }
}

/// Whole periods from `start` to `end` of the same kind (years, quarters or months).
func periodsBetween(_ start: Period, _ end: Period) -> Int {
    switch start.kind {
    case .year: return end.year - start.year
    case .half: return (end.year - start.year) * 2 + end.subdivision - start.subdivision
    case .quarter: return (end.year - start.year) * 4 + end.subdivision - start.subdivision
    case .month: return (end.year - start.year) * 12 + end.subdivision - start.subdivision
    }
}
