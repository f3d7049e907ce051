import ChisoCore
import ChisoNumerics
import ChisoOutput

extension RankAllResult {
    /// Every row as one table, indicators one after another.
    public var table: Table { table(groups: groups.indices) }

    /// The rows of `groups` (positions in `groups`) as a table: a large result is written in
    /// such batches, each formatted on its own.
    public func table(groups range: Range<Int>) -> Table {
        var rows: [[Table.Cell]] = []
        rows.reserveCapacity(groups[range].reduce(0) { $0 + $1.count })
        for group in groups[range] {
            let precision = group.indicator.displayPrecision
            for row in 0..<group.count {
                let unit = units[Int(group.unit[row])]
                rows.append([
                    .text(group.indicator.id), .text(row == 0 ? group.indicator.id : ""),
                    .text(unit.name), .text(unit.code), .text(periods[Int(group.period[row])].description),
                    .value(group.value[row], precision: precision), .rank(group.rank[row]), .integer(Int(group.n[row])),
                    group.publishedRank[row] > 0 ? .integer(Int(group.publishedRank[row])) : .missing,
                    group.rankChange[row].isNaN ? .missing : .rank(group.rankChange[row]),
                    .number(group.percentile[row], precision: 1),
                ])
            }
        }
        return Table(
            title: LocalizedText(vi: "\(panelName): hạng của \(groups.count) chỉ số × \(periodsRanked) kỳ (đồng hạng: \(ties.rawValue))",
                                 en: "\(panelName): ranks of \(groups.count) indicators × \(periodsRanked) periods (ties: \(ties.rawValue))"),
            columns: [
                Table.Column("indicator", Label.indicator, alignment: .left, visibility: .dataOnly),
                Table.Column("indicator_group", Label.indicator, alignment: .left, visibility: .screenOnly),
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("code", Label.code, alignment: .left),
                Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                Table.Column("value", Label.value),
                Table.Column("rank", Label.rank),
                Table.Column("n", Label.n),
                Table.Column("published_rank", Label.publishedRank),
                Table.Column("rank_change", Label.rankChange, tone: .upIsGood),
                Table.Column("percentile", Label.percentile),
            ],
            rows: rows,
            footnotes: [
                LocalizedText(vi: "Hạng tính trên n đơn vị có số liệu của kỳ. Tăng/giảm hạng so với kỳ liền trước: theo hạng công bố khi cả hai kỳ đều có, nếu không thì theo hạng tính toán khi cả hai kỳ đủ số liệu; để trống khi thiếu kỳ trước hoặc đổi phương pháp.",
                              en: "Ranks are out of the n units with a value in the period. Rank change from the period just before: published ranks where both have one, else computed ranks when both periods are complete; empty after a missing period or a methodology break."),
            ])
    }
}

extension RankAllResult {
    /// The rows of `groups` as CSV bytes, as `TableWriter` writes `table(groups:)`, without
    /// building the table: names written once per batch, numbers written digit by digit.
    public func csv(groups range: Range<Int>, language: Language, numbers: NumberStyle, header: Bool) -> [UInt8] {
        var out = CSVBytes(numbers: numbers, capacity: groups[range].reduce(0) { $0 + $1.count } * 64)
        if header {
            for column in table(groups: 0..<0).columns where column.visibility != .screenOnly { out.text(language == .vi ? column.header.vi : column.id) }
            out.endRow()
        }
        let names = units.map { CSVBytes.encoded($0.name, separator: out.separator) }
        let codes = units.map { CSVBytes.encoded($0.code, separator: out.separator) }
        let periodTexts = periods.map { CSVBytes.encoded($0.description, separator: out.separator) }
        for group in groups[range] {
            let indicator = CSVBytes.encoded(group.indicator.id, separator: out.separator)
            for row in 0..<group.count {
                out.append(encoded: indicator)
                out.append(encoded: names[Int(group.unit[row])])
                out.append(encoded: codes[Int(group.unit[row])])
                out.append(encoded: periodTexts[Int(group.period[row])])
                out.number(group.value[row])
                out.number(group.rank[row])
                out.integer(Int(group.n[row]))
                if group.publishedRank[row] > 0 { out.integer(Int(group.publishedRank[row])) } else { out.missing() }
                if group.rankChange[row].isNaN { out.missing() } else { out.number(group.rankChange[row]) }
                out.number(group.percentile[row])
                out.endRow()
            }
        }
        return out.bytes
    }
}
