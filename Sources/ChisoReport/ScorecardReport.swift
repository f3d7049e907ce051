import ChisoAnalysis
import ChisoCore
import Foundation

/// The values of a department's (or district's) section: its total out of its own maximum, its
/// rank in its group, the change from the year before, and the criteria where it lost most.
public struct ScorecardReportValues {
    public let values: [String: Any]
    public let stated: [StatedFigure]
    public let charts: [String: ReportChart]
    public let title: String

    public static let keys = [
        "unit", "year", "group", "title", "score", "max", "percent", "rank", "rank_of", "published_rank", "previous_year", "score_change",
        "no_previous", "losses", "name", "points", "criterion_max", "lost", "share", "unlisted_lost", "no_losses", "no_criteria", "lost_total",
    ]

    /// Group names of the bundled scorecards as reports write them.
    static let groupNames = ["department": "sở, ban, ngành", "district": "huyện, thị xã, thành phố", "central": "cơ quan Trung ương đóng trên địa bàn"]

    /// The section for `points` (from `PanelAnalysis.pointsLost` on `panel`), the `top` criteria
    /// that lost most.
    public init(points: PointsLost, panel: Panel, format: ReportFormat, top: Int = 3) {
        let vi = format.language == .vi
        var values: [String: Any] = ["unit": points.unit.name, "year": "\(points.period.year)"]
        var stated: [StatedFigure] = []
        if let group = points.group { values["group"] = vi ? (Self.groupNames[group.lowercased()] ?? group) : group }
        values["score"] = format.decimal(points.total.score, decimals: 3)
        stated.append(StatedFigure("score", ReportFormat.rounded(points.total.score, decimals: 3)))
        if let maximum = points.total.maximum { values["max"] = format.decimal(maximum, decimals: 3) }
        if let percent = points.total.percent {
            values["percent"] = format.decimal(percent) + "%"
            stated.append(StatedFigure("rate", ReportFormat.rounded(percent, decimals: 2)))
        }
        if let rank = points.rank {
            let shown = rank.published ?? Int(rank.rank)
            values["rank"] = "\(shown)"
            values["rank_of"] = "\(rank.n)"
            if rank.published != nil { values["published_rank"] = "yes" }
            stated.append(StatedFigure("rank", Double(shown)))
        }
        // The total a year before.
        if let u = panel.unitIndex(code: points.unit.code), let i = panel.indicatorIndex(points.total.indicator.id),
           let p = panel.periodIndex(.year(points.period.year - 1)), case let before = panel.value(unit: u, period: p, indicator: i), !before.isNaN {
            let delta = ReportFormat.rounded(points.total.score, decimals: 3) - ReportFormat.rounded(before, decimals: 3)
            values["previous_year"] = "\(points.period.year - 1)"
            values["score_change"] = format.change(delta, decimals: 3) + (abs(delta) >= 0.0005 ? (vi ? " điểm" : " points") : "")
            if abs(delta) >= 0.0005 { stated.append(StatedFigure((delta > 0 ? "increase" : "decrease") + ":score", ReportFormat.rounded(abs(delta), decimals: 3))) }
        } else {
            values["no_previous"] = "\(points.period.year - 1)"
        }
        let losing = points.criteria.filter { ($0.lost ?? 0) > 0 }.prefix(top)
        if points.criteria.isEmpty {
            // Only the total: points were lost, but where is not in the data.
            if let maximum = points.total.maximum, maximum > points.total.score {
                values["lost_total"] = format.decimal(maximum - points.total.score, decimals: 3)
                stated.append(StatedFigure("decrease:score", ReportFormat.rounded(maximum - points.total.score, decimals: 3)))
            }
            values["no_criteria"] = "yes"
        } else if losing.isEmpty {
            values["no_losses"] = "yes"
        } else {
            values["losses"] = losing.map { criterion -> [String: String] in
                stated.append(StatedFigure("score", ReportFormat.rounded(criterion.score, decimals: 3)))
                stated.append(StatedFigure("decrease:score", ReportFormat.rounded(criterion.lost!, decimals: 3)))
                var item = ["name": criterion.criterion.label.text(vi ? .vi : .en), "points": format.decimal(criterion.score, decimals: 3),
                            "criterion_max": format.decimal(criterion.maximum!, decimals: 3), "lost": format.decimal(criterion.lost!, decimals: 3)]
                if let share = criterion.shareOfLost {
                    item["share"] = format.decimal(share, decimals: 1) + "%"
                    stated.append(StatedFigure("rate", ReportFormat.rounded(share, decimals: 1)))
                }
                return item
            }
        }
        if let unlisted = points.unlisted, unlisted.maximum - unlisted.score > 0 {
            values["unlisted_lost"] = format.decimal(unlisted.maximum - unlisted.score, decimals: 3)
            stated.append(StatedFigure("decrease:score", ReportFormat.rounded(unlisted.maximum - unlisted.score, decimals: 3)))
        }
        title = vi ? "Kết quả Chỉ số cải cách hành chính năm \(points.period.year) của \(points.unit.name)"
                   : "Administrative reform index \(points.period.year): \(points.unit.name)"
        values["title"] = title
        let lostItems = points.criteria.compactMap { c in c.lost.flatMap { $0 > 0 ? (c.criterion.label.text(vi ? .vi : .en), $0) : nil } }
        charts = lostItems.isEmpty ? [:] : ["lost": ReportChart(title: vi ? "Điểm bị trừ theo tiêu chí" : "Points lost by criterion",
                                                                valueTitle: vi ? "Điểm bị trừ" : "Points lost", items: lostItems)]
        self.values = values
        self.stated = stated
    }
}
