import ChisoCore

/// The balance of a dossier report: the workload (carried over + received in the period) equals
/// what became of it — resolved early or on time, late, withdrawn, pending in time, pending
/// overdue (and returned or refused, and paused, each counted 0 when a report has no such line).
///
/// A column a report does not have is unknown, not zero. When exactly one term of the balance is
/// unknown, the others determine it: the report's own arithmetic says what it must be.
public struct DossierBalance: Sendable, Equatable {
    /// The terms the row does not give, named as the row would name them.
    public let missing: [String]
    /// The one unknown term worked out from the balance, and its value; nil when none was or
    /// could be.
    public let derived: (field: DossierField, value: Double)?

    public static func == (a: DossierBalance, b: DossierBalance) -> Bool {
        a.missing == b.missing && a.derived?.field == b.derived?.field && a.derived?.value == b.derived?.value
    }
}

extension DossierAggregate {
    /// The balance terms this row lacks: the workload, the resolved-in-time count (naming the half
    /// that is missing when only one of early / on time is given), late, withdrawn, pending in
    /// time, pending overdue.
    public var missingBalanceTerms: [DossierBalanceTerm] {
        var missing: [DossierBalanceTerm] = []
        if workload == nil { missing.append(.workload) }
        if resolvedInTime == nil {
            switch (counts[.resolvedEarly], counts[.resolvedOnTime]) {
            case (nil, .some): missing.append(.field(.resolvedEarly))
            case (.some, nil): missing.append(.field(.resolvedOnTime))
            default: missing.append(.field(.resolvedInTime))
            }
        }
        for field in [DossierField.resolvedLate, .withdrawn, .pendingInTime, .pendingOverdue] where counts[field] == nil {
            missing.append(.field(field))
        }
        return missing
    }

    /// The row with its single unknown balance term filled in from the others, and what was
    /// derived; the row as it is when nothing or more than one term is unknown. A derived count
    /// below zero is kept as it is: the stated counts exceed the workload, which `check` reports.
    public func completingBalance() -> (row: DossierAggregate, balance: DossierBalance) {
        let missing = missingBalanceTerms
        guard missing.count == 1, case let .field(field) = missing[0] else {
            return (self, DossierBalance(missing: missing.map(\.name), derived: nil))
        }
        let others: [Double?] = [resolvedInTime, counts[.resolvedLate], counts[.withdrawn], counts[.pendingInTime], counts[.pendingOverdue]]
        guard let workload else { return (self, DossierBalance(missing: missing.map(\.name), derived: nil)) }
        let value = workload - others.compactMap { $0 }.reduce(0, +) - (counts[.rejected] ?? 0) - (counts[.paused] ?? 0)
        var row = self
        switch field {
        case .resolvedEarly: row.counts[.resolvedEarly] = value - (counts[.resolvedOnTime] ?? 0)
        case .resolvedOnTime: row.counts[.resolvedOnTime] = value - (counts[.resolvedEarly] ?? 0)
        default: row.counts[field] = value
        }
        let derivedValue = row.counts[field == .resolvedInTime ? .resolvedInTime : field]!
        return (row, DossierBalance(missing: [], derived: (field, derivedValue)))
    }
}

/// One term of the dossier balance.
public enum DossierBalanceTerm: Sendable, Equatable {
    /// The workload: `received`, or `carried_over` + `received_new`.
    case workload
    /// A count column.
    case field(DossierField)

    /// The term as a report's columns name it.
    public var name: String {
        switch self {
        case .workload: return "received (or carried_over and received_new)"
        case let .field(field): return field.rawValue
        }
    }
}
