import ChisoAnalysis
import ChisoCore
import Foundation

/// The values an index report's template names: a unit's score in a year with its change, rank,
/// region, strongest and weakest components, and next year's forecast with the probability of
/// keeping its rank.
public struct IndexReportValues {
    public let values: [String: Any]
    public let stated: [StatedFigure]
    public let charts: [String: ReportChart]
    public let title: String

    public static let keys = [
        "unit", "year", "index", "title", "score", "score_max", "previous_year", "previous_score", "score_change", "no_previous",
        "rank", "rank_of", "published", "rank_change", "region", "region_average", "region_rank", "region_count", "region_total", "above_region",
        "strongest", "weakest", "no_components", "next_year", "forecast", "probability", "probability_low", "probability_high", "units_missing", "keep_rank", "no_forecast", "missing", "has_missing",
        "history", "name", "value", "text", "percent", "points", "max",
    ]

    public init(panel: Panel, unit unitText: String, indicator: String?, year: Int?, format: ReportFormat, draws: Int = 10_000) throws {
        let vi = format.language == .vi
        let unit = try panel.unitSystem.resolve(unitText)
        // The year: the one asked for, else the unit's latest with a value.
        var chosen = year
        if chosen == nil, let u = panel.unitIndex(code: unit.code) {
            let i = try panel.resolveIndicator(indicator)
            chosen = panel.periods.indices.last { panel.periods[$0].kind == .year && !panel.value(unit: u, period: $0, indicator: i).isNaN }.map { panel.periods[$0].year }
        }
        let ranking = try PanelAnalysis.rank(panel, RankRequest(indicator: indicator, period: chosen.map(Period.year)))
        let id = ranking.indicator.id
        guard let row = ranking.rows.first(where: { $0.unit.code == unit.code }),
              let u = panel.unitIndex(code: unit.code), let i = panel.indicatorIndex(id) else {
            throw ReportError.noValue(unit: unit.name, indicator: id, year: ranking.period.description)
        }
        let period = ranking.period
        let percent = ranking.indicator.measure == .percent
        func score(_ x: Double) -> String { percent ? format.decimal(x) + "%" : format.decimal(x) }
        var values: [String: Any] = ["unit": unit.name, "year": "\(period.year)", "index": ranking.indicator.label.text(format.language == .vi ? .vi : .en)]
        var stated: [StatedFigure] = []
        var missing: [String] = []
        values["score"] = score(row.value)
        stated.append(StatedFigure("score", ReportFormat.rounded(row.value, decimals: 2)))
        if let maximum = row.maximum, !percent { values["score_max"] = format.decimal(maximum) }
        // The year before.
        let previousPeriod = Period.year(period.year - 1)
        if let p = panel.periodIndex(previousPeriod), case let before = panel.value(unit: u, period: p, indicator: i), !before.isNaN {
            values["previous_year"] = "\(period.year - 1)"
            values["previous_score"] = score(before)
            let delta = ReportFormat.rounded(row.value, decimals: 2) - ReportFormat.rounded(before, decimals: 2)
            values["score_change"] = format.change(delta) + (abs(delta) >= 0.005 ? (vi ? " điểm" : " points") : "")
            if abs(delta) >= 0.005 { stated.append(StatedFigure((delta > 0 ? "increase" : "decrease") + ":score", ReportFormat.rounded(abs(delta), decimals: 2))) }
        } else {
            values["no_previous"] = "\(period.year - 1)"
        }
        // The rank: the published one when the data hold it, else among the units with a value.
        if let published = row.publishedRank {
            values["rank"] = "\(published)"
            values["rank_of"] = "\(ranking.unitsInScope)"
            values["published"] = "yes"
            stated.append(StatedFigure("rank", Double(published)))
        } else {
            values["rank"] = format.decimal(row.rank, decimals: 0)
            values["rank_of"] = "\(ranking.n)"
            stated.append(StatedFigure("rank", row.rank))
            missing.append(vi ? "Dữ liệu không có thứ hạng công bố năm \(period.year); thứ hạng trên là trong số \(ranking.n) đơn vị có số liệu, không phải trong số \(ranking.unitsInScope)."
                              : "The data hold no published rank for \(period.year); the rank above is among the \(ranking.n) units with a value, not all \(ranking.unitsInScope).")
        }
        // The region of 2023.
        if let region = unit.region {
            let members = ranking.rows.filter { $0.unit.region == region }
            if members.count >= 2 {
                let average = members.map(\.value).reduce(0, +) / Double(members.count)
                values["region"] = region
                values["region_average"] = score(average)
                values["region_rank"] = "\(1 + members.filter { $0.value > row.value }.count)"
                values["region_count"] = "\(members.count)"
                // The region's provinces in the year: the average and rank are among those with a value only.
                let total = panel.unitSystem.members(Region(name: region, system: .resolution2023), in: period).count
                values["region_total"] = "\(max(total, members.count))"
                values["above_region"] = row.value >= average ? (vi ? "cao hơn" : "above") : (vi ? "thấp hơn" : "below")
                stated.append(StatedFigure("score", ReportFormat.rounded(average, decimals: 2)))
                stated.append(StatedFigure("rank", Double(1 + members.filter { $0.value > row.value }.count)))
            }
        }
        // Components with their maxima: the strongest and weakest by the share of the maximum.
        let period_ = panel.periodIndex(period)!
        var components: [(name: String, value: Double, maximum: Double)] = []
        for (k, indicator) in panel.indicators.enumerated() where k != i {
            let x = panel.value(unit: u, period: period_, indicator: k)
            guard !x.isNaN, let maximum = panel.provenance(unit: u, period: period_, indicator: k)?.maximum, maximum > 0 else { continue }
            components.append((indicator.label.text(vi ? .vi : .en), x, maximum))
        }
        if components.count >= 2 {
            let sorted = components.sorted { $0.value / $0.maximum > $1.value / $1.maximum }
            func item(_ c: (name: String, value: Double, maximum: Double)) -> [String: String] {
                ["name": Self.shortName(c.name), "points": format.decimal(c.value, decimals: 3), "max": format.decimal(c.maximum, decimals: 3),
                 "percent": format.percent(100 * c.value / c.maximum)]
            }
            values["strongest"] = item(sorted.first!)
            values["weakest"] = item(sorted.last!)
            for c in [sorted.first!, sorted.last!] { stated.append(StatedFigure("score", ReportFormat.rounded(c.value, decimals: 3))) }
        } else {
            values["no_components"] = "yes"
            missing.append(vi ? "Dữ liệu không có điểm các lĩnh vực thành phần của năm \(period.year)." : "The data hold no component scores for \(period.year).")
        }
        // Next year: the forecast and the probability of keeping the rank.
        let keep = row.publishedRank ?? Int(row.rank)
        if let target = try? PanelAnalysis.target(panel, TargetRequest(unit: unit.code, indicator: id, goal: .rank(keep), year: period.year, draws: draws)) {
            values["next_year"] = "\(period.year + 1)"
            values["forecast"] = score(target.forecast)
            values["keep_rank"] = "\(keep)"
            stated.append(StatedFigure("forecast", ReportFormat.rounded(target.forecast, decimals: 2)))
            if let probability = target.probability {
                values["probability"] = format.decimal(100 * probability, decimals: 0) + "%"
                stated.append(StatedFigure("forecast", (100 * probability).rounded()))
            } else if let bounds = target.probabilityBounds {
                // Units without a forecast could be above or below: only bounds are known.
                values["probability_low"] = format.decimal(100 * bounds.lower, decimals: 0) + "%"
                values["probability_high"] = format.decimal(100 * bounds.upper, decimals: 0) + "%"
                values["units_missing"] = "\(target.unitsMissingFromField)"
                stated.append(StatedFigure("forecast", (100 * bounds.lower).rounded()))
                stated.append(StatedFigure("forecast", (100 * bounds.upper).rounded()))
            }
        } else {
            values["no_forecast"] = "\(period.year + 1)"
            missing.append(vi ? "Chuỗi số liệu chưa đủ để dự báo năm \(period.year + 1)." : "The series is too short to forecast \(period.year + 1).")
        }
        if !missing.isEmpty {
            values["missing"] = missing.map { ["text": $0] }
            values["has_missing"] = "yes"
        }
        // The unit's history, for the chart and the table.
        var history: [(String, Double)] = []
        for (p, periodValue) in panel.periods.enumerated() where periodValue.kind == .year && periodValue.year <= period.year {
            let x = panel.value(unit: u, period: p, indicator: i)
            if !x.isNaN { history.append(("\(periodValue.year)", x)) }
        }
        values["history"] = history.map { ["name": $0.0, "value": score($0.1)] }
        let indexName = values["index"] as! String
        title = vi ? "\(indexName) năm \(period.year) của \(unit.name)" : "\(indexName) \(period.year): \(unit.name)"
        values["title"] = title
        charts = ["history": ReportChart(title: indexName + " – " + unit.name, valueTitle: indexName, items: history)]
        self.values = values
        self.stated = stated
    }

    /// "Lĩnh vực 3: Cải cách thủ tục hành chính (điểm)" → "Cải cách thủ tục hành chính".
    static func shortName(_ label: String) -> String {
        var name = label
        if let colon = name.firstIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
        if let paren = name.lastIndex(of: "("), name.hasSuffix(")") { name = String(name[..<paren]) }
        return name.trimmingCharacters(in: .whitespaces)
    }
}
