import ChisoCore

/// A scorecard panel as its analyses must see it: the units of one group only, and every
/// indicator-period whose units have different maxima in % of each unit's own maximum, so that
/// targets, comparisons, trends and forecasts compare what the province's ranking compares.
public struct ScorecardView: Sendable {
    /// The panel to analyse (the one given, when nothing had to change).
    public let panel: Panel
    /// The group kept, when the file ranks its units in several groups.
    public let group: String?
    /// Indicators put on the % scale, with the periods where they were.
    public let converted: [(indicator: String, periods: [String])]

    /// What was changed, in words (nil when nothing was).
    public var note: LocalizedText? {
        var vi: [String] = [], en: [String] = []
        if let group {
            vi.append("các đơn vị của nhóm \(group) (\(panel.units.count))")
            en.append("the units of group \(group) (\(panel.units.count))")
        }
        for (indicator, periods) in converted {
            vi.append("\(indicator) \(periods.joined(separator: ", ")) tính theo tỷ lệ % điểm tối đa của từng đơn vị (điểm tối đa khác nhau)")
            en.append("\(indicator) \(periods.joined(separator: ", ")) as % of each unit's own maximum (the maxima differ)")
        }
        guard !en.isEmpty else { return nil }
        return LocalizedText(vi: vi.joined(separator: "; "), en: en.joined(separator: "; "))
    }
}

extension PanelAnalysis {
    /// The panel restricted to `group` (required when the file has several) and with values in
    /// % of each unit's maximum wherever the maxima differ; a plain file's total first, as the
    /// headline. A panel without groups or maxima is returned as it is.
    public static func scorecardView(_ panel: Panel, group: String?) throws -> ScorecardView {
        guard !panel.unitGroups.isEmpty || panel.statesMaxima else { return ScorecardView(panel: panel, group: nil, converted: []) }
        let (scope, groupName) = try panel.units(inGroup: group, among: Array(panel.units.indices))
        var scaled: [[[Double]?]] = []  // [indicator][period] → values by scope position, when converted
        var converted: [(String, [String])] = []
        for i in panel.indicators.indices {
            var byPeriod: [[Double]?] = []
            var periods: [String] = []
            for p in panel.periods.indices {
                let ranking = try panel.rankingValues(period: p, indicator: i, among: scope)
                byPeriod.append(ranking.scale.isPercent ? ranking.values : nil)
                if ranking.scale.isPercent { periods.append(panel.periods[p].description) }
            }
            scaled.append(byPeriod)
            if !periods.isEmpty { converted.append((panel.indicators[i].id, periods)) }
        }
        let restricted = scope.count < panel.units.count
        // A plain file's total (no catalog declares it) goes first, as the headline, with its
        // fields as components when they make up the whole of it on the points scale.
        let tree = try? panel.scorecardTree()
        let headline = tree.flatMap { panel.indicators[$0.total].measure == .unspecified ? $0.total : nil }
        guard restricted || !converted.isEmpty || headline != nil else { return ScorecardView(panel: panel, group: nil, converted: []) }
        let order = headline.map { total in [total] + panel.indicators.indices.filter { $0 != total } } ?? Array(panel.indicators.indices)

        let units = scope.map { panel.units[$0] }
        let (unitCount, indicatorCount) = (units.count, panel.indicators.count)
        var values = [Double](repeating: .nan, count: unitCount * panel.periods.count * indicatorCount)
        var provenance: [Int: CellProvenance] = [:]
        for (position, u) in scope.enumerated() {
            for p in panel.periods.indices {
                for (k, i) in order.enumerated() {
                    let cell = Panel.flatIndex(unit: position, period: p, indicator: k, unitCount: unitCount, indicatorCount: indicatorCount)
                    values[cell] = scaled[i][p]?[position] ?? panel.value(unit: u, period: p, indicator: i)
                    guard var cellProvenance = panel.provenance(unit: u, period: p, indicator: i) else { continue }
                    if scaled[i][p] != nil, cellProvenance.maximum != nil { cellProvenance.maximum = 100 }
                    provenance[cell] = cellProvenance
                }
            }
        }
        let percentIndicators = Set(converted.map(\.0))
        let indicators = order.map { i in
            let indicator = panel.indicators[i]
            if percentIndicators.contains(indicator.id) {
                return Indicator(id: indicator.id, label: LocalizedText(vi: indicator.label.vi + " (% điểm tối đa)", en: indicator.label.en + " (% of maximum)"),
                                 measure: .percent, higherIsBetter: indicator.higherIsBetter, lowerBound: 0, upperBound: 100, decimals: 2,
                                 breaks: indicator.breaks, note: indicator.note)
            }
            guard i == headline, let tree else { return indicator }
            let fields = tree.fields.map { tree.nodes[$0].indicator }
            let whole = panel.fieldsMakeUpTotal(tree, among: scope) && !fields.contains { percentIndicators.contains(panel.indicators[$0].id) }
            return Indicator(id: indicator.id, label: indicator.label, measure: .points, higherIsBetter: indicator.higherIsBetter, breaks: indicator.breaks,
                             components: whole ? fields.map { panel.indicators[$0].id } : nil, note: indicator.note)
        }
        let system = panel.unitSystem.id == "custom" ? UnitSystem(id: "custom", units: units) : panel.unitSystem
        let view = Panel(name: panel.name, unitSystem: system, units: units, periods: panel.periods, indicators: indicators, values: values,
                         provenance: provenance, unitGroups: panel.unitGroups.isEmpty ? [] : scope.map { panel.unitGroups[$0] },
                         criterionCodes: panel.criterionCodes.isEmpty ? [] : order.map { panel.criterionCodes[$0] })
        return ScorecardView(panel: view, group: restricted ? groupName : nil, converted: converted)
    }
}

extension Panel {
    /// Whether the fields under the total make up all of it for the units of `scope`: their
    /// maxima add up to the total's maximum wherever both are stated, or, without maxima, their
    /// values add up to the total.
    func fieldsMakeUpTotal(_ tree: ScorecardTree, among scope: [Int]) -> Bool {
        let fields = tree.fields.map { tree.nodes[$0].indicator }
        guard !fields.isEmpty else { return false }
        guard statesMaxima else { return addsUp(fields, to: tree.total) }
        var checked = 0
        for u in scope {
            for p in periods.indices {
                guard let total = provenance(unit: u, period: p, indicator: tree.total)?.maximum else { continue }
                let maxima = fields.map { provenance(unit: u, period: p, indicator: $0)?.maximum }
                guard maxima.allSatisfy({ $0 != nil }) else { return false }
                if abs(maxima.reduce(0) { $0 + $1! } - total) > 1e-6 { return false }
                checked += 1
            }
        }
        return checked > 0
    }
}
