import ChisoCore
import ChisoNumerics
import ChisoOutput
import Foundation

/// Interval column ids: `lo-80`, `hi-80` for level 80.
func levelLabel(_ level: Double) -> String {
    level == level.rounded() ? String(Int(level)) : String(level)
}

extension ForecastResult {
    /// One row per unit and forecast period: method, point, intervals per level; a unit that
    /// could not be forecast is one row with its status and reason.
    public var table: Table {
        let precision = indicator.displayPrecision
        var columns = [
            Table.Column("unit", Label.unit, alignment: .left),
            Table.Column("code", Label.code, alignment: .left, visibility: .dataOnly),
            Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
            Table.Column("base", LocalizedText(vi: "Từ kỳ", en: "From")),
            Table.Column("steps", LocalizedText(vi: "Bước", en: "Steps")),
            Table.Column("method", LocalizedText(vi: "Mô hình", en: "Method"), alignment: .left),
            Table.Column("point", LocalizedText(vi: "Dự báo", en: "Forecast")),
        ]
        for level in levels {
            columns.append(Table.Column("lo-\(levelLabel(level))", LocalizedText(vi: "Dưới \(levelLabel(level))%", en: "Lo \(levelLabel(level))%")))
            columns.append(Table.Column("hi-\(levelLabel(level))", LocalizedText(vi: "Trên \(levelLabel(level))%", en: "Hi \(levelLabel(level))%")))
        }
        columns.append(Table.Column("status", LocalizedText(vi: "Trạng thái", en: "Status"), alignment: .left))
        var rows: [[Table.Cell]] = []
        var manySteps: [String] = []
        for row in self.rows {
            // The unit's last value is where its forecast starts: a unit last observed years ago is
            // forecast that many more steps ahead, and the table says so.
            let base: Period? = row.history.lastIndex { !$0.isNaN }.map { observedPeriods[$0] }
            let baseCell: Table.Cell = base.map { .text($0.description) } ?? .missing
            switch row.outcome {
            case let .success(f):
                for (h, period) in periods.enumerated() {
                    let steps: Int? = base.map { periodsBetween($0, period) }
                    if h == 0, let steps, steps > 1, let base { manySteps.append("\(row.unit.name) (\(base))") }
                    let stepsCell: Table.Cell = steps.map { .integer($0) } ?? .missing
                    var cells: [Table.Cell] = [.text(row.unit.name), .text(row.unit.code), .text(period.description), baseCell, stepsCell]
                    cells += [.text(f.method(atStep: h + 1)), .value(f.points[h], precision: precision)]
                    for l in levels.indices { cells += [.value(f.lower[l][h], precision: precision), .value(f.upper[l][h], precision: precision)] }
                    rows.append(cells + [.text("ok")])
                }
            case let .failure(failure):
                rows.append([.text(row.unit.name), .text(row.unit.code), .missing, baseCell, .missing, .missing, .missing]
                            + levels.flatMap { _ in [Table.Cell.missing, .missing] } + [.text("\(failure.status): \(failure)")])
            }
        }
        var footnotes: [LocalizedText] = []
        if let selection { footnotes.append(LocalizedText(selection)) }
        if let firstPeriod { footnotes.append(LocalizedText(vi: "Dữ liệu dùng từ \(firstPeriod).", en: "Data used from \(firstPeriod) on.")) }
        if !manySteps.isEmpty {
            footnotes.append(LocalizedText(
                vi: "Dự báo cách giá trị cuối hơn một kỳ (kém chắc chắn hơn): \(manySteps.joined(separator: ", ")).",
                en: "Forecast more than one period ahead of the unit's last value (less certain): \(manySteps.joined(separator: ", "))."))
        }
        let logit = self.rows.contains { row in (try? row.outcome.get())?.method.contains("[logit]") ?? false }
        if indicator.boundedScale != nil && logit {
            footnotes.append(LocalizedText(vi: "[logit]: mô hình trên thang logit để dự báo và khoảng nằm trong giới hạn của chỉ số.",
                                           en: "[logit]: modelled on the logit scale so forecasts and intervals stay within the indicator's bounds."))
        }
        var table = Table(
            title: LocalizedText(vi: "\(indicator.label.vi): dự báo \(periods.map(\.description).joined(separator: ", "))",
                                 en: "\(indicator.label.en): forecasts for \(periods.map(\.description).joined(separator: ", "))"),
            columns: columns, rows: rows, footnotes: footnotes)
        let history = self.rows.flatMap { row in
            zip(observedPeriods, row.history).compactMap { period, value in
                value.isNaN ? nil : Table.HistoryPoint(unit: row.unit.name, period: period.description, value: value)
            }
        }
        let bands = levels.sorted(by: >).map { Table.Band(lower: "lo-\(levelLabel($0))", upper: "hi-\(levelLabel($0))") }
        table.chart = .fan(unit: "unit", period: "period", point: "point", bands: bands, history: history)
        return table
    }
}

extension BacktestResult {
    /// Pooled accuracy by model and horizon, with the best model per horizon underneath.
    public var table: Table {
        var columns = [
            Table.Column("model", LocalizedText(vi: "Mô hình", en: "Model"), alignment: .left),
            Table.Column("horizon", LocalizedText(vi: "Tầm", en: "Horizon")),
            Table.Column("n", LocalizedText("n")),
            Table.Column("mae", LocalizedText("MAE")),
            Table.Column("rmse", LocalizedText("RMSE")),
            Table.Column("mase", LocalizedText("MASE")),
            Table.Column("mape", LocalizedText("MAPE %")),
        ]
        for level in levels { columns.append(Table.Column("coverage-\(levelLabel(level))", LocalizedText(vi: "Độ phủ \(levelLabel(level))%", en: "Coverage \(levelLabel(level))%"))) }
        for level in levels { columns.append(Table.Column("winkler-\(levelLabel(level))", LocalizedText("Winkler \(levelLabel(level))%"))) }
        let rows: [[Table.Cell]] = pooled.map { s in
            [.text(s.model.rawValue), .integer(s.horizon), .integer(s.n), .value(s.mae, precision: 4), .value(s.rmse, precision: 4),
             .value(s.mase, precision: 4), .value(s.mape, precision: 2)]
                + s.coverage.map { .value($0, precision: 3) } + s.winkler.map { .value($0, precision: 3) }
        }
        var footnotes = bestByHorizon.map { best in
            let leftOut = best.leftOut.isEmpty ? ("", "") : (
                "; không so \(best.leftOut.map(\.rawValue).joined(separator: ", ")) vì dự báo được ít trường hợp hơn",
                "; \(best.leftOut.map(\.rawValue).joined(separator: ", ")) not compared: fewer cases")
            return LocalizedText(vi: "Tầm \(best.horizon): tốt nhất \(best.model.rawValue) (MASE \(String(format: "%.4f", best.mase)), trên \(best.cases) trường hợp\(leftOut.0))",
                                 en: "Horizon \(best.horizon): best \(best.model.rawValue) (MASE \(String(format: "%.4f", best.mase)) over \(best.cases) cases\(leftOut.1))")
        }
        footnotes.append(LocalizedText(
            vi: "Độ phủ: tỷ lệ trong n kết quả thực tế nằm trong khoảng dự báo; khoảng trung thực có độ phủ gần mức danh nghĩa.",
            en: "Coverage: the share of the n outcomes inside the interval; honest intervals cover close to their nominal level."))
        footnotes.append(LocalizedText(vi: "Gốc dự báo: \(origins.map(\.description).joined(separator: ", ")); cửa sổ mở rộng.",
                                       en: "Origins: \(origins.map(\.description).joined(separator: ", ")); expanding window."))
        if !autoChoices.isEmpty {
            // Without enough history to validate on the panel, auto chose per series by AICc.
            let text = autoChoices.map { "\($0.origin) \($0.models.isEmpty ? "per-series AICc" : $0.models.joined(separator: "/"))" }.joined(separator: ", ")
            footnotes.append(LocalizedText(vi: "auto chọn (theo tầm): \(text)", en: "auto chose (per horizon): \(text)"))
        }
        return Table(
            title: LocalizedText(vi: "\(indicator.label.vi): kiểm định dự báo theo gốc trượt", en: "\(indicator.label.en): rolling-origin backtest"),
            columns: columns, rows: rows, footnotes: footnotes)
    }

    /// Accuracy per unit, pooled over origins and horizons.
    public var perUnitTable: Table {
        var rows: [[Table.Cell]] = []
        for (unit, scores) in perUnit {
            for s in scores where s.n > 0 {
                rows.append([.text(unit.name), .text(unit.code), .text(s.model.rawValue), .integer(s.n), .value(s.mae, precision: 4), .value(s.mase, precision: 4)]
                            + s.coverage.map { .value($0, precision: 3) })
            }
        }
        return Table(
            title: LocalizedText(vi: "\(indicator.label.vi): kiểm định theo đơn vị", en: "\(indicator.label.en): backtest per unit"),
            columns: [Table.Column("unit", Label.unit, alignment: .left), Table.Column("code", Label.code, alignment: .left),
                      Table.Column("model", LocalizedText(vi: "Mô hình", en: "Model"), alignment: .left), Table.Column("n", LocalizedText("n")),
                      Table.Column("mae", LocalizedText("MAE")), Table.Column("mase", LocalizedText("MASE"))]
                + levels.map { Table.Column("coverage-\(levelLabel($0))", LocalizedText("Coverage \(levelLabel($0))%")) },
            rows: rows)
    }
}
