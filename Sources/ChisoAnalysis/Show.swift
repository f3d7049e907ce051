import ChisoCore
import ChisoNumerics
import ChisoOutput

/// What part of a panel to show.
public struct ShowRequest: Sendable {
    /// Unit spellings; empty shows every unit with a value in range.
    public var units: [String]
    /// Indicator ids; empty shows the headline indicator (or the only one).
    public var indicators: [String]
    /// The years to show; nil shows every period.
    public var years: YearRange?
    /// Show published ranks instead of values.
    public var ranks: Bool
    /// Show every indicator.
    public var allIndicators: Bool

    /// A window of the panel.
    public init(units: [String] = [], indicators: [String] = [], years: YearRange? = nil, ranks: Bool = false, allIndicators: Bool = false) {
        self.units = units
        self.indicators = indicators
        self.years = years
        self.ranks = ranks
        self.allIndicators = allIndicators
    }
}

/// A window of a panel, periods as columns.
public struct ShowResult: Sendable {
    /// One row per unit and indicator, one column per period.
    public let table: Table
    /// The periods shown.
    public let periods: [Period]
    /// Unit × indicator rows left out because they hold no data in the window.
    public let hiddenRows: Int
}

extension PanelAnalysis {
    /// The panel with periods as columns: one row per unit and indicator.
    ///
    /// Units named in the request are always listed; otherwise units without any value (or
    /// published rank, with `ranks`) in the selected periods are left out and counted in a footnote.
    public static func show(_ panel: Panel, _ request: ShowRequest) throws -> ShowResult {
        let indicatorIndices: [Int]
        if request.allIndicators {
            indicatorIndices = Array(panel.indicators.indices)
        } else if request.indicators.isEmpty {
            indicatorIndices = [try panel.resolveIndicator(nil)]
        } else {
            indicatorIndices = try request.indicators.map { name throws -> Int in try panel.resolveIndicator(name) }
        }
        let requestedUnits = try request.units.map { name throws -> Int in
            let unit = try panel.unitSystem.resolve(name)
            guard let index = panel.unitIndex(code: unit.code) else { throw PanelQueryError.unitNotInPanel(unit: unit.name, panel: panel.name) }
            return index
        }
        let periodIndices = panel.periods.indices.filter { request.years?.contains(panel.periods[$0]) ?? true }
        guard !periodIndices.isEmpty else {
            throw PanelQueryError.unknownPeriod(period: "\(request.years!.first)-\(request.years!.last)", panel: panel.name, available: panel.periods.map(\.description))
        }
        func cell(_ u: Int, _ p: Int, _ i: Int) -> Table.Cell {
            if request.ranks { return .optional(panel.publishedRank(unit: u, period: p, indicator: i)) }
            return .value(panel.value(unit: u, period: p, indicator: i), precision: panel.indicators[i].displayPrecision)
        }
        var rows: [[Table.Cell]] = []
        var hidden = 0
        for i in indicatorIndices {
            let candidates = requestedUnits.isEmpty ? Array(panel.units.indices) : requestedUnits
            for u in candidates {
                let cells = periodIndices.map { cell(u, $0, i) }
                if requestedUnits.isEmpty && cells.allSatisfy({ $0 == .missing }) { hidden += 1; continue }
                rows.append([.text(panel.units[u].name), .text(panel.units[u].code), .text(panel.indicators[i].id)] + cells)
            }
        }
        var columns = [
            Table.Column("unit", Label.unit, alignment: .left),
            Table.Column("code", Label.code, alignment: .left),
            Table.Column("indicator", Label.indicator, alignment: .left),
        ]
        columns += periodIndices.map { Table.Column(panel.periods[$0].description, LocalizedText(panel.periods[$0].description)) }
        var footnotes: [LocalizedText] = []
        if hidden > 0 {
            footnotes.append(LocalizedText(vi: "\(hidden) dòng đơn vị × chỉ số không có số liệu trong khoảng này không được hiển thị.",
                                           en: "\(hidden) unit × indicator rows without data in range are not shown."))
        }
        let labels = indicatorIndices.map { panel.indicators[$0].label }
        let what = request.ranks ? LocalizedText(vi: "hạng công bố", en: "published ranks") : LocalizedText(vi: "giá trị", en: "values")
        let title = LocalizedText(
            vi: "\(panel.name): \(labels.map(\.vi).joined(separator: "; ")) (\(what.vi))",
            en: "\(panel.name): \(labels.map(\.en).joined(separator: "; ")) (\(what.en))")
        var table = Table(title: title, columns: columns, rows: rows, footnotes: footnotes)
        if indicatorIndices.count == 1 && !request.ranks { table.chart = .heatmap(row: "unit", columns: periodIndices.map { panel.periods[$0].description }) }
        return ShowResult(table: table, periods: periodIndices.map { panel.periods[$0] }, hiddenRows: hidden)
    }
}
