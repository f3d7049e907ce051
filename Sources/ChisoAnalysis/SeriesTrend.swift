import ChisoCore
import ChisoIO
import ChisoNumerics
import ChisoOutput

/// Trends of many anonymous series (`chiso trend --batch`): one row per series id.
public struct SeriesTrendResult: Sendable {
    /// The file read.
    public let source: String
    /// The series ids, in file order.
    public let ids: [String]
    /// The periods of the file's columns.
    public let periods: [Period]
    /// One fit per series.
    public let fits: [TrendFit]

    /// Counts by fit status: "99000 fitted, 12 two points".
    public var statusSummary: String {
        let counts = Dictionary(grouping: fits, by: \.status).mapValues(\.count)
        return [TrendFit.Status.fitted, .twoPoints, .constant, .tooShort].compactMap { status in
            counts[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
    }

    /// id, n, fitted value at the first period, slope, its standard error, p, R², % per period,
    /// compound growth and status, in full precision.
    public var table: Table {
        let rows: [[Table.Cell]] = fits.indices.map { s in
            let f = fits[s]
            return [.text(ids[s]), .integer(f.n), .value(f.intercept, precision: 3), .value(f.slope, precision: 3),
                    .value(f.slopeStandardError, precision: 3), .value(f.pValue, precision: 4), .value(f.rSquared, precision: 3),
                    .value(f.percentPerPeriod, precision: 2), .value(f.compoundGrowth, precision: 2), .text(f.status.rawValue)]
        }
        return Table(
            title: LocalizedText(vi: "\(source): xu hướng tuyến tính của \(ids.count) chuỗi", en: "\(source): linear trends of \(ids.count) series"),
            columns: [
                Table.Column("id", LocalizedText(vi: "Chuỗi", en: "Series"), alignment: .left),
                Table.Column("n", LocalizedText("n")),
                Table.Column("intercept", LocalizedText(vi: "Giá trị khớp đầu kỳ", en: "Fitted at start")),
                Table.Column("slope", LocalizedText(vi: "Độ dốc", en: "Slope")),
                Table.Column("std_error", LocalizedText(vi: "Sai số chuẩn", en: "Std. error")),
                Table.Column("p", LocalizedText("p")),
                Table.Column("r_squared", LocalizedText("R²")),
                Table.Column("pct_per_period", LocalizedText(vi: "%/kỳ", en: "%/period")),
                Table.Column("cagr_pct", LocalizedText(vi: "Tăng trưởng kép %", en: "CAGR %")),
                Table.Column("status", LocalizedText(vi: "Trạng thái", en: "Status"), alignment: .left),
            ],
            rows: rows)
    }
}

extension SeriesAnalysis {
    /// Fits y = a + b·t to every series of `series`, t counting periods from the first column.
    public static func trends(_ series: SeriesMatrix) -> SeriesTrendResult {
        let times = series.periods.map { period in series.periods.first.map { Double(periodsBetween($0, period)) } ?? 0 }
        return SeriesTrendResult(source: series.source, ids: series.ids, periods: series.periods, fits: BatchTrend.fit(times: times, series: series.values))
    }
}
