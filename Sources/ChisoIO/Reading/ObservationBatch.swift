import ChisoCore

/// Rows read from a file with their unit texts, indicator names and periods stored once each and
/// referred to by number: what the panel builder needs, at a few bytes per row.
struct ObservationBatch: Sendable {
    /// Distinct unit texts, in the order they first occur.
    var unitTexts: [String] = []
    /// Distinct indicator names, in the order they first occur.
    var indicatorNames: [String] = []
    /// Every indicator name of the file, kept or not, when a filter chose indicators (for suggestions).
    var allIndicatorNames: [String] = []
    /// Distinct periods, in the order they first occur.
    var periods: [Period] = []
    /// Per row: positions in `unitTexts`, `indicatorNames` and `periods`.
    var unit: [Int32] = []
    var indicator: [Int32] = []
    var period: [Int32] = []
    /// Per row: the value, NaN when missing.
    var value: [Double] = []
    /// Per row: the group its unit is ranked in; empty when the file has no group column.
    var groups: [String?] = []
    /// Per row: its indicator's criterion code; empty when the file has no code column.
    var criterionCodes: [String?] = []
    /// What a row says beyond its value (a published rank, a maximum, a source), by row.
    var provenance: [Int: CellProvenance] = [:]
    /// Where each row's unit and value cells are, for messages and default sources.
    var locations: RowLocations = .explicit(unit: [], value: [])

    var count: Int { value.count }

    /// The location of row `row`'s unit cell.
    func unitLocation(_ row: Int) -> SourceLocation {
        switch locations {
        case let .explicit(unit, _): return unit[row]
        case let .csv(file, header, unitColumn, _, lines), let .cells(file, header, unitColumn, lines, _):
            return SourceLocation(file: file, line: Int(lines[row]), column: unitColumn + 1, columnName: header[unitColumn])
        }
    }

    /// The location of row `row`'s value cell.
    func valueLocation(_ row: Int) -> SourceLocation {
        switch locations {
        case let .explicit(_, value): return value[row]
        case let .csv(file, header, _, valueColumn, lines): return SourceLocation(file: file, line: Int(lines[row]), column: valueColumn + 1, columnName: header[valueColumn])
        case let .cells(file, header, _, lines, valueColumns):
            let column = Int(valueColumns[row])
            return SourceLocation(file: file, line: Int(lines[row]), column: column + 1, columnName: header[column])
        }
    }

    /// Observations read by the general readers, numbered.
    init(_ observations: [Observation]) {
        var unitIndex: [String: Int32] = [:], indicatorIndex: [String: Int32] = [:], periodIndex: [Period: Int32] = [:]
        var unitLocations: [SourceLocation] = [], valueLocations: [SourceLocation] = []
        for (row, observation) in observations.enumerated() {
            unit.append(Self.number(observation.unitText, in: &unitIndex, list: &unitTexts))
            indicator.append(Self.number(observation.indicator, in: &indicatorIndex, list: &indicatorNames))
            period.append(Self.number(observation.period, in: &periodIndex, list: &periods))
            value.append(observation.value)
            if !observation.provenance.isEmpty { provenance[row] = observation.provenance }
            unitLocations.append(observation.unitLocation)
            valueLocations.append(observation.location)
        }
        locations = .explicit(unit: unitLocations, value: valueLocations)
        if observations.contains(where: { $0.group != nil }) { groups = observations.map(\.group) }
        if observations.contains(where: { $0.criterionCode != nil }) { criterionCodes = observations.map(\.criterionCode) }
    }

    init() {}

    /// The number of `key`, given the next free number when it is new.
    static func number<Key: Hashable>(_ key: Key, in index: inout [Key: Int32], list: inout [Key]) -> Int32 {
        if let known = index[key] { return known }
        let next = Int32(list.count)
        index[key] = next
        list.append(key)
        return next
    }
}

/// Where the cells of a batch's rows are.
enum RowLocations: Sendable {
    /// One location per row for the unit and the value cell (sheets, wide layouts, folders).
    case explicit(unit: [SourceLocation], value: [SourceLocation])
    /// A long CSV file: fixed unit and value columns, one line per row. A row's default source
    /// is `file:line`.
    case csv(file: String, header: [String], unitColumn: Int, valueColumn: Int, lines: [Int32])
    /// A wide CSV file: a fixed unit column, each row's line and value column. A row's default
    /// source is `file:line`.
    case cells(file: String, header: [String], unitColumn: Int, lines: [Int32], valueColumns: [Int32])

    /// The file and the line of each row, for the default sources of a CSV file.
    var lineSources: (file: String, lines: [Int32])? {
        switch self {
        case .explicit: return nil
        case let .csv(file, _, _, _, lines), let .cells(file, _, _, lines, _): return (file, lines)
        }
    }
}
