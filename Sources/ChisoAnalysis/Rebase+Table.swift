import ChisoCore
import ChisoNumerics
import ChisoOutput

extension RebasedPanel {
    /// The rebased panel in the canonical long layout, each value with its rule and the provinces merged into it.
    public var table: Table {
        let rule = Dictionary(uniqueKeysWithValues: rules.map { ($0.indicator, $0.rule) })
        var rows: [[Table.Cell]] = []
        for (u, unit) in panel.units.enumerated() {
            for (p, period) in panel.periods.enumerated() {
                let mergedFrom = (constituents[unit.code] ?? []).filter { $0.exists(in: period) }.map(\.name).joined(separator: " + ")
                for (i, indicator) in panel.indicators.enumerated() {
                    let value = panel.value(unit: u, period: p, indicator: i)
                    if value.isNaN { continue }
                    rows.append([
                        .text(unit.name), .text(unit.code), .text(period.description), .text(indicator.id),
                        .number(value, precision: indicator.displayPrecision), .text(rule[indicator.id] ?? ""), .text(mergedFrom),
                    ])
                }
            }
        }
        return Table(
            title: LocalizedText(vi: "\(panel.name): 34 tỉnh, thành từ 1/7/2025", en: "\(panel.name): the 34 provinces from 1 July 2025"),
            columns: [
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("code", Label.code, alignment: .left),
                Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                Table.Column("indicator", Label.indicator, alignment: .left),
                Table.Column("value", Label.value),
                Table.Column("rule", LocalizedText(vi: "Cách gộp", en: "Rule"), alignment: .left),
                Table.Column("merged_from", LocalizedText(vi: "Gộp từ", en: "Merged from"), alignment: .left),
            ],
            rows: rows,
            footnotes: [LocalizedText(vi: "Hạng công bố (trên 63) không giữ lại; so sánh qua năm 2025 bằng bách phân vị.", en: "Published ranks (out of 63) are not kept; compare across 2025 by percentile.")])
    }
}
