import ChisoCore

/// What a cross-section is ranked on. A province's scorecard gives each department its own
/// maximum where some criteria do not apply to it (Tây Ninh 2023: 100, 96.5 or 71.5 points), and
/// ranks by the share of that maximum reached; raw points of different maxima do not compare.
public enum RankingScale: Sendable, Equatable {
    /// The values as they are: no maxima stated, or one maximum for every unit.
    case values
    /// 100 · value / maximum, each unit's own maximum; `maxima` are the distinct ones, ascending.
    case percentOfMaximum(maxima: [Double])

    /// Whether values are turned into percentages of their maxima.
    public var isPercent: Bool {
        if case .percentOfMaximum = self { return true }
        return false
    }

    /// The note that says why a ranking follows percentages, nil on values.
    public var note: LocalizedText? {
        guard case let .percentOfMaximum(maxima) = self else { return nil }
        let list = maxima.map { DecimalText.shortest($0) }.joined(separator: ", ")
        return LocalizedText(vi: "xếp hạng theo tỷ lệ điểm đạt so với điểm tối đa của từng đơn vị: điểm tối đa khác nhau (\(list))",
                             en: "ranked by the % of each unit's own maximum reached: the maxima differ (\(list))")
    }
}

/// A ranking the data cannot make fairly, or a group that is not in the file.
public enum ScorecardError: RemediableError, Equatable {
    /// Maxima differ, and some units have a value without one: no common scale.
    case maximaIncomplete(indicator: String, period: String, maxima: [Double], without: [String])
    /// The file ranks its units in groups and none was chosen.
    case chooseGroup(panel: String, groups: [(name: String, units: Int)])
    /// The group asked for is not in the file.
    case unknownGroup(group: String, panel: String, groups: [String])
    /// No indicator is the scorecard's total.
    case noTotal(panel: String, indicators: [String])

    public static func == (a: ScorecardError, b: ScorecardError) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case let .maximaIncomplete(indicator, period, maxima, without):
            let list = maxima.map { DecimalText.shortest($0) }.joined(separator: ", ")
            return "\(indicator) \(period): units have different maxima (\(list)), so they are ranked by the % of their own maximum, but "
                + "\(without.count) have no maximum (\(without.prefix(5).joined(separator: ", "))\(without.count > 5 ? ", …" : "")); add it in the max column"
        case let .chooseGroup(panel, groups):
            let list = groups.map { "'\($0.name)' (\($0.units) units)" }.joined(separator: ", ")
            return "\(panel) ranks its units in groups, each separately: \(list)"
        case let .unknownGroup(group, panel, groups):
            return "\(panel) has no group '\(group)'; its groups are \(groups.map { "'\($0)'" }.joined(separator: ", "))"
        case let .noTotal(panel, indicators):
            return "\(panel) has no indicator named as a scorecard's total (TOTAL, Tổng điểm) or coded 0; its indicators are \(indicators.prefix(12).joined(separator: ", "))"
        }
    }

    public var remedy: Remedy? {
        switch self {
        case .chooseGroup: return .chooseGroup
        case .noTotal: return .chooseTotal
        default: return nil
        }
    }
}

extension Panel {
    /// The units of `group` among `scope`: all of `scope` when the panel has no groups. Without a
    /// group, a panel whose units are in several groups is refused with the list, since a
    /// province ranks its departments and its districts separately.
    public func units(inGroup group: String?, among scope: [Int]) throws -> (units: [Int], group: String?) {
        guard !unitGroups.isEmpty else { return (scope, nil) }
        let names = groupNames
        guard let group else {
            let unassigned = scope.contains { unitGroups[$0] == nil }
            guard names.count + (unassigned ? 1 : 0) > 1 else { return (scope, names.first) }
            throw ScorecardError.chooseGroup(panel: name, groups: names.map { g in (g, scope.filter { unitGroups[$0] == g }.count) })
        }
        let key = NameFolding.key(group)
        guard let found = names.first(where: { NameFolding.key($0) == key }) else {
            throw ScorecardError.unknownGroup(group: group, panel: name, groups: names)
        }
        return (scope.filter { unitGroups[$0] == found }, found)
    }

    /// The values of `indicator` in `period` for `scope` on the scale they are ranked on: as they
    /// are, or as % of each unit's own maximum when the maxima stated with them differ.
    /// - Throws: `ScorecardError.maximaIncomplete` when maxima differ and a unit with a value has none.
    public func rankingValues(period: Int, indicator: Int, among scope: [Int]) throws -> (scale: RankingScale, values: [Double], maxima: [Double?]) {
        let values = scope.map { value(unit: $0, period: period, indicator: indicator) }
        let maxima = scope.map { provenance(unit: $0, period: period, indicator: indicator)?.maximum }
        let stated = Set(zip(values, maxima).compactMap { $0.isNaN ? nil : $1 })
        guard stated.count > 1 else { return (.values, values, maxima) }
        let without = zip(scope, zip(values, maxima)).filter { !$1.0.isNaN && $1.1 == nil }.map { units[$0.0].name }
        if !without.isEmpty {
            throw ScorecardError.maximaIncomplete(indicator: indicators[indicator].id, period: periods[period].description, maxima: stated.sorted(),
                                                  without: without)
        }
        let percents = zip(values, maxima).map { value, maximum in maximum.map { 100 * value / $0 } ?? value }
        return (.percentOfMaximum(maxima: stated.sorted()), percents, maxima)
    }
}

/// Ratings by thresholds, as provinces publish them beside ranks ("Tốt" from 90%, "Khá" from
/// 80%…): `90:Tốt,80:Khá,50:Trung bình,0:Kém`.
public struct RatingBands: Sendable, Equatable {
    /// (lowest value of the band, label), highest band first.
    public let bands: [(from: Double, label: String)]

    public static func == (a: RatingBands, b: RatingBands) -> Bool {
        a.bands.map(\.from) == b.bands.map(\.from) && a.bands.map(\.label) == b.bands.map(\.label)
    }

    /// Reads `90:Tốt,80:Khá,…` (thresholds with a decimal point); nil when a part is
    /// not `number:label` or two bands start at the same number.
    public init?(parsing text: String) {
        var bands: [(Double, String)] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces }
            guard pieces.count == 2, !pieces[1].isEmpty, let from = Double(pieces[0]), from.isFinite else { return nil }
            bands.append((from, pieces[1]))
        }
        guard !bands.isEmpty, Set(bands.map(\.0)).count == bands.count else { return nil }
        self.bands = bands.sorted { $0.0 > $1.0 }
    }

    /// The label of the highest band `value` reaches; nil below every band or for NaN.
    public func label(of value: Double) -> String? {
        bands.first { value >= $0.from }?.label
    }
}
