import ChisoCore
import ChisoIO
import ChisoNumerics
import ChisoOutput

/// One bundled dataset, summarised for `chiso datasets`.
public struct DatasetSummary: Sendable {
    /// The dataset's description.
    public let metadata: DatasetMetadata
    /// The loaded panel; nil for the unit registry.
    public let panel: Panel?

    /// A dataset and its loaded panel (nil for the unit registry).
    public init(metadata: DatasetMetadata, panel: Panel?) {
        self.metadata = metadata
        self.panel = panel
    }
}

/// The list of bundled datasets with what each covers.
public struct DatasetsOverview: Sendable {
    /// One entry per bundled dataset.
    public let summaries: [DatasetSummary]
    /// The province registry, whose unit counts the registry row shows.
    public let registry: ProvinceRegistry

    /// The overview of `summaries`.
    public init(summaries: [DatasetSummary], registry: ProvinceRegistry) {
        self.summaries = summaries
        self.registry = registry
    }

    /// The list of bundled datasets: indicators, years, units with a value and coverage of the
    /// headline indicator (share of unit-years in its span that have a value).
    public var table: Table {
        var rows: [[Table.Cell]] = []
        for summary in summaries {
            let m = summary.metadata
            guard let panel = summary.panel else {
                rows.append([.text(m.name), .localized(m.title), .integer(0), .missing, .text("\(registry.provinces63.currentUnits.count) / \(registry.provinces34.units.count)"), .missing])
                continue
            }
            let headline = 0
            let observedPeriods = panel.periods.indices.filter { p in panel.units.indices.contains { !panel.value(unit: $0, period: p, indicator: headline).isNaN } }
            let years = observedPeriods.isEmpty ? "–" : "\(panel.periods[observedPeriods.first!])–\(panel.periods[observedPeriods.last!])"
            let unitsWithValue = panel.units.indices.filter { u in
                panel.units[u].lastYear == nil && panel.periods.indices.contains { !panel.value(unit: u, period: $0, indicator: headline).isNaN }
            }.count
            let cells = observedPeriods.reduce(0) { $0 + panel.unitSystem.unitCount(in: panel.periods[$1]) }
            let observed = observedPeriods.reduce(0) { total, p in total + panel.units.indices.filter { !panel.value(unit: $0, period: p, indicator: headline).isNaN }.count }
            rows.append([
                .text(m.name), .localized(m.title), .integer(panel.indicators.count), .text(years),
                .text("\(unitsWithValue) / \(panel.unitSystem.currentUnits.count)"),
                cells == 0 ? .missing : .number(100 * Double(observed) / Double(cells), precision: 1),
            ])
        }
        return Table(
            title: LocalizedText(vi: "Bộ dữ liệu đi kèm", en: "Bundled datasets"),
            columns: [
                Table.Column("name", LocalizedText(vi: "Tên", en: "Name"), alignment: .left),
                Table.Column("title", LocalizedText(vi: "Tiêu đề", en: "Title"), alignment: .left),
                Table.Column("indicators", LocalizedText(vi: "Số chỉ số", en: "Indicators")),
                Table.Column("years", LocalizedText(vi: "Năm", en: "Years")),
                Table.Column("units", LocalizedText(vi: "Đơn vị có số liệu", en: "Units with a value")),
                Table.Column("coverage_pct", LocalizedText(vi: "Độ phủ (%)", en: "Coverage (%)")),
            ],
            rows: rows,
            footnotes: [LocalizedText(
                vi: "Độ phủ: tỷ lệ đơn vị × năm có giá trị của chỉ số chính trong các năm có số liệu. `chiso datasets TÊN` cho độ phủ theo năm.",
                en: "Coverage: share of unit-years with a value of the headline indicator over the years it covers. `chiso datasets NAME` gives coverage per year.")])
    }
}

/// What one dataset covers, per indicator and year.
public struct DatasetCoverage: Sendable {
    public let panel: Panel
    public let metadata: DatasetMetadata

    /// The coverage of a loaded dataset.
    public init(panel: Panel, metadata: DatasetMetadata) {
        self.panel = panel
        self.metadata = metadata
    }

    /// Coverage of one dataset per indicator and year: values, published ranks, units in the system.
    public var table: Table {
        var rows: [[Table.Cell]] = []
        for (i, indicator) in panel.indicators.enumerated() {
            for (p, period) in panel.periods.enumerated() {
                let values = panel.units.indices.filter { !panel.value(unit: $0, period: p, indicator: i).isNaN }.count
                let ranked = panel.units.indices.filter { panel.provenance(unit: $0, period: p, indicator: i)?.publishedRank != nil }.count
                if values == 0 && ranked == 0 { continue }
                rows.append([.text(indicator.id), .text(period.description), .integer(values), .integer(ranked), .integer(panel.unitSystem.unitCount(in: period))])
            }
        }
        var footnotes: [LocalizedText] = []
        if let coverage = metadata.coverage { footnotes.append(LocalizedText(coverage)) }
        return Table(
            title: LocalizedText(vi: "\(metadata.name): \(metadata.title.vi) — độ phủ theo năm", en: "\(metadata.name): \(metadata.title.en) — coverage by year"),
            columns: [
                Table.Column("indicator", Label.indicator, alignment: .left),
                Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                Table.Column("values", LocalizedText(vi: "Có giá trị", en: "Values")),
                Table.Column("published_ranks", LocalizedText(vi: "Có hạng công bố", en: "Published ranks")),
                Table.Column("units", LocalizedText(vi: "Tổng số đơn vị", en: "Units in system")),
            ],
            rows: rows, footnotes: footnotes)
    }
}
