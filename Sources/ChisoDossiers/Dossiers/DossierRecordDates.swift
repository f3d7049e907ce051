import ChisoCore

/// Dates of records as integers `yyyymmdd` ("packed"), which order as the dates do, so records
/// are compared without converting to day numbers.
enum RecordDates {
    /// A date field: `yyyy-mm-dd` (the fast path), `yyyy/mm/dd`, or the Vietnamese `dd/mm/yyyy`
    /// (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`), each optionally followed by a time after a
    /// space or `T` (`15/03/2023 08:30`, `2023-03-15T08:30:00`), which is ignored. Nil for
    /// anything else, including days the month does not have.
    @inline(__always)
    static func packed(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        if length == 10 && p[4] == 0x2D && p[7] == 0x2D {
            let d0 = Int(p[0]) &- 48, d1 = Int(p[1]) &- 48, d2 = Int(p[2]) &- 48, d3 = Int(p[3]) &- 48
            let m0 = Int(p[5]) &- 48, m1 = Int(p[6]) &- 48, e0 = Int(p[8]) &- 48, e1 = Int(p[9]) &- 48
            // Every digit in 0…9: the largest as unsigned (a byte below '0' wraps to a huge value).
            guard max(UInt(bitPattern: d0), UInt(bitPattern: d1), UInt(bitPattern: d2), UInt(bitPattern: d3),
                      UInt(bitPattern: m0), UInt(bitPattern: m1), UInt(bitPattern: e0), UInt(bitPattern: e1)) <= 9 else { return nil }
            let year = (d0 &* 10 &+ d1) &* 100 &+ d2 &* 10 &+ d3
            return valid(year: year, month: m0 &* 10 &+ m1, day: e0 &* 10 &+ e1)
        }
        return general(p, length)
    }

    /// The other spellings: three numbers separated by `-`, `/` or `.`, year first (4 digits) or
    /// last, then an optional time.
    static func general(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        var end = 0
        while end < length && p[end] != 0x20 && p[end] != 0x54 { end += 1 }  // space or 'T'
        // Up to three numbers and their digit counts, without allocating (this runs per field).
        var numbers = (0, 0, 0), digits = (0, 0, 0)
        var index = 0, current = 0, count = 0
        var separator: UInt8 = 0
        func store() {
            switch index {
            case 0: numbers.0 = current; digits.0 = count
            case 1: numbers.1 = current; digits.1 = count
            default: numbers.2 = current; digits.2 = count
            }
        }
        for i in 0..<end {
            let byte = p[i]
            if byte >= 0x30 && byte <= 0x39 {
                current = current &* 10 &+ Int(byte &- 0x30)
                count += 1
                if count > 4 { return nil }
            } else if byte == 0x2D || byte == 0x2F || byte == 0x2E {
                if separator == 0 { separator = byte } else if byte != separator { return nil }
                guard count > 0, index < 2 else { return nil }
                store()
                index += 1
                current = 0; count = 0
            } else {
                return nil
            }
        }
        guard count > 0, index == 2 else { return nil }
        store()
        if digits.0 == 4 && digits.1 <= 2 && digits.2 <= 2 { return valid(year: numbers.0, month: numbers.1, day: numbers.2) }
        if digits.2 == 4 && digits.0 <= 2 && digits.1 <= 2 { return valid(year: numbers.2, month: numbers.1, day: numbers.0) }
        return nil
    }

    @inline(__always)
    static func valid(year: Int, month: Int, day: Int) -> Int? {
        guard month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year: year, month: month) else { return nil }
        return year &* 10000 &+ month &* 100 &+ day
    }

    @inline(__always)
    static func daysInMonth(year: Int, month: Int) -> Int {
        if month == 2 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28 }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31
    }

    /// The day after a packed date.
    @inline(__always)
    static func nextDay(_ date: Int) -> Int {
        let year = date / 10000, month = date / 100 % 100, day = date % 100
        if day < daysInMonth(year: year, month: month) { return date + 1 }
        return month < 12 ? year * 10000 + (month + 1) * 100 + 1 : (year + 1) * 10000 + 101
    }

    /// The packed date of a text date, in any spelling `packed` reads.
    static func packed(_ text: String) -> Int? {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes += [UInt8](repeating: 0, count: 16)
        return bytes.withUnsafeBufferPointer { packed($0.baseAddress!, count) }
    }

    /// yyyy-mm-dd of a packed date.
    static func text(_ date: Int) -> String {
        CivilDate.text(CivilDate.dayNumber(year: date / 10000, month: date / 100 % 100, day: date % 100))
    }
}
