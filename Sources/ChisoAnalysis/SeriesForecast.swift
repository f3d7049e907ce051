import ChisoCore
import ChisoIO
import ChisoNumerics
import ChisoOutput

/// Forecasts of many anonymous series (`chiso forecast --batch`), each by its own model fit,
/// spread over all cores.
public struct SeriesForecastResult: Sendable {
    /// The file read.
    public let source: String
    /// The series ids, in file order.
    public let ids: [String]
    /// The periods forecast.
    public let periods: [Period]
    /// Interval levels in percent.
    public let levels: [Double]
    /// One forecast, or the reason for none, per series.
    public let outcomes: [Result<Forecast, ForecastFailure>]

    /// "12 of 10000 series not forecast: 12 too short".
    public var failureSummary: String? {
        let failures = outcomes.compactMap { outcome -> String? in if case let .failure(f) = outcome { return f.status } else { return nil } }
        guard !failures.isEmpty else { return nil }
        let counts = Dictionary(grouping: failures, by: { $0 }).mapValues(\.count)
        return "\(failures.count) of \(ids.count) series not forecast: " + counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
    }

    /// One row per series and period with the log-likelihood of the fit (where the model has one).
    public var table: Table {
        var columns = [Table.Column("id", LocalizedText(vi: "Chuỗi", en: "Series"), alignment: .left),
                       Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                       Table.Column("method", LocalizedText(vi: "Mô hình", en: "Method"), alignment: .left),
                       Table.Column("point", LocalizedText(vi: "Dự báo", en: "Forecast"))]
        for level in levels {
            columns.append(Table.Column("lo-\(levelLabel(level))", LocalizedText("Lo \(levelLabel(level))%")))
            columns.append(Table.Column("hi-\(levelLabel(level))", LocalizedText("Hi \(levelLabel(level))%")))
        }
        columns.append(Table.Column("loglik", LocalizedText(vi: "Log-hợp lý", en: "Log-likelihood")))
        columns.append(Table.Column("status", LocalizedText(vi: "Trạng thái", en: "Status"), alignment: .left))
        var rows: [[Table.Cell]] = []
        rows.reserveCapacity(ids.count * periods.count)
        for (s, outcome) in outcomes.enumerated() {
            switch outcome {
            case let .success(f):
                let loglik = f.parameters.first { $0.name == "loglik" }?.value ?? .nan
                for (h, period) in periods.enumerated() {
                    var cells: [Table.Cell] = [.text(ids[s]), .text(period.description), .text(f.method), .value(f.points[h], precision: 3)]
                    for l in levels.indices { cells += [.value(f.lower[l][h], precision: 3), .value(f.upper[l][h], precision: 3)] }
                    rows.append(cells + [.value(loglik, precision: 4), .text("ok")])
                }
            case let .failure(failure):
                rows.append([.text(ids[s]), .missing, .missing, .missing] + levels.flatMap { _ in [Table.Cell.missing, .missing] } + [.missing, .text("\(failure.status): \(failure)")])
            }
        }
        return Table(title: LocalizedText("\(source): \(ids.count) series"), columns: columns, rows: rows)
    }
}

extension SeriesAnalysis {
    /// Forecasts every series of `series` with `model` (its trailing run of observations), in parallel.
    public static func forecasts(_ series: SeriesMatrix, model: ForecastModel, horizon: Int, levels: [Double]) -> SeriesForecastResult {
        let values = series.values
        let parts = ParallelWork.ranges(of: series.ids.count, parts: ParallelWork.processorCount * 4)
        let outcomes = ParallelWork.map(parts.count) { part in
            parts[part].map { s -> Result<Forecast, ForecastFailure> in
                let column = values.column(s)
                guard let last = column.lastIndex(where: { !$0.isNaN }) else { return .failure(.noData) }
                var first = last
                while first > 0 && !column[first - 1].isNaN { first -= 1 }
                let lag = column.count - 1 - last
                do throws(ForecastFailure) {
                    let forecast = try SeriesForecaster.forecast(Array(column[first...last]), model: model, horizon: horizon + lag, levels: levels)
                    return .success(forecast.dropping(lag))
                } catch {
                    return .failure(error)
                }
            }
        }.flatMap { $0 }
        var periods: [Period] = []
        var period = series.periods.last ?? .year(0)
        for _ in 0..<horizon { period = period.next; periods.append(period) }
        return SeriesForecastResult(source: series.source, ids: series.ids, periods: periods, levels: levels, outcomes: outcomes)
    }
}
