import ChisoCore
import ChisoNumerics
import ChisoOutput

extension CompareResult {
    /// One row per indicator and unit, in catalog and request order.
    public var table: Table {
        let firstName = units[0].name
        let body: [[Table.Cell]] = rows.map { row in
            let precision = row.indicator.displayPrecision
            return [
                .text(row.indicator.id), .text(row.unit.name), .value(row.value, precision: precision), row.rank.map { .rank($0) } ?? .missing, .integer(row.n),
                .optional(row.publishedRank), .value(row.gapToLeader, precision: precision), .value(row.gapToRegionMean, precision: precision),
                .value(row.gapToNationalMean, precision: precision), .value(row.change, precision: precision),
                .value(row.gapToFirst, precision: precision),
                row.shareOfChange.map { .number($0, precision: 1) } ?? .missing, row.shareOfGap.map { .number($0, precision: 1) } ?? .missing,
            ]
        }
        var footnotes = [LocalizedText(
            vi: "Hạng trong số n đơn vị có số liệu năm \(year); khoảng cách tới đơn vị dẫn đầu, trung bình vùng và trung bình cả nước (các đơn vị có số liệu).",
            en: "Ranks among the n units with a value in \(year); gaps to the leader, the region mean and the national mean (units with a value).")]
        if rows.contains(where: { $0.shareOfChange != nil || $0.shareOfGap != nil }) {
            footnotes.append(LocalizedText(
                vi: "Tỷ trọng: phần của mỗi thành phần trong thay đổi của tổng và trong chênh lệch của tổng so với \(firstName), %.",
                en: "Shares: each component's part of its total's change and of the total's gap to \(firstName), in percent."))
        }
        for d in decompositions {
            let style = NumberStyle()
            var text = "\(d.total), \(d.unit): change \(style.full(d.totalChange)) = components \(style.full(d.componentChange))"
            let residual = roundedToSignificantDigits(d.totalChange - d.componentChange)
            if d.missing.isEmpty {
                text += residual == 0 ? "" : " + \(style.full(residual)) (publisher's rounding)"
            } else {
                text += " + \(style.full(residual)) (no change known for \(d.missing.joined(separator: ", ")))"
            }
            footnotes.append(LocalizedText(vi: text, en: text))
        }
        var table = Table(
            title: LocalizedText(
                vi: "So sánh \(units.map(\.name).joined(separator: ", ")) — \(panelName) \(year)",
                en: "\(units.map(\.name).joined(separator: ", ")) compared — \(panelName) \(year)"),
            columns: [
                Table.Column("indicator", Label.indicator, alignment: .left),
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("value", Label.value),
                Table.Column("rank", Label.rank),
                Table.Column("n", Label.n),
                Table.Column("published_rank", Label.publishedRank),
                Table.Column("gap_leader", LocalizedText(vi: "Cách dẫn đầu", en: "To leader")),
                Table.Column("gap_region_mean", LocalizedText(vi: "So TB vùng", en: "To region mean")),
                Table.Column("gap_national_mean", LocalizedText(vi: "So TB cả nước", en: "To national mean")),
                Table.Column("change", Label.change, tone: .forChanges(of: rows.map(\.indicator))),
                Table.Column("gap_to_first", LocalizedText(vi: "So \(firstName)", en: "vs \(firstName)")),
                Table.Column("share_of_change", LocalizedText(vi: "% thay đổi tổng", en: "% of total change")),
                Table.Column("share_of_gap", LocalizedText(vi: "% chênh lệch tổng", en: "% of total gap")),
            ],
            rows: body, footnotes: footnotes)
        table.chart = .panels(panel: "indicator", category: "unit", value: "value")
        return table
    }
}
