import ChisoCore
import ChisoNumerics
import ChisoOutput

extension ProfileResult {
    /// What a reader must not miss: old values, forecasts many steps ahead, top-10 gaps known only
    /// within bounds.
    var notes: [LocalizedText] {
        var notes: [LocalizedText] = []
        for e in entries {
            if let year = e.year, let latest = e.latestYearOfIndex, year < latest {
                notes.append(LocalizedText(vi: "\(e.panelName): giá trị của \(unit.name) là năm \(year), cũ hơn năm gần nhất của chỉ số (\(latest)).",
                                           en: "\(e.panelName): \(unit.name)'s value is from \(year), older than the index's latest year (\(latest))."))
            }
            if let steps = e.forecastSteps, steps > 1, let base = e.forecastBase, let target = e.forecastPeriod {
                notes.append(LocalizedText(vi: "\(e.panelName): dự báo \(target) cách giá trị cuối (\(base)) \(steps) kỳ, kém chắc chắn hơn dự báo một kỳ.",
                                           en: "\(e.panelName): the \(target) forecast is \(steps) periods ahead of the last value (\(base)), less certain than a one-period forecast."))
            }
            if let range = e.gapToTop10Range {
                let precision = e.indicator.displayPrecision
                let (lo, hi) = (NumberStyle().fixed(range.lower, precision: precision), NumberStyle().fixed(range.upper, precision: precision))
                let (vi, en): (String, String)
                if !range.lower.isFinite {
                    (vi, en) = ("nhiều nhất \(hi)", "at most \(hi)")
                } else if !range.upper.isFinite {
                    (vi, en) = ("ít nhất \(lo)", "at least \(lo)")
                } else {
                    (vi, en) = ("nằm giữa \(lo) và \(hi)", "between \(lo) and \(hi)")
                }
                notes.append(LocalizedText(vi: "\(e.panelName): hạng công bố thứ 10 không có giá trị; cách top 10 \(vi).",
                                           en: "\(e.panelName): published rank 10 has no value; the gap to the top 10 is \(en)."))
            }
        }
        return notes
    }

    /// One row per index: where the unit stands, where it is heading, and how far it is from the top.
    public var table: Table {
        let body: [[Table.Cell]] = entries.map { e in
            let precision = e.indicator.displayPrecision
            return [
                .text(e.panelName), .text(e.indicator.id), e.year.map { .text($0.description) } ?? .missing,
                .value(e.value, precision: precision), e.rank.map { .rank($0) } ?? .missing, .integer(e.n), .optional(e.publishedRank),
                .value(e.change, precision: precision), .value(e.slopePerYear, precision: precision), .integer(e.trendValues),
                e.forecastPeriod.map { .text($0.description) } ?? .missing, e.forecastBase.map { .text($0.description) } ?? .missing,
                e.forecastSteps.map { .integer($0) } ?? .missing, .value(e.forecast, precision: precision),
                .value(e.forecastLower, precision: precision), .value(e.forecastUpper, precision: precision),
                e.forecastMethod.map { .text($0) } ?? .missing,
                .value(e.gapToTop10, precision: precision), .value(e.gapToGroupA, precision: precision),
                e.strongest.map { .text($0) } ?? .missing, e.weakest.map { .text($0) } ?? .missing,
            ]
        }
        return Table(
            title: LocalizedText(vi: "Hồ sơ chỉ số: \(unit.name)", en: "Index profile: \(unit.name)"),
            columns: [
                Table.Column("dataset", LocalizedText(vi: "Bộ số liệu", en: "Dataset"), alignment: .left),
                Table.Column("indicator", Label.indicator, alignment: .left, visibility: .dataOnly),
                Table.Column("year", LocalizedText(vi: "Năm", en: "Year")),
                Table.Column("value", Label.value),
                Table.Column("rank", Label.rank),
                Table.Column("n", Label.n),
                Table.Column("published_rank", Label.publishedRank),
                Table.Column("change", Label.change, tone: .forChanges(of: entries.map(\.indicator))),
                Table.Column("slope_per_year", LocalizedText(vi: "Xu hướng/năm", en: "Trend/yr"), tone: .forChanges(of: entries.map(\.indicator))),
                Table.Column("trend_n", LocalizedText(vi: "Số năm", en: "Years"), visibility: .dataOnly),
                Table.Column("forecast_period", LocalizedText(vi: "Kỳ dự báo", en: "Forecast for"), visibility: .dataOnly),
                Table.Column("forecast_base", LocalizedText(vi: "Từ năm", en: "From"), visibility: .dataOnly),
                Table.Column("forecast_steps", LocalizedText(vi: "Bước", en: "Steps")),
                Table.Column("forecast", LocalizedText(vi: "Dự báo", en: "Forecast")),
                Table.Column("lo_80", LocalizedText(vi: "Cận dưới 80%", en: "80% low")),
                Table.Column("hi_80", LocalizedText(vi: "Cận trên 80%", en: "80% high")),
                Table.Column("method", LocalizedText(vi: "Mô hình", en: "Model"), alignment: .left, visibility: .dataOnly),
                Table.Column("gap_top10", LocalizedText(vi: "Cách top 10", en: "To top 10")),
                Table.Column("gap_group_a", LocalizedText(vi: "Cách nhóm A", en: "To group A")),
                Table.Column("strongest", LocalizedText(vi: "Mạnh nhất", en: "Strongest"), alignment: .left),
                Table.Column("weakest", LocalizedText(vi: "Yếu nhất", en: "Weakest"), alignment: .left),
            ],
            rows: body,
            footnotes: [LocalizedText(
                vi: "Hạng trong số n đơn vị có số liệu, chỉ khi ít nhất một nửa số đơn vị có số liệu. Cách top 10 / nhóm A: mức cần tăng để bằng giá trị ở hạng công bố thứ 10 / 90% (≤ 0: đã đạt). Dự báo bằng mô hình tự chọn (AICc); Bước: số kỳ từ giá trị cuối của đơn vị đến kỳ dự báo. Thành phần mạnh/yếu nhất theo bách phân vị, với thành phần có ít nhất 5 đơn vị có số liệu.",
                en: "Ranks among the n units with a value, given only when at least half the units have one. To top 10 / group A: the gain that reaches the value at published rank 10 / 90% (≤ 0: already there). Forecasts by the unit's own auto model (AICc); Steps: periods from the unit's last value to the forecast. Strongest and weakest components by percentile, among components with at least 5 units with a value.")] + notes)
    }
}
