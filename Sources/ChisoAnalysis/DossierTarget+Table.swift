import ChisoCore
import ChisoNumerics
import ChisoOutput

extension DossierTargetResult {
    /// The plan as a table of items: last period, the volume forecast, the number required.
    public var table: Table {
        let rate = request.rate.rawValue
        let volumeLabel = request.rate.volumeLabel(request.convention)
        let next = nextPeriod.description
        func row(_ item: String, _ label: LocalizedText, _ value: Double, precision: Int = 0) -> [Table.Cell] {
            [.text(item), .localized(label), .number(value, precision: precision)]
        }
        var rows = [
            row("volume_\(lastPeriod)", LocalizedText(vi: "Khối lượng \(lastPeriod) (\(volumeLabel.vi))", en: "Volume \(lastPeriod) (\(volumeLabel.en))"), lastVolume),
            row("count_\(lastPeriod)", LocalizedText(vi: "Số hồ sơ đạt (\(rate)) \(lastPeriod)", en: "Dossiers counted \(rate) \(lastPeriod)"), lastCount),
            row("rate_\(lastPeriod)", LocalizedText(vi: "Tỷ lệ \(rate) \(lastPeriod) %", en: "Rate \(rate) \(lastPeriod) %"), roundedToSignificantDigits(lastRate), precision: 2),
            row("volume_forecast", LocalizedText(vi: "Khối lượng dự báo \(next) (\(volume.method))", en: "Volume forecast \(next) (\(volume.method))"), volume.points[0], precision: 1),
        ]
        for (l, level) in volume.levels.enumerated() {
            let percent = NumberStyle().full(level)
            rows.append(row("volume_lo_\(percent)", LocalizedText(vi: "Cận dưới \(percent)%", en: "\(percent)% lower bound"), volume.lower[l][0], precision: 1))
            rows.append(row("volume_hi_\(percent)", LocalizedText(vi: "Cận trên \(percent)%", en: "\(percent)% upper bound"), volume.upper[l][0], precision: 1))
        }
        let goal = NumberStyle().full(request.atLeast)
        rows.append(row("required", LocalizedText(vi: "Số hồ sơ cần đạt \(rate) \(next) (≥ \(goal)%)", en: "Dossiers needed \(rate) in \(next) (≥ \(goal)%)"), required))
        for (l, level) in volume.levels.enumerated() {
            let percent = NumberStyle().full(level)
            rows.append(row("required_hi_\(percent)", LocalizedText(vi: "… nếu khối lượng bằng cận trên \(percent)%", en: "… if the volume reaches its \(percent)% upper bound"), requiredAtUpper[l]))
        }
        rows.append(row("at_last_rate", LocalizedText(vi: "Số đạt nếu giữ tỷ lệ \(lastPeriod)", en: "Dossiers at the \(lastPeriod) rate"), atLastRate))
        rows.append(row("shortfall", LocalizedText(vi: "Thiếu hụt so với mục tiêu", en: "Shortfall against the goal"), shortfall))
        return Table(
            title: LocalizedText(
                vi: "Mục tiêu hồ sơ \(rate) ≥ \(goal)% cho \(unit), \(next)",
                en: "Dossier target \(rate) ≥ \(goal)% for \(unit), \(next)"),
            columns: Table.Column.itemColumns + [Table.Column("value", Label.value)],
            rows: rows,
            footnotes: [
                LocalizedText(
                    vi: "Khối lượng dự báo từ \(observations) kỳ liên tiếp bằng mô hình tự chọn như lệnh forecast (một đơn vị: AICc; nhiều đơn vị: kiểm định trên cả bảng; [log]: trên thang log, khối lượng tăng theo tỷ lệ), không tính mùa vụ; cận dưới không âm. Số cần đạt = ⌈\(goal)% × khối lượng⌉.",
                    en: "Volume forecast from \(observations) consecutive periods by the auto model as forecast chooses it (one unit: AICc; several: validated on all of them; [log]: on the log scale, volumes growing by rates), without seasonality; lower bounds floored at 0. Dossiers needed = ⌈\(goal)% × volume⌉."),
            ])
    }
}
