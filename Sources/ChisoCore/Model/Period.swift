import Foundation

/// A reporting period: a year, a half-year, a quarter or a month.
///
/// Written `2023`, `2023-H1`, `2023-Q2` or `2023-06`. Periods of different kinds order by their start
/// (a year before its quarters, a quarter before its months) so sorting is total.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The granularity of a period.
    public enum Kind: Int, Sendable { case year = 0, half = 1, quarter = 2, month = 3 }

    /// The calendar year.
    public let year: Int
    /// Year, quarter or month.
    public let kind: Kind
    /// Half 1–2, quarter 1–4 or month 1–12; 0 for a year.
    public let subdivision: Int

    /// A whole year.
    public static func year(_ year: Int) -> Period { Period(year: year, kind: .year, subdivision: 0) }
    /// A half-year, 1–2 (six-month reports: *6 tháng đầu năm*, *6 tháng cuối năm*).
    public static func half(_ year: Int, _ half: Int) -> Period { Period(year: year, kind: .half, subdivision: half) }
    /// A quarter, 1–4.
    public static func quarter(_ year: Int, _ quarter: Int) -> Period { Period(year: year, kind: .quarter, subdivision: quarter) }
    /// A month, 1–12.
    public static func month(_ year: Int, _ month: Int) -> Period { Period(year: year, kind: .month, subdivision: month) }

    /// Parses `2023`, `2023-H1`, `2023-Q2` (also `2023Q2`, `Q2-2023`, `2023-q2`) or `2023-06` (also `2023-6`, `06/2023`).
    /// Returns nil for anything else, including years outside 1900–2100.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces.uppercased()
        func validYear(_ s: Substring) -> Int? {
            guard s.count == 4, let y = Int(s), (1900...2100).contains(y) else { return nil }
            return y
        }
        if let y = validYear(Substring(trimmed)) {
            self = .year(y); return
        }
        // Half-years: 2023-H1.
        if trimmed.count == 7, trimmed.dropFirst(4).hasPrefix("-H"), let y = validYear(trimmed.prefix(4)), let h = Int(trimmed.suffix(1)), (1...2).contains(h) {
            self = .half(y, h); return
        }
        // Quarter forms.
        let quarterParts: [Substring]
        if trimmed.hasPrefix("Q") {
            quarterParts = trimmed.dropFirst().split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " }).reversed()
        } else {
            quarterParts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "Q" || $0 == " " || $0 == "/" })
        }
        if trimmed.contains("Q"), quarterParts.count == 2, let y = validYear(quarterParts[0]),
           let q = Int(quarterParts[1]), (1...4).contains(q) {
            self = .quarter(y, q); return
        }
        if trimmed.contains("Q") { return nil }
        // Month forms: YYYY-MM or MM/YYYY.
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 2 else { return nil }
        if let y = validYear(parts[0]), parts[1].count <= 2, let m = Int(parts[1]), (1...12).contains(m) {
            self = .month(y, m); return
        }
        if let y = validYear(parts[1]), parts[0].count <= 2, let m = Int(parts[0]), (1...12).contains(m) {
            self = .month(y, m); return
        }
        return nil
    }

    private init(year: Int, kind: Kind, subdivision: Int) {
        self.year = year
        self.kind = kind
        self.subdivision = subdivision
    }

    /// The first month of the period, 1–12.
    private var startMonth: Int {
        switch kind {
        case .year: return 1
        case .half: return (subdivision - 1) * 6 + 1
        case .quarter: return (subdivision - 1) * 3 + 1
        case .month: return subdivision
        }
    }

    /// The period of the same kind just before this one (2023 → 2022, 2023-Q1 → 2022-Q4).
    public var previous: Period {
        switch kind {
        case .year: return .year(year - 1)
        case .half: return subdivision == 1 ? .half(year - 1, 2) : .half(year, 1)
        case .quarter: return subdivision == 1 ? .quarter(year - 1, 4) : .quarter(year, subdivision - 1)
        case .month: return subdivision == 1 ? .month(year - 1, 12) : .month(year, subdivision - 1)
        }
    }

    /// The period of the same kind just after this one (2023 → 2024, 2023-Q4 → 2024-Q1).
    public var next: Period {
        switch kind {
        case .year: return .year(year + 1)
        case .half: return subdivision == 2 ? .half(year + 1, 1) : .half(year, 2)
        case .quarter: return subdivision == 4 ? .quarter(year + 1, 1) : .quarter(year, subdivision + 1)
        case .month: return subdivision == 12 ? .month(year + 1, 1) : .month(year, subdivision + 1)
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.startMonth, lhs.kind.rawValue) < (rhs.year, rhs.startMonth, rhs.kind.rawValue)
    }

    public var description: String {
        switch kind {
        case .year: return String(year)
        case .half: return "\(year)-H\(subdivision)"
        case .quarter: return "\(year)-Q\(subdivision)"
        case .month: return subdivision < 10 ? "\(year)-0\(subdivision)" : "\(year)-\(subdivision)"
        }
    }
}

/// An inclusive range of years written `2018-2024` (or a single year `2023`).
public struct YearRange: Sendable, Equatable {
    public let first: Int
    public let last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    /// Parses `2018-2024`, `2018:2024` or `2023`; nil when malformed or reversed.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == ":" || $0 == "–" }).map { String($0).trimmingSpaces }
        guard (1...2).contains(parts.count), let a = Int(parts[0]), let b = Int(parts.last!), a <= b,
              (1900...2100).contains(a), (1900...2100).contains(b) else { return nil }
        self.init(first: a, last: b)
    }

    /// Whether the period's year lies in the range.
    public func contains(_ period: Period) -> Bool { (first...last).contains(period.year) }
}
