import ChisoCore
import ChisoNumerics
import ChisoOutput

extension TargetGoal {
    /// The goal in words.
    var text: LocalizedText {
        switch self {
        case let .rank(k): return LocalizedText(vi: "hạng \(k) trở lên", en: "rank \(k) or better")
        case let .score(s): return LocalizedText(vi: "đạt \(NumberStyle().full(s))", en: "a value of \(NumberStyle().full(s))")
        case let .group(g): return LocalizedText(vi: "nhóm \(g.uppercased())", en: "group \(g.uppercased())")
        case let .improve(n): return LocalizedText(vi: "tăng \(NumberStyle().full(n))", en: "an improvement of \(NumberStyle().full(n))")
        }
    }
}

extension TargetResult {
    /// The plan as one table: the target figures first (item, value), then each component with
    /// its points, maximum and headroom, most points available first.
    public var table: Table {
        let precision = indicator.displayPrecision
        let next = nextPeriod.description
        func row(_ item: String, _ label: LocalizedText, _ value: Double?, precision: Int) -> [Table.Cell] {
            [.text(item), .localized(label), value.map { .value($0, precision: precision) } ?? .missing, .missing, .missing]
        }
        var rows: [[Table.Cell]] = [
            row("current", LocalizedText(vi: "Giá trị \(year)", en: "Value \(year)"), current, precision: precision),
            row("forecast", LocalizedText(vi: "Dự báo \(next) (\(method))", en: "Forecast \(next) (\(method))"), forecast, precision: precision),
            row("forecast_lo_80", LocalizedText(vi: "Cận dưới 80%", en: "80% lower bound"), forecastLower, precision: precision),
            row("forecast_hi_80", LocalizedText(vi: "Cận trên 80%", en: "80% upper bound"), forecastUpper, precision: precision),
            row("threshold_\(year)", LocalizedText(vi: "Ngưỡng đạt mục tiêu \(year)", en: "Value that met the goal in \(year)"), thresholdThisYear, precision: precision),
            row("threshold_\(next)", LocalizedText(vi: "Ngưỡng dự báo \(next)", en: "Forecast threshold \(next)"), thresholdNextYear, precision: precision),
            row("gain_needed", LocalizedText(vi: "Mức cần tăng so với dự báo", en: "Gain needed over own forecast"), gainNeeded, precision: precision),
            row("probability", LocalizedText(vi: "Xác suất đạt mục tiêu", en: "Probability of meeting the goal"), probability, precision: 3),
            row("units_forecast", LocalizedText(vi: "Số đơn vị được dự báo", en: "Units forecast"), Double(unitsForecast), precision: 0),
        ]
        for component in components {
            rows.append([
                .text("headroom:\(component.indicator)"), .localized(component.label),
                .number(component.points, precision: 2), .number(component.maximum, precision: 2),
                .number(roundedToSignificantDigits(component.headroom), precision: 2),
            ])
        }
        var footnotes = [
            LocalizedText(
                vi: "Xác suất từ \(draws) lần rút đồng thời (seed \(seed)) từ phân phối dự báo của mọi đơn vị, giả định độc lập giữa các đơn vị; cú sốc chung sẽ làm xác suất hạng kém chắc chắn hơn.",
                en: "Probability from \(draws) joint draws (seed \(seed)) of every unit's forecast distribution, assumed independent across units; common shocks would make rank probabilities less certain."),
        ]
        if !components.isEmpty {
            footnotes.append(LocalizedText(
                vi: "Dư địa = điểm tối đa theo phương pháp năm \(year.year) − điểm hiện có.",
                en: "Headroom = maximum points under the \(year.year) methodology − points scored."))
        }
        if unitsForecast < unitsInPanel {
            footnotes.append(LocalizedText(
                vi: "Hạng và ngưỡng tính trong \(unitsForecast)/\(unitsInPanel) đơn vị có giá trị năm \(year) và có dự báo.",
                en: "Ranks and thresholds are among the \(unitsForecast) of \(unitsInPanel) units with a value in \(year) and a forecast."))
        }
        if !unitsWithoutForecast.isEmpty {
            let list = unitsWithoutForecast.joined(separator: ", ")
            footnotes.append(LocalizedText(vi: "Không dự báo được (chuỗi quá ngắn), ngoài phạm vi so sánh: \(list).", en: "No forecast (series too short), left out of the field: \(list)."))
        }
        if !componentsWithoutMaximum.isEmpty {
            let list = componentsWithoutMaximum.joined(separator: ", ")
            footnotes.append(LocalizedText(
                vi: "Chưa rõ điểm tối đa năm \(year.year), không tính dư địa: \(list).",
                en: "Maximum for \(year.year) not known, no headroom given: \(list)."))
        }
        footnotes += methodologyNotes.map { LocalizedText(vi: $0, en: $0) }
        return Table(
            title: LocalizedText(
                vi: "Mục tiêu \(goal.text.vi) về \(indicator.label.vi) cho \(unit.name), \(next)",
                en: "Target \(goal.text.en) on \(indicator.label.en) for \(unit.name), \(next)"),
            columns: Table.Column.itemColumns + [
                Table.Column("value", Label.value),
                Table.Column("maximum", LocalizedText(vi: "Tối đa", en: "Maximum")),
                Table.Column("headroom", LocalizedText(vi: "Dư địa", en: "Headroom")),
            ],
            rows: rows, footnotes: footnotes)
    }
}
