import ChisoCore
import ChisoNumerics
import ChisoOutput

extension RankAllResult {
    /// Every row as one table, indicators one after another.
    public var table: Table { table(groups: groups) }

    /// The rows of `groups` (from `groups(_:)`) as a table: a large result is written in such
    /// batches, each formatted on its own.
    public func table(groups: [Group]) -> Table {
        var rows: [[Table.Cell]] = []
        rows.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        for group in groups {
            let precision = group.indicator.displayPrecision
            for row in 0..<group.count {
                let unit = units[Int(group.unit[row])]
                rows.append([
                    .text(group.indicator.id), .text(row == 0 ? group.indicator.id : ""),
                    .text(unit.name), .text(unit.code), .text(periods[Int(group.period[row])].description),
                    .value(group.value[row], precision: precision)]
                    + (percentScale ? [group.percent[row].isNaN ? .missing : .number(group.percent[row], precision: 2)] : [])
                    + [.rank(group.rank[row]), .integer(Int(group.n[row])),
                    group.publishedRank[row] > 0 ? .integer(Int(group.publishedRank[row])) : .missing,
                    group.rankChange[row].isNaN ? .missing : .rank(group.rankChange[row]),
                    .number(group.percentile(row), precision: 1),
                ])
            }
        }
        return Table(
            title: LocalizedText(vi: "\(panelName)\(group.map { ", nhóm \($0)" } ?? ""): hạng của \(indicators.count) chỉ số × \(periodsRanked.count) kỳ (đồng hạng: \(ties.rawValue))",
                                 en: "\(panelName)\(group.map { ", group \($0)" } ?? ""): ranks of \(indicators.count) indicators × \(periodsRanked.count) periods (ties: \(ties.rawValue))"),
            columns: [
                Table.Column("indicator", Label.indicator, alignment: .left, visibility: .dataOnly),
                Table.Column("indicator_group", Label.indicator, alignment: .left, visibility: .screenOnly),
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("code", Label.code, alignment: .left),
                Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                Table.Column("value", Label.value),
            ] + (percentScale ? [Table.Column("percent", LocalizedText(vi: "Tỷ lệ đạt (%)", en: "% of maximum"))] : []) + [
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
            ] + (percentScale ? [LocalizedText(vi: "Kỳ có điểm tối đa khác nhau giữa các đơn vị được xếp hạng theo tỷ lệ điểm đạt (%), cột Tỷ lệ đạt.",
                                               en: "Periods whose units have different maxima are ranked by the % of each unit's own maximum (the percent column).")] : []))
    }
}

extension RankAllResult {
    /// The columns written in data formats (CSV, JSON, .xlsx): the table's, less the screen's
    /// grouping column.
    public var dataColumns: [Table.Column] {
        table(groups: []).columns.filter { $0.visibility != .screenOnly }
    }

    /// The rows of `groups` as CSV bytes, as `TableWriter` writes `table(groups:)`, without
    /// building the table: names written once per batch, numbers written digit by digit.
    public func csv(groups: [Group], language: Language, numbers: NumberStyle, header: Bool) -> [UInt8] {
        // Names, codes and periods encoded once, into one pool the rows copy from.
        let separator = CSVBytes(numbers: numbers).separator
        var pool: [UInt8] = []
        func pooled(_ text: String) -> Range<Int> {
            let start = pool.count
            pool += CSVBytes.encoded(text, separator: separator)
            return start..<pool.count
        }
        let names = units.map { pooled($0.name) }, codes = units.map { pooled($0.code) }
        let periodTexts = periods.map { pooled($0.description) }
        let indicators = groups.map { pooled($0.indicator.id) }
        var out = CSVBytes(numbers: numbers, capacity: groups.reduce(0) { $0 + $1.count } * 64)
        if header {
            for column in dataColumns { out.text(language == .vi ? column.header.vi : column.id) }
            out.endRow()
        }
        var percentileTexts: [UInt64: [UInt8]] = [:]
        pool.withUnsafeBufferPointer { pool in
            func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: pool[range]) }
            for (k, group) in groups.enumerated() {
                let indicator = text(indicators[k])
                for row in 0..<group.count {
                    let unit = Int(group.unit[row])
                    out.append(encoded: indicator)
                    out.append(encoded: text(names[unit]))
                    out.append(encoded: text(codes[unit]))
                    out.append(encoded: text(periodTexts[Int(group.period[row])]))
                    out.number(group.value[row])
                    if percentScale {
                        if group.percent[row].isNaN { out.missing() } else { out.number(group.percent[row]) }
                    }
                    out.number(group.rank[row])
                    out.integer(Int(group.n[row]))
                    if group.publishedRank[row] > 0 { out.integer(Int(group.publishedRank[row])) } else { out.missing() }
                    if group.rankChange[row].isNaN { out.missing() } else { out.number(group.rankChange[row]) }
                    // Percentiles repeat (one per rank and n): each is written out once.
                    let percentile = group.percentile(row)
                    if let known = percentileTexts[percentile.bitPattern] {
                        out.append(encoded: known)
                    } else {
                        var number = CSVBytes(numbers: numbers)
                        number.number(percentile)
                        percentileTexts[percentile.bitPattern] = number.bytes
                        out.append(encoded: number.bytes)
                    }
                    out.endRow()
                }
            }
        }
        return out.finish()
    }

    /// The rows of `groups` as the JSON objects `TableWriter.jsonRows` writes for
    /// `table(groups:)` (one per line, separated by commas), without building the table: a whole
    /// panel of millions of rows is written as JSON in batches, as CSV is.
    public func json(groups: [Group]) -> [UInt8] {
        // Keys and names encoded once; each row copies them.
        func encoded(_ text: String) -> [UInt8] { Array(jsonString(text).utf8) }
        let keys = dataColumns.map { Array((jsonString($0.id) + ": ").utf8) }
        let names = units.map { encoded($0.name) }, codes = units.map { encoded($0.code) }
        let periodTexts = periods.map { encoded($0.description) }
        var out: [UInt8] = []
        out.reserveCapacity(groups.reduce(0) { $0 + $1.count } * 200)
        let null = Array("null".utf8)
        func number(_ x: Double) {
            if x.isFinite { DecimalText.appendShortest(x, to: &out) } else { out += null }
        }
        var first = true
        for group in groups {
            let indicator = encoded(group.indicator.id)
            for row in 0..<group.count {
                if !first { out += [0x2C, 0x0A] }
                first = false
                var key = 0
                func field() {
                    out += key == 0 ? [0x20, 0x20, 0x7B] : [0x2C, 0x20]
                    out += keys[key]
                    key += 1
                }
                let unit = Int(group.unit[row])
                field(); out += indicator
                field(); out += names[unit]
                field(); out += codes[unit]
                field(); out += periodTexts[Int(group.period[row])]
                field(); number(group.value[row])
                if percentScale { field(); number(group.percent[row]) }
                field(); number(group.rank[row])
                field(); DecimalText.appendInteger(Int64(group.n[row]), to: &out)
                field(); if group.publishedRank[row] > 0 { DecimalText.appendInteger(Int64(group.publishedRank[row]), to: &out) } else { out += null }
                field(); number(group.rankChange[row])
                field(); number(group.percentile(row))
                out.append(0x7D)
            }
        }
        return out
    }
}
