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

/// What one dataset covers, per indicator and year, and how much of it came from imported workbooks.
public struct DatasetCoverage: Sendable {
    public let panel: Panel
    public let metadata: DatasetMetadata
    /// What was merged from the user's imported workbooks, when any were imported.
    public let imports: ImportMerge?

    /// The coverage of a loaded dataset.
    public init(panel: Panel, metadata: DatasetMetadata, imports: ImportMerge? = nil) {
        self.panel = panel
        self.metadata = metadata
        self.imports = imports
    }

    /// Coverage of one dataset per indicator and year: values, published ranks, values from
    /// imported workbooks (with imports), units in the system.
    public var table: Table {
        var rows: [[Table.Cell]] = []
        for (i, indicator) in panel.indicators.enumerated() {
            for (p, period) in panel.periods.enumerated() {
                let values = panel.units.indices.filter { !panel.value(unit: $0, period: p, indicator: i).isNaN }
                let ranked = panel.units.indices.filter { panel.publishedRank(unit: $0, period: p, indicator: i) != nil }.count
                if values.isEmpty && ranked == 0 { continue }
                var row: [Table.Cell] = [.text(indicator.id), .text(period.description), .integer(values.count), .integer(ranked)]
                if imports != nil {
                    row.append(.integer(values.filter { !(panel.provenance(unit: $0, period: p, indicator: i)?.source?.hasPrefix("http") ?? false) }.count))
                }
                row.append(.integer(panel.unitSystem.unitCount(in: period)))
                rows.append(row)
            }
        }
        var footnotes: [LocalizedText] = []
        if let coverage = metadata.coverage { footnotes.append(LocalizedText(coverage)) }
        if let imports {
            let files = imports.entries.map { "\($0.file) (\($0.year), \($0.sheets.count) sheets)" }.joined(separator: "; ")
            footnotes.append(LocalizedText(vi: "Nhập từ sổ tính chính thức: \(files).", en: "Imported from official workbooks: \(files)."))
            footnotes.append(LocalizedText(
                vi: "\(imports.replacedCells) ô có cả số liệu trang web và sổ tính: sổ tính được dùng; \(imports.disagreements.count) ô khác nhau quá mức làm tròn.",
                en: "\(imports.replacedCells) cells given by both a page and a workbook: the workbook's are used; \(imports.disagreements.count) differ beyond rounding."))
        }
        var columns = [
            Table.Column("indicator", Label.indicator, alignment: .left),
            Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
            Table.Column("values", LocalizedText(vi: "Có giá trị", en: "Values")),
            Table.Column("published_ranks", LocalizedText(vi: "Có hạng công bố", en: "Published ranks")),
        ]
        if imports != nil { columns.append(Table.Column("from_workbooks", LocalizedText(vi: "Từ sổ tính", en: "From workbooks"))) }
        columns.append(Table.Column("units", LocalizedText(vi: "Tổng số đơn vị", en: "Units in system")))
        return Table(
            title: LocalizedText(vi: "\(metadata.name): \(metadata.title.vi) — độ phủ theo năm", en: "\(metadata.name): \(metadata.title.en) — coverage by year"),
            columns: columns, rows: rows, footnotes: footnotes)
    }
}
