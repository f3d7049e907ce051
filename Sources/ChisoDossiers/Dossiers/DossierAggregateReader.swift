import ChisoNumerics
import ChisoIO
import Foundation

/// Reads dossier aggregates: one row per unit and period with the count columns of
/// `DossierField` (wide), or `unit,period,indicator,value` rows with field names as indicators
/// (long). Counts are read with the file's decimal convention (`3.589` with a decimal comma is
/// 3589) and must be whole non-negative numbers — `dossiers check` reports those that are not.
public enum DossierAggregateReader {
    /// Rate columns a records summary writes beside its counts; read back, they are left out
    /// (`rates` recomputes them under the convention asked for).
    public static let rateColumns = ["on_time_rate", "late_rate", "online_share", "postal_share"]

    public static func read(path: String, options: ReadOptions = ReadOptions(), registry: ProvinceRegistry?) throws -> [DossierAggregate] {
        let (panel, _) = try PanelLoader(registry: registry).load(path: path, options: options)
        var fieldIndex: [DossierField: Int] = [:]
        var unknown: [String] = []
        for (i, indicator) in panel.indicators.enumerated() {
            if let field = DossierField(rawValue: indicator.id.lowercased()) {
                fieldIndex[field] = i
            } else if !rateColumns.contains(indicator.id.lowercased()) {
                unknown.append(indicator.id)
            }
        }
        guard !fieldIndex.isEmpty else { throw DossierError.noCountColumns(file: path, found: panel.indicators.map(\.id)) }
        if !unknown.isEmpty { throw DossierError.unknownColumns(file: path, names: unknown) }
        var rows: [DossierAggregate] = []
        for u in panel.units.indices {
            for p in panel.periods.indices {
                var counts: [DossierField: Double] = [:]
                var location: String?
                for (field, i) in fieldIndex {
                    let value = panel.value(unit: u, period: p, indicator: i)
                    if !value.isNaN { counts[field] = value }
                    location = location ?? panel.provenance(unit: u, period: p, indicator: i)?.source
                }
                if !counts.isEmpty {
                    rows.append(DossierAggregate(unit: panel.units[u].name, period: panel.periods[p], counts: counts, location: location))
                }
            }
        }
        return rows.sorted { ($0.location.map(lineNumber) ?? 0, $0.unit) < ($1.location.map(lineNumber) ?? 0, $1.unit) }
    }

    private static func lineNumber(_ location: String) -> Int {
        Int(location.split(separator: ":").last ?? "") ?? 0
    }
}

/// A dossier file that is not a dossier report.
public enum DossierError: ReportableError, Equatable {
    case noCountColumns(file: String, found: [String])
    case unknownColumns(file: String, names: [String])

    public var description: String {
        switch self {
        case let .noCountColumns(file, found):
            return "\(file): no dossier count columns (found \(found.joined(separator: ", "))); name them as in docs/dossiers.md: \(DossierField.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .unknownColumns(file, names):
            return "\(file): columns \(names.joined(separator: ", ")) are not dossier counts; known: \(DossierField.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
