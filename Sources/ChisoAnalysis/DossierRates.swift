import ChisoCore
import ChisoDossiers
import ChisoOutput
import Foundation

/// The denominators provinces use for the on-time rate (formulas in docs/dossiers.md).
public enum OnTimeConvention: String, Sendable, CaseIterable {
    /// The counts `row` lacks that this convention's on-time rate needs.
    func needs(_ row: DossierAggregate) -> [String] {
        var needs: [String] = []
        if row.resolvedInTime == nil { needs.append("resolved_in_time (or resolved_early and resolved_on_time)") }
        if row[.resolvedLate] == nil && self != .workload { needs.append(DossierField.resolvedLate.rawValue) }
        if row[.pendingOverdue] == nil && (self == .due || self == .processed) { needs.append(DossierField.pendingOverdue.rawValue) }
        if row[.pendingInTime] == nil && self == .processed { needs.append(DossierField.pendingInTime.rawValue) }
        if row.workload == nil && self == .workload { needs.append("received (or carried_over and received_new)") }
        return needs
    }

    /// Over dossiers resolved: (early + on time) / (early + on time + late).
    case resolved
    /// Over dossiers that fell due: (early + on time) / (resolved + pending overdue).
    case due
    /// Over all dossiers processed in the period, finished or not (the national service index):
    /// (early + on time + pending in time) / (resolved + pending in time + pending overdue).
    case processed
    /// Over the whole workload: (early + on time) / (carried over + received).
    case workload
}

/// Rates of one row under one convention; nil where a needed count is missing or the denominator is 0.
public struct DossierRates: Sendable, Equatable {
    /// On-time rate in percent.
    public let onTime: Double?
    /// Late rate in percent.
    public let late: Double?
    /// The dossiers the rates are over, under the convention.
    public let denominator: Double?
    /// The numerator of the on-time rate: dossiers counted as on time under the convention.
    public let onTimeCount: Double?
    /// Share of dossiers received in the period that came online, in percent.
    public let onlineShare: Double?
    /// Share received by post (public postal service), in percent.
    public let postalShare: Double?
    /// Share digitised, in percent.
    public let digitizedShare: Double?

    /// The on-time and late rates under `convention` (late = late + pending overdue except under
    /// `resolved`, so that the two rates sum to 100% of the denominator when nothing else remains),
    /// and the shares of dossiers received online, by post and digitised among those received in the period.
    public init(_ row: DossierAggregate, convention: OnTimeConvention) {
        func ratio(_ a: Double?, _ b: Double?) -> Double? {
            guard let a, let b, b > 0 else { return nil }
            return 100 * a / b
        }
        let inTime = row.resolvedInTime
        let late = row[.resolvedLate]
        let overdue = row[.pendingOverdue]
        let pendingInTime = row[.pendingInTime]
        let resolved = inTime.flatMap { i in late.map { i + $0 } }
        var onTime: Double?, lateCount: Double?, denominator: Double?
        switch convention {
        case .resolved:
            (onTime, lateCount, denominator) = (inTime, late, resolved)
        case .due:
            (onTime, lateCount, denominator) = (inTime, late.flatMap { l in overdue.map { l + $0 } }, resolved.flatMap { r in overdue.map { r + $0 } })
        case .processed:
            let all = resolved.flatMap { r in pendingInTime.flatMap { p in overdue.map { r + p + $0 } } }
            (onTime, lateCount, denominator) = (inTime.flatMap { i in pendingInTime.map { i + $0 } }, late.flatMap { l in overdue.map { l + $0 } }, all)
        case .workload:
            (onTime, lateCount, denominator) = (inTime, late.flatMap { l in overdue.map { l + $0 } }, row.workload)
        }
        let inPeriod = row.receivedInPeriod
        self.onTime = ratio(onTime, denominator)
        self.late = ratio(lateCount, denominator)
        self.denominator = denominator
        self.onTimeCount = onTime
        self.onlineShare = ratio(row[.receivedOnline], inPeriod)
        self.postalShare = ratio(row[.receivedPostal], inPeriod)
        self.digitizedShare = ratio(row[.digitized], inPeriod)
    }
}

extension DossierAnalysis {
    /// The rates of every row under one convention. A row that lacks one term of the balance has
    /// it worked out from the others first (said in `derived`); a rate whose counts are still
    /// missing is left out, and `unavailable` says which counts it needs.
    public static func rates(_ rows: [DossierAggregate], convention: OnTimeConvention) -> DossierRatesResult {
        let completed = rows.map { $0.completingBalance() }
        let filled = completed.map(\.row)
        return DossierRatesResult(
            rows: filled, convention: convention, rates: filled.map { DossierRates($0, convention: convention) },
            derived: zip(filled, completed).compactMap { row, c in c.balance.derived.map { (row.location ?? row.unit, $0.field, $0.value) } },
            unavailable: filled.compactMap { row in
                let needs = convention.needs(row)
                return needs.isEmpty ? nil : (row.location ?? row.unit, needs)
            })
    }
}

/// The rates of every row of a dossier report under one convention.
public struct DossierRatesResult: Sendable {
    /// The report's rows.
    public let rows: [DossierAggregate]
    /// The denominator of the on-time rate.
    public let convention: OnTimeConvention
    /// One entry per row.
    public let rates: [DossierRates]
    /// Counts a row did not give and the balance worked out: location, field, value.
    public let derived: [(location: String, field: DossierField, value: Double)]
    /// Rows whose on-time rate cannot be computed under the convention, with the counts it needs.
    public let unavailable: [(location: String, needs: [String])]

    /// One row per report row: on-time and late rates, the denominator, the channel and digitised shares.
    public var table: Table {
        let body: [[Table.Cell]] = zip(rows, rates).map { row, r in
            func cell(_ x: Double?) -> Table.Cell { x.map { .number($0, precision: 2) } ?? .missing }
            let group: [Table.Cell] = row.breakdown.isEmpty ? [] : [.text(row.breakdown.joined(separator: " / "))]
            return [.text(row.unit), .text(row.period.description)] + group
                + [cell(r.onTime), cell(r.late), r.denominator.map { .number($0, precision: 0) } ?? .missing, cell(r.onlineShare), cell(r.postalShare), cell(r.digitizedShare)]
        }
        let breakdownColumns = (rows.first?.breakdown.count ?? 0) > 0 ? [Table.Column("group", LocalizedText(vi: "Nhóm", en: "Group"), alignment: .left)] : []
        return Table(
            title: LocalizedText(vi: "Tỷ lệ giải quyết hồ sơ (mẫu số: \(convention.rawValue))", en: "Dossier rates (denominator: \(convention.rawValue))"),
            columns: [Table.Column("unit", Label.unit, alignment: .left), Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period"))] + breakdownColumns + [
                Table.Column("on_time_pct", LocalizedText(vi: "Đúng hạn %", en: "On time %")),
                Table.Column("late_pct", LocalizedText(vi: "Trễ hạn %", en: "Late %")),
                Table.Column("denominator", LocalizedText(vi: "Mẫu số", en: "Denominator")),
                Table.Column("online_pct", LocalizedText(vi: "Trực tuyến %", en: "Online %")),
                Table.Column("postal_pct", LocalizedText(vi: "Bưu chính %", en: "Postal %")),
                Table.Column("digitized_pct", LocalizedText(vi: "Số hóa %", en: "Digitised %")),
            ],
            rows: body,
            footnotes: [LocalizedText(vi: "Công thức từng cách tính mẫu số: docs/dossiers.md.", en: "Each denominator's formula: docs/dossiers.md.")]
                + derived.map { LocalizedText(
                    vi: "\($0.location): không có \($0.field.rawValue); theo cân đối là \(NumberStyle().full($0.value)).",
                    en: "\($0.location): \($0.field.rawValue) not given; the balance makes it \(NumberStyle().full($0.value)).") }
                + unavailable.map { LocalizedText(
                    vi: "\($0.location): không tính được tỷ lệ theo mẫu số \(convention.rawValue), thiếu \($0.needs.joined(separator: ", ")).",
                    en: "\($0.location): no rate under the \(convention.rawValue) denominator: \($0.needs.joined(separator: ", ")) not given.") })
    }
}
