import ChisoCore
import ChisoDossiers
import ChisoOutput
import Foundation

/// One inconsistency in a dossier report.
public struct DossierViolation: Sendable, Equatable {
    /// Where the row is: `file:line`, or `file.xlsx[Sheet]:row`.
    public let location: String
    /// The row's unit as written.
    public let unit: String
    /// The row's period.
    public let period: Period
    /// Short rule name: `balance`, `received`, `channels`, `negative`, `whole`, `part`.
    public let rule: String
    /// The numbers, written out: "7 + 93 = 100 ≠ 85 + 0 + 5 + 10 = 90".
    public let detail: String
}

/// The result of checking a dossier file.
public struct DossierCheckResult: Sendable {
    /// Rows checked.
    public let rows: Int
    /// Every rule a row breaks, in file order.
    public let violations: [DossierViolation]
    /// Rows where the balance could not be checked, with the terms they lack (two or more).
    public let unchecked: [(location: String, missing: [String])]
    /// Rows that lack one term of the balance, worked out from the others: the location, the
    /// field and its value.
    public let derived: [(location: String, field: DossierField, value: Double)]
}

private func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
}

extension DossierAnalysis {
    /// Checks every row: counts are whole and non-negative; the balance
    /// carried_over + received_new = early + on_time + late + withdrawn + pending_in_time + pending_overdue (+ paused);
    /// received = carried_over + received_new; online + postal + direct = received in the period;
    /// and each part is at most its total (online, postal, direct, digitised ≤ received in the period;
    /// returned by post ≤ resolved).
    public static func check(_ rows: [DossierAggregate]) -> DossierCheckResult {
        var violations: [DossierViolation] = []
        var unchecked: [(location: String, missing: [String])] = []
        var derived: [(location: String, field: DossierField, value: Double)] = []
        for original in rows {
            let (row, balance) = original.completingBalance()
            let location = row.location ?? "?"
            func report(_ rule: String, _ detail: String) {
                violations.append(DossierViolation(location: location, unit: row.unit, period: row.period, rule: rule, detail: detail))
            }
            for field in DossierField.allCases {
                guard let value = original[field] else { continue }
                if value < 0 { report("negative", "\(field.rawValue) = \(number(value)) is negative") }
                if value != value.rounded() { report("whole", "\(field.rawValue) = \(number(value)) is not a whole number of dossiers") }
            }
            // Balance: checked when every term is given; one missing term is worked out from the
            // others (it must not be negative); with two or more missing it cannot be checked.
            let inTime = row.resolvedInTime
            let outcomeFields: [DossierField] = [.resolvedLate, .withdrawn, .pendingInTime, .pendingOverdue]
            if let (field, value) = balance.derived {
                derived.append((location, field, value))
                if value < 0 {
                    report("balance", "the counts given exceed the workload: \(field.rawValue) would be \(number(value))")
                }
            } else if balance.missing.isEmpty, let workload = row.workload, let inTime {
                // Returned or refused, and paused, count 0 when the row has no such column.
                var parts = [inTime] + outcomeFields.map { row[$0]! }
                var names = ["in time", "late", "withdrawn", "pending in time", "overdue"]
                if let rejected = row[.rejected] { parts.append(rejected); names.append("returned or refused") }
                parts.append(row[.paused] ?? 0)
                names.append("paused")
                let total = parts.reduce(0, +)
                if total != workload {
                    let left = [row[.carriedOver], row.receivedInPeriod].compactMap { $0 }.map(number).joined(separator: " + ")
                    report("balance", "\(left) = \(number(workload)) ≠ \(parts.map(number).joined(separator: " + ")) = \(number(total)) (\(names.joined(separator: " + ")))")
                }
            } else if !balance.missing.isEmpty {
                unchecked.append((location, balance.missing))
            }
            if let total = row[.received], let carried = row[.carriedOver], let new = row[.receivedNew], carried + new != total {
                report("received", "carried_over + received_new = \(number(carried)) + \(number(new)) = \(number(carried + new)) ≠ received = \(number(total))")
            }
            if let inPeriod = row.receivedInPeriod {
                let channels: [DossierField] = [.receivedOnline, .receivedPostal, .receivedDirect]
                if channels.allSatisfy({ row[$0] != nil }) {
                    let sum = channels.reduce(0) { $0 + row[$1]! }
                    if sum != inPeriod {
                        report("channels", "online + postal + direct = \(channels.map { number(row[$0]!) }.joined(separator: " + ")) = \(number(sum)) ≠ received in the period = \(number(inPeriod))")
                    }
                }
                for part in channels + [.digitized] {
                    if let value = row[part], value > inPeriod {
                        report("part", "\(part.rawValue) = \(number(value)) exceeds the \(number(inPeriod)) received in the period")
                    }
                }
            }
            if let returned = row[.returnedPostal], let inTime {
                let resolved = inTime + (row[.resolvedLate] ?? 0)
                if returned > resolved { report("part", "returned_postal = \(number(returned)) exceeds the \(number(resolved)) resolved") }
            }
        }
        return DossierCheckResult(rows: rows.count, violations: violations, unchecked: unchecked, derived: derived)
    }
}

extension DossierCheckResult {
    /// One row per violation.
    public var table: Table {
        Table(
            title: LocalizedText(vi: "Kiểm tra số liệu hồ sơ: \(violations.count) sai lệch trong \(rows) dòng", en: "Dossier check: \(violations.count) inconsistencies in \(rows) rows"),
            columns: [
                Table.Column("location", LocalizedText(vi: "Vị trí", en: "Location"), alignment: .left),
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                Table.Column("rule", LocalizedText(vi: "Quy tắc", en: "Rule"), alignment: .left),
                Table.Column("detail", LocalizedText(vi: "Chi tiết", en: "Detail"), alignment: .left),
            ],
            rows: violations.map { [.text($0.location), .text($0.unit), .text($0.period.description), .text($0.rule), .text($0.detail)] })
    }
}
