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
    /// The group each unit is ranked in (departments, districts, central agencies…), one per
    /// unit, when the file says; empty when it does not.
    public let unitGroups: [String?]
    /// Each indicator's code in a scorecard's criteria tree (`1`, `1.2`, `1.2.3`), one per
    /// indicator, when the file says; empty when it does not.
    public let criterionCodes: [String?]
    private let values: [Double]
    private let provenanceByCell: [Int: CellProvenance]
    private let lineSources: LineSources?

    /// Creates a panel; `values` holds one entry per (unit, period, indicator), laid out by `flatIndex`.
    /// `lineSources` gives the file line of cells whose provenance names no source.
    public init(name: String, unitSystem: UnitSystem, units: [AdministrativeUnit], periods: [Period], indicators: [Indicator],
                values: [Double], provenance: [Int: CellProvenance], lineSources: LineSources? = nil, unitGroups: [String?] = [],
                criterionCodes: [String?] = []) {
        precondition(criterionCodes.isEmpty || criterionCodes.count == indicators.count, "Panel criterion codes do not fit its indicators")
        precondition(unitGroups.isEmpty || unitGroups.count == units.count, "Panel unit groups do not fit its units")
        precondition(values.count == units.count * periods.count * indicators.count, "Panel values do not fit its dimensions")
        precondition(lineSources.map { $0.lines.count == values.count } ?? true, "Panel line sources do not fit its dimensions")
        self.lineSources = lineSources
        self.name = name
        self.unitSystem = unitSystem
        self.units = units
        self.periods = periods
        self.indicators = indicators
        self.values = values
        self.provenanceByCell = provenance
        self.unitGroups = unitGroups
        self.criterionCodes = criterionCodes
    }

    /// The groups units are ranked in, in the order of their first unit; empty when the panel has none.
    public var groupNames: [String] {
        var seen = Set<String>()
        return unitGroups.compactMap { $0 }.filter { seen.insert($0).inserted }
    }

    /// The position of a cell in the flat storage: period-major, so that the units of one
    /// indicator in one period (a cross-section, what a ranking reads) lie side by side, as do
    /// the rows of a long file sorted by year, indicator and unit.
    public static func flatIndex(unit: Int, period: Int, indicator: Int, unitCount: Int, indicatorCount: Int) -> Int {
        (period * indicatorCount + indicator) * unitCount + unit
    }

    /// Calls `body` with the values of one indicator in one period, one per unit in `units`
    /// order, in place (no copy): for passes over many cross-sections.
    public func withCrossSection<Result>(period: Int, indicator: Int, _ body: (UnsafeBufferPointer<Double>) throws -> Result) rethrows -> Result {
        let start = flat(0, period, indicator)
        return try values.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<(start + units.count)])) }
    }

    private func flat(_ unit: Int, _ period: Int, _ indicator: Int) -> Int {
        Panel.flatIndex(unit: unit, period: period, indicator: indicator, unitCount: units.count, indicatorCount: indicators.count)
    }

    /// The value of a cell (NaN when not observed).
    public func value(unit: Int, period: Int, indicator: Int) -> Double {
        values[flat(unit, period, indicator)]
    }

    /// What is known of a cell's origin, or nil.
    public func provenance(unit: Int, period: Int, indicator: Int) -> CellProvenance? {
        let cell = flat(unit, period, indicator)
        var provenance = provenanceByCell[cell]
        if provenance?.source == nil, let lineSources, lineSources.lines[cell] > 0 {
            provenance = provenance ?? CellProvenance()
            provenance!.source = "\(lineSources.file):\(lineSources.lines[cell])"
        }
        return provenance
    }

    /// Whether some cell states a maximum with its value (scorecards with points out of a maximum).
    public var statesMaxima: Bool { provenanceByCell.values.contains { $0.maximum != nil } }

    /// Whether some cell of `indicator` states a maximum with its value.
    public func statesMaximum(indicator: Int) -> Bool {
        provenanceByCell.contains { cell, provenance in provenance.maximum != nil && cell % (indicators.count * units.count) / units.count == indicator }
    }

    /// The published rank of a cell, where known (without writing out its source).
    public func publishedRank(unit: Int, period: Int, indicator: Int) -> Int? {
        provenanceByCell.isEmpty ? nil : provenanceByCell[flat(unit, period, indicator)]?.publishedRank
    }

    /// The values of one indicator in one period, one per unit in `units` order.
    public func cross(section period: Int, indicator: Int) -> [Double] {
        withCrossSection(period: period, indicator: indicator) { Array($0) }
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

/// The line of a file each cell of a panel was read from, kept as numbers rather than as one
/// `file:line` text per cell: a cell's source is written out only when asked for.
public struct LineSources: Sendable {
    /// The file, as the user named it.
    public let file: String
    /// The 1-based line of each cell, in the panel's flat order; 0 for a cell no line gave.
    public let lines: [Int32]

    public init(file: String, lines: [Int32]) {
        self.file = file
        self.lines = lines
    }
}
