import ChisoCore
import ChisoNumerics
import ChisoOutput

extension TargetGoal {
    /// Whether the goal is a rank.
    var isRank: Bool {
        if case .rank = self { return true }
        return false
    }

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
        /// A threshold: one row when exact, else a row without value and its two bounds.
        func thresholdRows(_ item: String, _ label: LocalizedText, _ threshold: Threshold?) -> [[Table.Cell]] {
            guard let threshold else { return [row(item, label, nil, precision: precision)] }
            if let value = threshold.value { return [row(item, label, value, precision: precision)] }
            return [row(item, label, nil, precision: precision)]
                + (threshold.lower.isFinite ? [row(item + "_lo", LocalizedText(vi: "… ít nhất", en: "… at least"), threshold.lower, precision: precision)] : [])
                + (threshold.upper.isFinite ? [row(item + "_hi", LocalizedText(vi: "… nhiều nhất", en: "… at most"), threshold.upper, precision: precision)] : [])
        }
        var rows: [[Table.Cell]] = [
            row("current", LocalizedText(vi: "Giá trị \(year)", en: "Value \(year)"), current, precision: precision),
            row("forecast", LocalizedText(vi: "Dự báo \(next) (\(method))", en: "Forecast \(next) (\(method))"), forecast, precision: precision),
            row("forecast_lo_80", LocalizedText(vi: "Cận dưới 80%", en: "80% lower bound"), forecastLower, precision: precision),
            row("forecast_hi_80", LocalizedText(vi: "Cận trên 80%", en: "80% upper bound"), forecastUpper, precision: precision),
        ]
        if thresholdThisYear != nil || goal.isRank {
            rows += thresholdRows("threshold_\(year)", LocalizedText(vi: "Ngưỡng đạt mục tiêu \(year)", en: "Value that met the goal in \(year)"), thresholdThisYear)
        }
        rows += thresholdRows("threshold_\(next)", LocalizedText(vi: "Ngưỡng dự báo \(next)", en: "Forecast threshold \(next)"), thresholdNextYear)
        rows += thresholdRows("gain_needed", LocalizedText(vi: "Mức cần tăng so với dự báo", en: "Gain needed over own forecast"), gainNeeded)
        rows.append(row("probability", LocalizedText(vi: "Xác suất đạt mục tiêu", en: "Probability of meeting the goal"), probability, precision: 3))
        if let probabilityBounds {
            rows.append(row("probability_lo", LocalizedText(vi: "… ít nhất", en: "… at least"), probabilityBounds.lower, precision: 3))
            rows.append(row("probability_hi", LocalizedText(vi: "… nhiều nhất", en: "… at most"), probabilityBounds.upper, precision: 3))
        }
        if let probabilityOfReachingThreshold {
            let label = LocalizedText(vi: "Xác suất đạt ngưỡng \(next)", en: "Probability of reaching the \(next) threshold")
            if probabilityOfReachingThreshold.lower == probabilityOfReachingThreshold.upper {
                rows.append(row("probability_threshold", label, probabilityOfReachingThreshold.lower, precision: 3))
            } else {
                rows.append(row("probability_threshold", label, nil, precision: 3))
                rows.append(row("probability_threshold_lo", LocalizedText(vi: "… ít nhất", en: "… at least"), probabilityOfReachingThreshold.lower, precision: 3))
                rows.append(row("probability_threshold_hi", LocalizedText(vi: "… nhiều nhất", en: "… at most"), probabilityOfReachingThreshold.upper, precision: 3))
            }
        }
        rows.append(row("units_forecast", LocalizedText(vi: "Số đơn vị được dự báo", en: "Units forecast"), Double(unitsForecast), precision: 0))
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
        if let thresholdThisYear, thresholdThisYear.value == nil || goal.isRank {
            footnotes.append(LocalizedText(vi: "Ngưỡng \(year): \(thresholdThisYear.basis.vi).", en: "Threshold \(year): \(thresholdThisYear.basis.en)."))
        }
        if thresholdNextYear.value == nil || goal.isRank {
            footnotes.append(LocalizedText(vi: "Ngưỡng \(next): \(thresholdNextYear.basis.vi).", en: "Threshold \(next): \(thresholdNextYear.basis.en)."))
        }
        if amongAvailable {
            footnotes.append(LocalizedText(
                vi: "Hạng và ngưỡng tính trong \(unitsForecast)/\(unitsInPanel) đơn vị có giá trị năm \(year) và có dự báo (theo yêu cầu), không phải bảng xếp hạng đầy đủ.",
                en: "Ranks and thresholds are among the \(unitsForecast) of \(unitsInPanel) units with a value in \(year) and a forecast (as asked), not the full ranking."))
        } else if let probabilityBounds, unitsMissingFromField > 0 {
            footnotes.append(LocalizedText(
                vi: "\(unitsMissingFromField) đơn vị trong bảng xếp hạng không có giá trị \(year) hoặc dự báo, nên xác suất không tính được: trong \(unitsForecast) đơn vị có dự báo là \(String(format: "%.3f", probabilityBounds.upper)) (cận trên, vì mỗi đơn vị thiếu có thể vượt lên), và \(String(format: "%.3f", probabilityBounds.lower)) nếu mọi đơn vị thiếu đều vượt lên (cận dưới).",
                en: "\(unitsMissingFromField) units of the ranking have no \(year) value or no forecast, so the probability is not computed: among the \(unitsForecast) units forecast it is \(String(format: "%.3f", probabilityBounds.upper)) (an upper bound, as each missing unit could outrank this one), and \(String(format: "%.3f", probabilityBounds.lower)) if every missing unit did (a lower bound)."))
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
