import ChisoCore

/// The periods records are counted in: calendar months, quarters, halves or years from 1990 to
/// 2099, or one custom window (a reporting period that ends on the 14th, say) with the time
/// before and after it as two more periods. A period is an offset `0..<span`.
struct RecordPeriods: Sendable {
    static let firstYear = 1990
    static let lastYear = 2099
    static let years = lastYear - firstYear + 1

    /// Periods per year; 0 for a custom window.
    let perYear: Int
    let kind: Period.Kind
    /// The window, packed yyyymmdd, inclusive; offsets 0 (before), 1 (the window), 2 (after).
    let window: (from: Int, to: Int)?
    /// The label of the window's row.
    let windowLabel: Period?
    let span: Int

    init(granularity: Period.Kind) {
        kind = granularity
        switch granularity {
        case .month: perYear = 12
        case .quarter: perYear = 4
        case .half: perYear = 2
        case .year: perYear = 1
        }
        window = nil
        windowLabel = nil
        span = Self.years * perYear
    }

    init(from: Int, to: Int, label: Period) {
        kind = label.kind
        perYear = 0
        window = (from, to)
        windowLabel = label
        span = 3
    }

    /// The offset of a packed date, which must lie in 1990–2099.
    @inline(__always)
    func offset(_ date: Int) -> Int {
        if let window {
            return date < window.from ? 0 : date <= window.to ? 1 : 2
        }
        let year = date / 10000, month = date / 100 % 100
        return (year - Self.firstYear) * perYear + (month - 1) * perYear / 12
    }

    /// The offset of a date anywhere: before 1990 is 0, after 2099 is `span`.
    @inline(__always)
    func clampedOffset(_ date: Int) -> Int {
        if date < Self.firstYear * 10000 + 101 { return 0 }
        if date > Self.lastYear * 10000 + 1231 { return span }
        return offset(date)
    }

    /// Whether a packed date lies in 1990–2099.
    @inline(__always)
    static func inRange(_ date: Int) -> Bool {
        date >= firstYear * 10000 + 101 && date <= lastYear * 10000 + 1231
    }

    /// The period of an offset, as rows name it.
    func period(_ offset: Int) -> Period {
        if let windowLabel { return windowLabel }
        let key = Self.firstYear * perYear + offset
        switch kind {
        case .month: return .month(key / 12, key % 12 + 1)
        case .quarter: return .quarter(key / 4, key % 4 + 1)
        case .half: return .half(key / 2, key % 2 + 1)
        case .year: return .year(key)
        }
    }

    /// Whether rows are written for an offset (a window's row only; every calendar period).
    func reported(_ offset: Int) -> Bool { window == nil || offset == 1 }

    /// The standard period a custom window is named by when no label is given: of the kinds whose
    /// length is nearest the window's, the one its last day falls in (15/12/2022–14/06/2023 →
    /// 2023-H1).
    static func label(from: Int, to: Int) -> Period {
        let days = Int(CivilDate.dayNumber(year: to / 10000, month: to / 100 % 100, day: to % 100)
                       - CivilDate.dayNumber(year: from / 10000, month: from / 100 % 100, day: from % 100)) + 1
        let year = to / 10000, month = to / 100 % 100
        let candidates: [(length: Int, period: Period)] = [
            (30, .month(year, month)), (91, .quarter(year, (month - 1) / 3 + 1)), (182, .half(year, (month - 1) / 6 + 1)), (365, .year(year)),
        ]
        return candidates.min { abs($0.length - days) < abs($1.length - days) }!.period
    }
}
