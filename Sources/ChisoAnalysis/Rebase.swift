import ChisoCore
import ChisoIO
import ChisoNumerics
import Foundation

/// Where the weights of a weighted mean of scores come from, when rebasing onto the 34 provinces.
public enum RebaseWeights: Sendable {
    /// No weights: a plain mean of the merged provinces' values.
    case none
    /// An indicator of the same panel (e.g. population), per year.
    case indicator(String)
    /// One weight per province of the 63, by GSO code (from a `unit,weight` file).
    case table([String: Double], source: String)
}

/// How one indicator was rebased.
public struct RebaseRule: Sendable, Equatable {
    /// The indicator the rule applies to.
    public let indicator: String
    /// `sum`, `mean` or `weighted mean by …`.
    public let rule: String
}

/// A 63-province panel mapped onto the 34 provinces in force from 1 July 2025.
public struct RebasedPanel: Sendable {
    /// The panel on the 34 provinces of 2025.
    public let panel: Panel
    /// How each indicator was carried over.
    public let rules: [RebaseRule]
    /// For each new unit code, the provinces merged into it (with Hà Tây, part of Hà Nội since
    /// 2008: a period's constituents are those that existed in it).
    public let constituents: [String: [AdministrativeUnit]]
    /// Merged cells left without a value because a constituent province (or its weight) had none.
    public let incompleteCells: Int
    /// Published ranks dropped: ranks out of 63 do not compare with ranks out of 34.
    public let droppedRanks: Int

    /// One line for stderr: the rules used and what was left missing.
    public var summary: String {
        let byRule = Dictionary(grouping: rules, by: \.rule).sorted { $0.key < $1.key }
            .map { "\($0.key) for \($0.value.map(\.indicator).joined(separator: ", "))" }
        var parts = ["as the 34 provinces of 2025: " + byRule.joined(separator: "; "), "break marked at 2025"]
        if incompleteCells > 0 { parts.append("\(incompleteCells) merged cells left missing because a merged province has no value") }
        if droppedRanks > 0 { parts.append("\(droppedRanks) published ranks out of 63 dropped (compare percentiles)") }
        return parts.joined(separator: "; ")
    }
}

extension PanelAnalysis {
    /// Maps a panel on the 63 provinces onto the 34 provinces in force from 1 July 2025: counts are
    /// summed; every other measure is averaged, weighted by `weights` when given. A merged cell has a
    /// value only when every province merged into it has one (and a weight): a sum or mean of some of
    /// them would not describe the new province. Every indicator gets a methodology break at 2025, so
    /// models never fit across the merger; published ranks are dropped.
    public static func rebaseTo2025(_ panel: Panel, registry: ProvinceRegistry, weights: RebaseWeights = .none) throws -> RebasedPanel {
        guard panel.unitSystem.id == registry.provinces63.id else {
            throw RebaseError.notOn63Provinces(panel: panel.name, system: panel.unitSystem.id)
        }
        var weightIndicator: Int?
        if case let .indicator(id) = weights {
            guard let index = panel.indicatorIndex(id) else {
                throw PanelQueryError.unknownIndicator(name: id, panel: panel.name, available: panel.indicators.map(\.id))
            }
            weightIndicator = index
        }
        // New units in the 34-province order, each with every province merged into it: a province
        // the panel never mentions counts as missing, never as absent from the merger.
        for unit in panel.units where registry.mergedInto[unit.code] == nil { throw RebaseError.notInMerger(unit: unit.name) }
        let panelIndex = Dictionary(uniqueKeysWithValues: panel.units.enumerated().map { ($1.code, $0) })
        var members: [String: [String]] = [:]
        for old in registry.provinces63.units { members[registry.mergedInto[old.code]!, default: []].append(old.code) }
        let covered = Set(panel.units.map { registry.mergedInto[$0.code]! })
        let newUnits = registry.provinces34.units.filter { covered.contains($0.code) }
        let rules = panel.indicators.map { indicator in
            RebaseRule(indicator: indicator.id, rule: indicator.measure == .count ? "sum" : weights.ruleName)
        }
        var values = [Double](repeating: .nan, count: newUnits.count * panel.periods.count * panel.indicators.count)
        var incomplete = 0
        for (n, unit) in newUnits.enumerated() {
            for p in panel.periods.indices {
                // The provinces merged into the new one that existed in the period (Hà Tây only to 2008).
                let group = members[unit.code]!.filter { registry.provinces63.unit(code: $0)?.exists(in: panel.periods[p]) ?? true }.map { panelIndex[$0] }
                for (i, indicator) in panel.indicators.enumerated() {
                    let parts = group.map { $0.map { panel.value(unit: $0, period: p, indicator: i) } ?? .nan }
                    if parts.allSatisfy(\.isNaN) { continue }
                    let merged: Double
                    if indicator.measure == .count {
                        merged = parts.reduce(0, +)
                    } else {
                        let w = group.map { $0.map { weight(of: $0, period: p, panel: panel, weights: weights, indicator: weightIndicator) } ?? .nan }
                        let total = w.reduce(0, +)
                        merged = roundedToSignificantDigits(zip(parts, w).map { $0 * $1 }.reduce(0, +) / total)
                    }
                    if merged.isNaN {
                        if group.count > 1 { incomplete += 1 }
                        continue
                    }
                    values[Panel.flatIndex(unit: n, period: p, indicator: i, unitCount: newUnits.count, indicatorCount: panel.indicators.count)] = merged
                }
            }
        }
        var droppedRanks = 0
        for u in panel.units.indices {
            for p in panel.periods.indices {
                for i in panel.indicators.indices where panel.publishedRank(unit: u, period: p, indicator: i) != nil { droppedRanks += 1 }
            }
        }
        let indicators = panel.indicators.map { $0.withBreak(at: 2025) }
        let rebased = Panel(name: "\(panel.name) (as 2025)", unitSystem: registry.provinces34, units: newUnits, periods: panel.periods,
                            indicators: indicators, values: values, provenance: [:])
        let constituents = members.filter { covered.contains($0.key) }.mapValues { $0.compactMap { registry.provinces63.unit(code: $0) } }
        return RebasedPanel(panel: rebased, rules: rules, constituents: constituents, incompleteCells: incomplete, droppedRanks: droppedRanks)
    }
}

private func weight(of unit: Int, period: Int, panel: Panel, weights: RebaseWeights, indicator: Int?) -> Double {
    switch weights {
    case .none: return 1
    case .indicator: return panel.value(unit: unit, period: period, indicator: indicator!)
    case let .table(table, _): return table[panel.units[unit].code] ?? .nan
    }
}

extension RebaseWeights {
    var ruleName: String {
        switch self {
        case .none: return "plain mean (no weights given)"
        case let .indicator(id): return "mean weighted by \(id)"
        case let .table(_, source): return "mean weighted by \(source)"
        }
    }

    /// Reads `unit,weight` (a header row naming a unit and a weight column; units in any spelling).
    public static func read(path: String, registry: ProvinceRegistry, decimal: DecimalSeparator) throws -> RebaseWeights {
        let file = try TabularFile.read(path: path)
        guard let unitColumn = file.column(named: ["unit", "province", "tinh", "don vi"]) else {
            throw DataError.missingColumn(file: file.displayName, role: "unit", headers: file.header)
        }
        guard let weightColumn = file.column(named: ["weight", "population", "trong so", "dan so"]) else {
            throw DataError.missingColumn(file: file.displayName, role: "weight", headers: file.header)
        }
        var table: [String: Double] = [:]
        for record in file.records {
            let unit: AdministrativeUnit
            do { unit = try registry.provinces63.resolve(file.field(record, unitColumn)) } catch {
                throw DataError.unknownUnit(at: file.location(record, unitColumn), lookup: error)
            }
            let text = file.field(record, weightColumn)
            guard let value = NumberSyntax.parse(text, decimal: decimal), value >= 0 else {
                throw DataError.badNumber(at: file.location(record, weightColumn), text: text, convention: "a non-negative weight")
            }
            table[unit.code] = value
        }
        return .table(table, source: (path as NSString).lastPathComponent)
    }
}

extension Indicator {
    /// The same indicator with a methodology break at `year` added.
    func withBreak(at year: Int) -> Indicator {
        Indicator(id: id, label: label, measure: measure, higherIsBetter: higherIsBetter, lowerBound: lowerBound, upperBound: upperBound,
                  maxPoints: maxPoints, decimals: decimals, breaks: Array(Set((breaks ?? []) + [year])).sorted(), components: components, note: note)
    }
}

/// A panel that cannot be rebased.
public enum RebaseError: ReportableError, Equatable {
    /// The panel is not on the 63 provinces.
    case notOn63Provinces(panel: String, system: String)
    /// A province is missing from the merger table.
    case notInMerger(unit: String)

    public var description: String {
        switch self {
        case let .notOn63Provinces(panel, system): return "rebasing to 2025 maps the 63 provinces onto the 34 of 2025; \(panel) is on \(system)"
        case let .notInMerger(unit): return "\(unit) is not in the 2025 merger table (datasets/provinces/merger_2025.csv)"
        }
    }
}
