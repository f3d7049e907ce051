import ChisoCore
import ChisoNumerics
import ChisoOutput

extension RankResult {
    /// The ranking as a table: best first, with the published rank beside the computed one.
    public var table: Table {
        let precision = indicator.displayPrecision
        let scope = region.map { LocalizedText(vi: "trong vùng \($0)", en: "in \($0)") }
            ?? group.map { LocalizedText(vi: "trong nhóm \($0)", en: "in group \($0)") } ?? LocalizedText(vi: "", en: "")
        let direction = indicator.higherIsBetter ? LocalizedText(vi: "cao hơn là tốt hơn", en: "higher is better") : LocalizedText(vi: "thấp hơn là tốt hơn", en: "lower is better")
        let title = LocalizedText(
            vi: "\(indicator.label.vi) \(period): \(n)/\(unitsInScope) đơn vị có số liệu được xếp hạng \(scope.vi)".trimmingTrailingSpace + " (\(direction.vi), đồng hạng: \(ties.rawValue))",
            en: "\(indicator.label.en) \(period): \(n) of \(unitsInScope) units ranked \(scope.en)".trimmingTrailingSpace + " (\(direction.en), ties: \(ties.rawValue))")
        var footnotes: [LocalizedText] = periodNote.map { [$0] } ?? []
        if let note = scale.note { footnotes.append(LocalizedText(vi: "Cách xếp hạng: \(note.vi).", en: "Ranking: \(note.en).")) }
        let anyPublished = rows.contains { $0.publishedRank != nil }
        if n < unitsInScope {
            footnotes.append(anyPublished
                ? LocalizedText(vi: "Hạng tính trên \(n) đơn vị có số liệu; hạng công bố tính trên tất cả đơn vị.",
                                en: "Ranks are out of the \(n) units with a value; published ranks are out of all units.")
                : LocalizedText(vi: "Hạng tính trên \(n) đơn vị có số liệu.", en: "Ranks are out of the \(n) units with a value."))
        }
        if rows.contains(where: { $0.rankChange != nil }) {
            footnotes.append(LocalizedText(vi: "Đổi hạng theo \(rankChangeBasis.vi).", en: "Rank change from \(rankChangeBasis.en)."))
        }
        if !rankOnly.isEmpty {
            let list = rankOnly.map { "\($0.unit.name) \($0.publishedRank)" }.joined(separator: ", ")
            footnotes.append(LocalizedText(vi: "Chỉ có hạng công bố, không có giá trị: \(list).", en: "Published rank but no value: \(list)."))
        }
        let percentColumns = scale.isPercent
            ? [Table.Column("max", LocalizedText(vi: "Điểm tối đa", en: "Maximum")), Table.Column("percent", LocalizedText(vi: "Tỷ lệ đạt (%)", en: "% of maximum"))] : []
        let ratingColumns = rows.contains { $0.rating != nil } ? [Table.Column("rating", LocalizedText(vi: "Xếp loại", en: "Rating"), alignment: .left)] : []
        var table = Table(
            title: title,
            columns: [
                Table.Column("rank", Label.rank),
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("code", Label.code, alignment: .left),
                Table.Column("value", Label.value),
            ] + percentColumns + ratingColumns + [
                Table.Column("history", LocalizedText(vi: "Diễn biến", en: "History"), alignment: .left, visibility: .screenOnly),
                Table.Column("n", Label.n, visibility: .dataOnly),
                Table.Column("published_rank", Label.publishedRank),
                Table.Column("change", Label.change, tone: .forChange(higherIsBetter: indicator.higherIsBetter)),
                Table.Column("rank_change", Label.rankChange, tone: .upIsGood),
                Table.Column("percentile", Label.percentile),
                Table.Column("quartile", Label.quartile),
            ],
            rows: rows.map { row in
                [.rank(row.rank), .text(row.unit.name), .text(row.unit.code), .value(row.value, precision: precision)]
                    + (scale.isPercent ? [row.maximum.map { .value($0, precision: precision) } ?? .missing, row.percent.map { .number($0, precision: 2) } ?? .missing] : [])
                    + (ratingColumns.isEmpty ? [] : [row.rating.map { .text($0) } ?? .missing])
                    + [.text(sparkline(row.history)), .integer(n), .optional(row.publishedRank),
                    .value(row.change, precision: precision), row.rankChange.map { .rank($0) } ?? .missing,
                    .number(row.percentile, precision: 1), .integer(row.quartile),
                ]
            },
            footnotes: footnotes)
        table.chart = .bars(category: "unit", value: scale.isPercent ? "percent" : "value")
        return table
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
