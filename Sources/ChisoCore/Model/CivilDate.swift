/// Dates of the proleptic Gregorian calendar as day numbers (days since 1970-01-01), by Howard
/// Hinnant's algorithms: exact integer arithmetic, no calendar objects, any year.
public enum CivilDate {
    /// Days since 1970-01-01 of a date.
    @inline(__always)
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int32(era * 146097 + doe - 719468)
    }

    /// The date of a day number: year, month 1–12, day 1–31.
    public static func date(_ days: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// yyyy-mm-dd of a day number.
    public static func text(_ days: Int32) -> String {
        let (y, m, d) = date(days)
        func padded(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(padded(y, 4))-\(padded(m, 2))-\(padded(d, 2))"
    }
}
