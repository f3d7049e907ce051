import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import Foundation

/// A figure a report states, as `chiso extract` names it: what the writer and the reader check
/// each other against.
public struct StatedFigure: Sendable, Equatable, Hashable {
    public let figure: String
    public let value: Double

    public init(_ figure: String, _ value: Double) {
        self.figure = figure
        self.value = value
    }
}

/// The values a dossier report's template names, from one unit's aggregate rows.
public struct DossierReportValues {
    /// Template key → text (or list of `["text": …]` for `missing`).
    public let values: [String: Any]
    /// The figures the text states, with the values as written.
    public let stated: [StatedFigure]
    public let charts: [String: ReportChart]
    public let title: String

    /// Every key a dossier template may name.
    public static let keys = [
        "unit", "period", "title", "received", "carried_over", "received_new", "online", "online_pct", "postal", "postal_pct", "direct",
        "resolved", "early", "on_time", "in_time", "late", "on_time_pct", "late_pct", "convention", "withdrawn", "rejected", "paused",
        "pending", "pending_in_time", "pending_overdue", "digitized", "digitized_pct", "previous_period", "previous_received",
        "received_change", "previous_on_time_pct", "on_time_change", "no_previous", "peers", "peer_on_time_pct", "peer_rank", "peer_count",
        "missing", "has_missing", "table", "label", "value", "text", "next_period", "target_rate", "expected_volume", "required", "required_high",
    ]

    /// The values for `unit` (any spelling) in `period`, with the rows of other units in the
    /// same period as peers and the same period a year earlier as the comparison.
    /// `targetRate` is the on-time rate to plan the next period for (default: the rate reached,
    /// to one decimal, rounded down).
    public init(rows: [DossierAggregate], unit: String, period: Period, convention: OnTimeConvention, format: ReportFormat,
                targetRate: Double? = nil) throws {
        let key = NameFolding.key(unit)
        let mine = rows.filter { NameFolding.key($0.unit) == key }
        guard let row = mine.first(where: { $0.period == period })?.completingBalance().row else {
            throw ReportError.noRow(unit: unit, period: period.description,
                                    available: Array(Set(rows.map { "\($0.unit) \($0.period)" })).sorted())
        }
        let vi = format.language == .vi
        var values: [String: Any] = ["unit": row.unit, "period": format.period(period)]
        var stated: [StatedFigure] = []
        var missing: [String] = []
        func count(_ key: String, _ value: Double?, figure: String? = nil) {
            guard let value else { return }
            values[key] = format.count(value)
            if let figure { stated.append(StatedFigure(figure, value)) }
        }
        func percent(_ key: String, _ value: Double?, figure: String) {
            guard let value else { return }
            values[key] = format.percent(value)
            stated.append(StatedFigure(figure, ReportFormat.rounded(value, decimals: 1)))
        }
        count("received", row.workload, figure: "received")
        if let carried = row[.carriedOver], let new = row.receivedInPeriod {
            count("carried_over", carried, figure: "carried_over")
            count("received_new", new, figure: "received_new")
        }
        let rates = DossierRates(row, convention: convention)
        count("online", row[.receivedOnline], figure: "received_online")
        if row[.receivedOnline] != nil { percent("online_pct", rates.onlineShare, figure: "share:received_online") }
        count("postal", row[.receivedPostal], figure: "received_postal")
        count("direct", row[.receivedDirect])
        if let inTime = row.resolvedInTime, let late = row[.resolvedLate] {
            count("resolved", inTime + late, figure: "resolved")
            if let early = row[.resolvedEarly], let onTime = row[.resolvedOnTime] {
                count("early", early, figure: "resolved_early")
                count("on_time", onTime, figure: "resolved_on_time")
            } else {
                count("in_time", inTime, figure: "resolved_in_time")
            }
            count("late", late, figure: "resolved_late")
            percent("on_time_pct", rates.onTime, figure: "rate:resolved_on_time")
            values["convention"] = Self.convention(convention, vi: vi)
        } else {
            missing.append(vi ? "Số liệu không đủ để tính số hồ sơ đã giải quyết (thiếu số hồ sơ giải quyết đúng hạn hoặc quá hạn)."
                              : "The figures do not give the dossiers resolved (on-time or late counts are missing).")
        }
        count("withdrawn", row[.withdrawn], figure: "withdrawn")
        count("rejected", row[.rejected].flatMap { $0 > 0 ? $0 : nil }, figure: "rejected")
        count("paused", row[.paused].flatMap { $0 > 0 ? $0 : nil }, figure: "paused")
        let pendingParts = [row[.pendingInTime], row[.pendingOverdue]]
        if pendingParts.allSatisfy({ $0 != nil }) {
            count("pending", pendingParts.compactMap { $0 }.reduce(0, +), figure: "pending")
            count("pending_in_time", row[.pendingInTime], figure: "pending_in_time")
            count("pending_overdue", row[.pendingOverdue], figure: "pending_overdue")
        } else if let inTime = row[.pendingInTime] {
            count("pending_in_time", inTime, figure: "pending_in_time")
            missing.append(vi ? "Báo cáo không nêu số hồ sơ đang giải quyết đã quá hạn." : "The report does not state the pending dossiers that are overdue.")
        }
        count("digitized", row[.digitized], figure: "digitized")
        if row[.digitized] != nil { percent("digitized_pct", rates.digitizedShare, figure: "share:digitized") }
        if row[.receivedOnline] == nil {
            missing.append(vi ? "Không có số liệu hồ sơ tiếp nhận trực tuyến." : "There are no figures on dossiers received online.")
        }
        // The same period a year earlier.
        let before = ReportFormat.yearBefore(period)
        if let earlier = mine.first(where: { $0.period == before })?.completingBalance().row {
            values["previous_period"] = format.period(before)
            if let now = row.workload, let then = earlier.workload {
                count("previous_received", then)
                values["received_change"] = format.change(now - then, counts: true)
                if now != then { stated.append(StatedFigure((now > then ? "increase" : "decrease") + ":dossiers", abs(now - then))) }
            }
            if let now = rates.onTime, let then = DossierRates(earlier, convention: convention).onTime {
                values["previous_on_time_pct"] = format.percent(then)
                stated.append(StatedFigure("rate", ReportFormat.rounded(then, decimals: 1)))
                let delta = ReportFormat.rounded(now, decimals: 1) - ReportFormat.rounded(then, decimals: 1)
                values["on_time_change"] = format.change(delta, decimals: 1)
                if abs(delta) >= 0.05 { stated.append(StatedFigure((delta > 0 ? "increase" : "decrease") + ":score", ReportFormat.rounded(abs(delta), decimals: 1))) }
            }
        } else {
            values["no_previous"] = format.period(before)
        }
        // The other units of the file in the same period.
        let peers = rows.filter { $0.period == period }.compactMap { other -> (String, Double)? in
            DossierRates(other.completingBalance().row, convention: convention).onTime.map { (other.unit, $0) }
        }
        if peers.count >= 2, let own = rates.onTime {
            let others = peers.filter { NameFolding.key($0.0) != key }.map(\.1)
            let average = others.reduce(0, +) / Double(others.count)
            values["peers"] = format.count(Double(others.count))
            values["peer_on_time_pct"] = format.percent(average)
            stated.append(StatedFigure("rate", ReportFormat.rounded(average, decimals: 1)))
            let rank = 1 + peers.filter { $0.1 > own }.count
            values["peer_rank"] = "\(rank)"
            values["peer_count"] = "\(peers.count)"
            stated.append(StatedFigure("rank", Double(rank)))
        }
        // The next period: the dossiers that must be on time for the rate to hold, from the
        // forecast volume (the counts up to this period only).
        if let reached = rates.onTime {
            let goal = targetRate ?? (reached * 10).rounded(.down) / 10
            let history = rows.filter { $0.period.kind == period.kind && $0.period <= period }
            if let plan = try? DossierAnalysis.target(history, DossierTargetRequest(unit: row.unit, rate: .onTime, atLeast: goal, convention: convention)),
               plan.lastPeriod == period {
                values["next_period"] = format.period(plan.nextPeriod)
                values["target_rate"] = format.percent(goal)
                values["expected_volume"] = format.count(plan.volume.points[0].rounded())
                values["required"] = format.count(plan.required)
                stated += [StatedFigure("target", ReportFormat.rounded(goal, decimals: 1)), StatedFigure("forecast", plan.volume.points[0].rounded()),
                           StatedFigure("target", plan.required)]
                if let high = plan.requiredAtUpper.first, high > plan.required {
                    values["required_high"] = format.count(high)
                    stated.append(StatedFigure("target", high))
                }
            } else {
                missing.append(vi ? "Chuỗi số liệu chưa đủ để dự báo kỳ tới và đặt chỉ tiêu số hồ sơ giải quyết đúng hạn."
                                  : "The series is too short to forecast the next period and set the number of dossiers to resolve on time.")
            }
        }
        if !missing.isEmpty {
            values["missing"] = missing.map { ["text": $0] }
            values["has_missing"] = "yes"
        }
        var items: [(String, Double)] = []
        let labels: [(DossierField, String, String)] = [(.resolvedEarly, "Trước hạn", "Early"), (.resolvedOnTime, "Đúng hạn", "On time"),
                                                         (.resolvedInTime, "Trước và đúng hạn", "In time"), (.resolvedLate, "Quá hạn", "Late"),
                                                         (.withdrawn, "Rút", "Withdrawn"), (.pendingInTime, "Đang giải quyết, chưa đến hạn", "Pending, in time"),
                                                         (.pendingOverdue, "Đang giải quyết, quá hạn", "Pending, overdue")]
        for (field, vi, en) in labels {
            if let value = row[field] { items.append((format.language == .vi ? vi : en, value)) }
        }
        let chartTitle = vi ? "Kết quả giải quyết hồ sơ, \(format.period(period))" : "Dossiers by outcome, \(format.period(period))"
        charts = ["outcomes": ReportChart(title: chartTitle, valueTitle: vi ? "Số hồ sơ" : "Dossiers", items: items)]
        values["table"] = items.map { ["label": $0.0, "value": format.count($0.1)] }
        title = vi ? "Báo cáo kết quả giải quyết thủ tục hành chính \(format.period(period))" : "Administrative procedures: results for \(format.period(period))"
        values["title"] = title
        self.values = values
        self.stated = stated
    }

    static func convention(_ convention: OnTimeConvention, vi: Bool) -> String {
        switch convention {
        case .resolved: return vi ? "tính trên số hồ sơ đã giải quyết" : "over the dossiers resolved"
        case .due: return vi ? "tính trên số hồ sơ đến hạn giải quyết trong kỳ" : "over the dossiers that fell due in the period"
        case .processed: return vi ? "tính trên số hồ sơ đã và đang giải quyết, theo cách tính của Bộ chỉ số phục vụ người dân, doanh nghiệp"
                                   : "over the dossiers processed, finished or not, as the national service index counts"
        case .workload: return vi ? "tính trên tổng số hồ sơ tiếp nhận" : "over all dossiers received"
        }
    }
}
