import ChisoCore
import ChisoNumerics
import ChisoOutput

extension TrendResult {
    /// The name of one step of a period kind: year, half-year, quarter, month.
    static func stepName(_ kind: Period.Kind) -> LocalizedText {
        switch kind {
        case .year: return LocalizedText(vi: "năm", en: "year")
        case .half: return LocalizedText(vi: "nửa năm", en: "half-year")
        case .quarter: return LocalizedText(vi: "quý", en: "quarter")
        case .month: return LocalizedText(vi: "tháng", en: "month")
        }
    }

    /// Significance marks: *** p < 0.001, ** p < 0.01, * p < 0.05.
    static func stars(_ p: Double) -> String {
        p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : ""
    }

    /// Counts by fit status, for the summary line: "48 fitted, 2 two points, 1 too short".
    public var statusSummary: String {
        let counts = Dictionary(grouping: rows, by: \.fit.status).mapValues(\.count)
        return [TrendFit.Status.fitted, .twoPoints, .constant, .tooShort].compactMap { status in
            counts[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
    }

    /// One row per unit: slope per period, its standard error and p-value, R², % per period,
    /// compound growth, the fitted value at the first period, and a sparkline on screen.
    public var table: Table {
        let precision = indicator.displayPrecision
        let unitName = periods.first.map(\.kind).map(Self.stepName) ?? LocalizedText("period")
        let window = periods.isEmpty ? "" : "\(periods.first!)–\(periods.last!)"
        let rows: [[Table.Cell]] = rows.map { row in
            let f = row.fit
            return [
                .text(row.unit.name), .text(row.unit.code), .integer(f.n),
                .value(f.slope, precision: precision + 1), .value(f.slopeStandardError, precision: precision + 1),
                .value(f.pValue, precision: 4), .text(Self.stars(f.pValue)),
                .value(f.rSquared, precision: 3), .value(f.percentPerPeriod, precision: 2), .value(f.compoundGrowth, precision: 2),
                .value(f.intercept, precision: precision), .text(f.status.rawValue), .text(sparkline(row.values)),
            ]
        }
        var table = Table(
            title: LocalizedText(vi: "\(indicator.label.vi): xu hướng tuyến tính \(window), mỗi \(unitName.vi)",
                                 en: "\(indicator.label.en): linear trend \(window), per \(unitName.en)"),
            columns: [
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("code", Label.code, alignment: .left),
                Table.Column("n", LocalizedText(vi: "Số năm", en: "n")),
                Table.Column("slope", LocalizedText(vi: "Độ dốc/\(unitName.vi)", en: "Slope/\(unitName.en)"), tone: .forChange(higherIsBetter: indicator.higherIsBetter)),
                Table.Column("std_error", LocalizedText(vi: "Sai số chuẩn", en: "Std. error")),
                Table.Column("p", LocalizedText("p")),
                Table.Column("significance", LocalizedText(""), alignment: .left, visibility: .screenOnly),
                Table.Column("r_squared", LocalizedText("R²")),
                Table.Column("pct_per_period", LocalizedText(vi: "%/\(unitName.vi)", en: "%/\(unitName.en)"), tone: .forChange(higherIsBetter: indicator.higherIsBetter)),
                Table.Column("cagr_pct", LocalizedText(vi: "Tăng trưởng kép %", en: "CAGR %")),
                Table.Column("fitted_start", LocalizedText(vi: "Giá trị khớp đầu kỳ", en: "Fitted at start")),
                Table.Column("status", LocalizedText(vi: "Trạng thái", en: "Status"), alignment: .left, visibility: .dataOnly),
                Table.Column("sparkline", LocalizedText(vi: "Diễn biến", en: "Series"), alignment: .left, visibility: .screenOnly),
            ],
            rows: rows,
            footnotes: [
                LocalizedText(vi: "*** p < 0,001; ** p < 0,01; * p < 0,05 (kiểm định t cho độ dốc, n − 2 bậc tự do).",
                              en: "*** p < 0.001, ** p < 0.01, * p < 0.05 (t test of the slope, n − 2 df)."),
                LocalizedText(vi: "%/\(unitName.vi) = độ dốc so với mức trung bình; tăng trưởng kép giữa giá trị đầu và cuối.",
                              en: "%/\(unitName.en) = slope relative to the series mean; CAGR between the first and last values."),
                LocalizedText(vi: "Đơn vị: \(statusSummary).", en: "Units: \(statusSummary)."),
            ])
        var observed: [Table.HistoryPoint] = [], fitted: [Table.HistoryPoint] = []
        for row in self.rows {
            for (t, (period, value)) in zip(periods, row.values).enumerated() where !value.isNaN {
                observed.append(Table.HistoryPoint(unit: row.unit.name, period: period.description, value: value))
                if row.fit.status != .tooShort {
                    fitted.append(Table.HistoryPoint(unit: row.unit.name, period: period.description,
                                                     value: roundedToSignificantDigits(row.fit.intercept + row.fit.slope * Double(t))))
                }
            }
        }
        table.chart = .multiples(observed: observed, fitted: fitted)
        return table
    }
}
