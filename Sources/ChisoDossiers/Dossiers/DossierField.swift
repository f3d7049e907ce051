import ChisoCore
/// The counts a dossier report gives for one unit and period (schema in docs/dossiers.md).
public enum DossierField: String, Sendable, CaseIterable {
    /// Pending at the start of the period, carried over from the one before.
    case carriedOver = "carried_over"
    /// Received during the period.
    case receivedNew = "received_new"
    /// carried_over + received_new.
    case received
    case receivedOnline = "received_online"
    case receivedPostal = "received_postal"
    case receivedDirect = "received_direct"
    case resolvedEarly = "resolved_early"
    case resolvedOnTime = "resolved_on_time"
    /// Early and on time together, for reports that do not split them.
    case resolvedInTime = "resolved_in_time"
    case resolvedLate = "resolved_late"
    case withdrawn
    /// Returned to the applicant or refused after being received (*trả lại*, *từ chối*).
    case rejected
    /// Not yet resolved and not yet due.
    case pendingInTime = "pending_in_time"
    /// Not yet resolved and past due.
    case pendingOverdue = "pending_overdue"
    /// Processing suspended (waiting for the applicant, inter-agency steps).
    case paused
    /// Results returned through the postal service.
    case returnedPostal = "returned_postal"
    /// Dossiers digitised.
    case digitized

    /// Label in Vietnamese and English.
    public var label: LocalizedText {
        switch self {
        case .carriedOver: return LocalizedText(vi: "Kỳ trước chuyển qua", en: "Carried over")
        case .receivedNew: return LocalizedText(vi: "Tiếp nhận mới trong kỳ", en: "Received in the period")
        case .received: return LocalizedText(vi: "Tổng số tiếp nhận", en: "Received in total")
        case .receivedOnline: return LocalizedText(vi: "Tiếp nhận trực tuyến", en: "Received online")
        case .receivedPostal: return LocalizedText(vi: "Tiếp nhận qua bưu chính", en: "Received by post")
        case .receivedDirect: return LocalizedText(vi: "Tiếp nhận trực tiếp", en: "Received in person")
        case .resolvedEarly: return LocalizedText(vi: "Giải quyết trước hạn", en: "Resolved early")
        case .resolvedOnTime: return LocalizedText(vi: "Giải quyết đúng hạn", en: "Resolved on time")
        case .resolvedInTime: return LocalizedText(vi: "Giải quyết trước và đúng hạn", en: "Resolved early or on time")
        case .resolvedLate: return LocalizedText(vi: "Giải quyết quá hạn", en: "Resolved late")
        case .withdrawn: return LocalizedText(vi: "Rút hồ sơ", en: "Withdrawn")
        case .rejected: return LocalizedText(vi: "Trả lại, từ chối", en: "Returned or refused")
        case .pendingInTime: return LocalizedText(vi: "Đang giải quyết chưa đến hạn", en: "Pending, not yet due")
        case .pendingOverdue: return LocalizedText(vi: "Đang giải quyết quá hạn", en: "Pending, overdue")
        case .paused: return LocalizedText(vi: "Tạm dừng", en: "Paused")
        case .returnedPostal: return LocalizedText(vi: "Trả kết quả qua bưu chính", en: "Returned by post")
        case .digitized: return LocalizedText(vi: "Số hóa", en: "Digitised")
        }
    }
}

/// One unit's dossier counts for one period; a field is nil when the report does not give it.
public struct DossierAggregate: Sendable, Equatable {
    public var unit: String
    public var period: Period
    /// Extra grouping (agency, procedure) when a summary is broken down by them.
    public var breakdown: [String]
    public var counts: [DossierField: Double]
    /// Where the row was read (file:line), for error messages.
    public var location: String?

    public init(unit: String, period: Period, breakdown: [String] = [], counts: [DossierField: Double], location: String? = nil) {
        self.unit = unit
        self.period = period
        self.breakdown = breakdown
        self.counts = counts
        self.location = location
    }

    public subscript(_ field: DossierField) -> Double? { counts[field] }

    /// Early plus on time: the two fields, or `resolved_in_time` when only that is given.
    public var resolvedInTime: Double? {
        if let early = counts[.resolvedEarly], let onTime = counts[.resolvedOnTime] { return early + onTime }
        return counts[.resolvedInTime]
    }

    /// Dossiers received in the period: `received_new`, or `received` − `carried_over`.
    public var receivedInPeriod: Double? {
        if let new = counts[.receivedNew] { return new }
        if let total = counts[.received], let carried = counts[.carriedOver] { return total - carried }
        return nil
    }

    /// The whole workload: `received`, or `carried_over` + `received_new`.
    public var workload: Double? {
        if let total = counts[.received] { return total }
        if let new = counts[.receivedNew] { return new + (counts[.carriedOver] ?? 0) }
        return nil
    }
}
