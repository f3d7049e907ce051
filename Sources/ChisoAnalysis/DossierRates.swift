import ChisoCore
import ChisoDossiers
import ChisoOutput
import Foundation

/// The denominators provinces use for the on-time rate (formulas in docs/dossiers.md).
public enum OnTimeConvention: String, Sendable, CaseIterable {
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
    public let onTime: Double?
    public let late: Double?
    public let denominator: Double?
    /// The numerator of the on-time rate: dossiers counted as on time under the convention.
    public let onTimeCount: Double?
    public let onlineShare: Double?
    public let postalShare: Double?
    public let digitizedShare: Double?
}

/// The on-time and late rates under `convention` (late = late + pending overdue except under
/// `resolved`, so that the two rates sum to 100% of the denominator when nothing else remains),
/// and the shares of dossiers received online, by post and digitised among those received in the period.
public func dossierRates(_ row: DossierAggregate, convention: OnTimeConvention) -> DossierRates {
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
    return DossierRates(onTime: ratio(onTime, denominator), late: ratio(lateCount, denominator), denominator: denominator, onTimeCount: onTime,
                        onlineShare: ratio(row[.receivedOnline], inPeriod), postalShare: ratio(row[.receivedPostal], inPeriod),
                        digitizedShare: ratio(row[.digitized], inPeriod))
}

/// The rates of every row under one convention, as a table.
public func dossierRatesTable(_ rows: [DossierAggregate], convention: OnTimeConvention) -> Table {
    let body: [[Table.Cell]] = rows.map { row in
        let r = dossierRates(row, convention: convention)
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
        footnotes: [LocalizedText(vi: "Công thức từng cách tính mẫu số: docs/dossiers.md.", en: "Each denominator's formula: docs/dossiers.md.")])
}
