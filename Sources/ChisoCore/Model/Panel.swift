/// Values of indicators for units over periods: unit × period × indicator → `Double`.
///
/// NaN means "not observed"; a published rank may exist for an unobserved value. Units keep
/// their system's canonical order, periods are sorted, indicators follow the catalog.
public struct Panel: Sendable {
    /// The dataset name or the file the panel was read from.
    public let name: String
    /// The unit system's id: `provinces-63`, `provinces-34` or a custom id.
    public let unitSystem: UnitSystem
    /// Units that occur in the panel, in the system's order.
    public let units: [AdministrativeUnit]
    /// Periods that occur in the panel, sorted.
    public let periods: [Period]
    /// The indicator catalog, in declared order.
    public let indicators: [Indicator]
    private let values: [Double]
    private let provenanceByCell: [Int: CellProvenance]

    /// Creates a panel; `values` holds one entry per (unit, period, indicator), laid out by `flatIndex`.
    public init(name: String, unitSystem: UnitSystem, units: [AdministrativeUnit], periods: [Period], indicators: [Indicator],
                values: [Double], provenance: [Int: CellProvenance]) {
        precondition(values.count == units.count * periods.count * indicators.count, "Panel values do not fit its dimensions")
        self.name = name
        self.unitSystem = unitSystem
        self.units = units
        self.periods = periods
        self.indicators = indicators
        self.values = values
        self.provenanceByCell = provenance
    }

    /// The position of a cell in the flat storage.
    public static func flatIndex(unit: Int, period: Int, indicator: Int, periodCount: Int, indicatorCount: Int) -> Int {
        (unit * periodCount + period) * indicatorCount + indicator
    }

    private func flat(_ unit: Int, _ period: Int, _ indicator: Int) -> Int {
        Panel.flatIndex(unit: unit, period: period, indicator: indicator, periodCount: periods.count, indicatorCount: indicators.count)
    }

    /// The value of a cell (NaN when not observed).
    public func value(unit: Int, period: Int, indicator: Int) -> Double {
        values[flat(unit, period, indicator)]
    }

    /// What is known of a cell's origin, or nil.
    public func provenance(unit: Int, period: Int, indicator: Int) -> CellProvenance? {
        provenanceByCell[flat(unit, period, indicator)]
    }

    /// The values of one indicator in one period, one per unit in `units` order.
    public func cross(section period: Int, indicator: Int) -> [Double] {
        units.indices.map { value(unit: $0, period: period, indicator: indicator) }
    }

    /// The position of an indicator by id, ignoring case and diacritics.
    public func indicatorIndex(_ id: String) -> Int? {
        if let exact = indicators.firstIndex(where: { $0.id == id }) { return exact }
        let key = NameFolding.key(id)
        return indicators.firstIndex { NameFolding.key($0.id) == key }
    }

    /// The position of a period.
    public func periodIndex(_ period: Period) -> Int? { periods.firstIndex(of: period) }

    /// The position of a unit by code.
    public func unitIndex(code: String) -> Int? { units.firstIndex { $0.code == code } }
}
