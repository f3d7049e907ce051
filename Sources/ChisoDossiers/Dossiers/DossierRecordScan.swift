import ChisoCore
import Foundation
import Synchronization

/// Column positions of a records file.
struct RecordLayout: Sendable {
    let fieldCount: Int
    let unit: Int, agency: Int, procedure: Int, channel: Int, received: Int, due: Int, finished: Int, status: Int
}

/// A group of the sparse path: any unit spelling, any period, agency and procedure ids.
struct GroupKey: Hashable, Sendable {
    let unit: Int
    let period: Int
    let agency: Int
    let procedure: Int
}

/// What one worker counted over its byte range.
struct WorkerResult: Sendable {
    /// Dense counters: [GSO code 0–99] × [period since 1990] × slot.
    var dense: [Int32]
    var sparseIndex: [GroupKey: Int] = [:]
    var sparseKeys: [GroupKey] = []
    var sparseCounts: [Int32] = []
    /// Pending dossiers: group (dense index ≥ 0, or −(sparse index + 1)) and due day.
    var pending: [(group: Int, dueDay: Int32)] = []
    /// Names of units that are not codes, by their (negative) id.
    var unitNames: [Int: String] = [:]
    /// Agency and procedure names by hash.
    var names: [UInt64: String] = [:]
    var lines = 0
    var records = 0
    var bad = 0
    var firstBad: [(line: Int, reason: String)] = []
    var maxDay: Int32 = .min
}

/// Bytes read so far, shared by the workers.
final class ByteCounter: Sendable {
    let value = Atomic<Int>(0)
}

/// Reports the share of bytes read every 200 ms from a background timer.
final class ProgressMonitor: @unchecked Sendable {
    private let timer: DispatchSourceTimer
    private let report: @Sendable (Double) -> Void

    init(total: Int, bytes: ByteCounter, report: @escaping @Sendable (Double) -> Void) {
        self.report = report
        timer = DispatchSource.makeTimerSource(queue: .global())
        let whole = Double(max(1, total))
        timer.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        timer.setEventHandler { report(min(1, Double(bytes.value.load(ordering: .relaxed)) / whole)) }
    }

    func start() { timer.resume() }

    func stop() {
        timer.cancel()
        report(1)
    }
}

extension DossierRecordSummarizer {
    static let firstYear = 1990
    static let years = 110
    static let unitCodes = 100

    static func periodsPerYear(_ kind: Period.Kind) -> Int {
        switch kind {
        case .month: return 12
        case .quarter: return 4
        case .half: return 2
        case .year: return 1
        }
    }

    /// A yyyy-mm-dd date in bytes: (year, month, day), or nil.
    @inline(__always)
    static func date(_ p: UnsafePointer<UInt8>, _ length: Int) -> (Int, Int, Int)? {
        guard length == 10, p[4] == 0x2D, p[7] == 0x2D else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? { let d = Int(p[i]) - 48; return (0...9).contains(d) ? d : nil }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3), let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        let month = m0 * 10 + m1, day = d0 * 10 + d1
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (y0 * 1000 + y1 * 100 + y2 * 10 + y3, month, day)
    }

    /// FNV-1a hash of bytes.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ length: Int, seed: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ seed
        for i in 0..<length { h = (h ^ UInt64(p[i])) &* 0x100000001b3 }
        return h
    }

    @inline(__always)
    static func equals(_ p: UnsafePointer<UInt8>, _ length: Int, _ word: StaticString) -> Bool {
        guard length == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<length where p[i] != w[i] { return false }
        return true
    }

    /// Counts the records in [from, to) of the file, read with `pread` through one 8 MB buffer
    /// (a memory map with a window unmapped after use measured no faster).
    static func scan(fd: Int32, from: Int, to: Int, layout: RecordLayout, options: DossierSummaryOptions, progress: ByteCounter) -> WorkerResult {
        var scanner = RecordScanner(layout: layout, options: options)
        defer { scanner.deallocate() }
        let bufferSize = 8 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bufferSize + RecordScanner.readPadding)
        buffer.initialize(repeating: 0, count: bufferSize + RecordScanner.readPadding)
        defer { buffer.deallocate() }
        var offset = from
        var carry = 0
        while offset < to || carry > 0 {
            let want = min(bufferSize - carry, to - offset)
            let n = want > 0 ? pread(fd, buffer + carry, want, off_t(offset)) : 0
            if n < 0 { break }
            offset += n
            let available = carry + n
            let atEnd = offset >= to
            var lineStart = 0
            while lineStart < available, let newline = memchr(buffer + lineStart, 0x0A, available - lineStart) {
                let end = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                scanner.line(buffer + lineStart, end - lineStart)
                lineStart = end + 1
            }
            if atEnd && lineStart < available {
                scanner.line(buffer + lineStart, available - lineStart)
                lineStart = available
            }
            carry = available - lineStart
            if carry > 0 { memmove(buffer, buffer + lineStart, carry) }
            progress.value.add(n, ordering: .relaxed)
            if atEnd || (options.strict && scanner.result.bad > 0) { break }
            if carry == bufferSize {
                // A line longer than the buffer: count it as bad and skip it.
                scanner.result.lines += 1
                scanner.bad("a line longer than 8 MB")
                carry = 0
            }
        }
        return scanner.finish()
    }
}

/// Reads record lines into one worker's counts. A struct with its counters behind pointers, so
/// that the hot path does no dynamic exclusivity checks (a nested function capturing the state
/// spent more than half its time in them).
struct RecordScanner {
    let layout: RecordLayout
    let options: DossierSummaryOptions
    let perYear: Int
    let span: Int
    let dense: Bool
    let counts: UnsafeMutablePointer<Int32>
    let countCapacity: Int
    let fieldStart: UnsafeMutablePointer<Int>
    let fieldLength: UnsafeMutablePointer<Int>
    var result = WorkerResult(dense: [])
    /// The latest date seen, packed as yyyymmdd.
    var latest = 0

    typealias S = DossierRecordSummarizer

    init(layout: RecordLayout, options: DossierSummaryOptions) {
        self.layout = layout
        self.options = options
        perYear = S.periodsPerYear(options.granularity)
        span = S.years * perYear
        dense = !options.byAgency && !options.byProcedure
        countCapacity = S.unitCodes * span * S.slotCount
        counts = .allocate(capacity: countCapacity)
        counts.initialize(repeating: 0, count: countCapacity)
        fieldStart = .allocate(capacity: layout.fieldCount + 1)
        fieldLength = .allocate(capacity: layout.fieldCount + 1)
    }

    func deallocate() {
        counts.deallocate()
        fieldStart.deallocate()
        fieldLength.deallocate()
    }

    mutating func finish() -> WorkerResult {
        result.dense = Array(UnsafeBufferPointer(start: counts, count: countCapacity))
        if latest > 0 { result.maxDay = CivilDate.dayNumber(year: latest / 10000, month: latest / 100 % 100, day: latest % 100) }
        return result
    }

    mutating func bad(_ reason: String) {
        result.bad += 1
        if result.firstBad.count < 10 { result.firstBad.append((result.lines, reason)) }
    }

    /// The first `length` bytes (up to 8) at `p` as a little-endian word, the rest zero; a longer
    /// field gives a value no word constant has (its top byte is set).
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        guard length <= 7 else { return length == 8 ? UInt64.max : UInt64.max - 1 }
        let raw = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
        return raw & ((1 << UInt64(length * 8)) - 1)
    }

    // The status and channel words as little-endian integer literals (literals, not computed
    // statics: a lazily initialised static costs a `swift_once` check on every row).
    static let onTimeWord: UInt64 = 0x00656D69745F6E6F  // "on_time"
    static let earlyWord: UInt64 = 0x000000796C726165  // "early"
    static let pendingWord: UInt64 = 0x00676E69646E6570  // "pending"
    static let lateWord: UInt64 = 0x000000006574616C  // "late"
    static let onlineWord: UInt64 = 0x0000656E696C6E6F  // "online"
    static let directWord: UInt64 = 0x0000746365726964  // "direct"
    static let postalWord: UInt64 = 0x00006C6174736F70  // "postal"

    /// Bytes every line buffer keeps readable past its end, for `nextComma`'s last word.
    static let readPadding = 16

    /// A yyyy-mm-dd date packed as yyyymmdd, or nil.
    @inline(__always)
    static func packedDate(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        guard length == 10, p[4] == 0x2D, p[7] == 0x2D else { return nil }
        let d0 = Int(p[0]) &- 48, d1 = Int(p[1]) &- 48, d2 = Int(p[2]) &- 48, d3 = Int(p[3]) &- 48
        let m0 = Int(p[5]) &- 48, m1 = Int(p[6]) &- 48, e0 = Int(p[8]) &- 48, e1 = Int(p[9]) &- 48
        // Every digit in 0…9: the largest as unsigned (a byte below '0' wraps to a huge value).
        guard max(UInt(bitPattern: d0), UInt(bitPattern: d1), UInt(bitPattern: d2), UInt(bitPattern: d3),
                  UInt(bitPattern: m0), UInt(bitPattern: m1), UInt(bitPattern: e0), UInt(bitPattern: e1)) <= 9 else { return nil }
        let month = m0 &* 10 &+ m1, day = e0 &* 10 &+ e1
        guard month >= 1 && month <= 12 && day >= 1 && day <= 31 else { return nil }
        return ((d0 &* 10 &+ d1) &* 100 &+ d2 &* 10 &+ d3) &* 10000 &+ month &* 100 &+ day
    }

    /// The position of the first comma in [from, to), or `to`: eight bytes at a time with the
    /// has-zero-byte trick on the word XOR ",,,,,,,,". The last word may reach up to 7 bytes past
    /// `to`; every line lies in a buffer with `readPadding` bytes to spare, and a comma found
    /// there is clamped to `to`. (Finding commas and newlines together in one pass, instead of
    /// glibc's vectorised memchr for the line end, measured 25% slower.)
    @inline(__always)
    static func nextComma(_ p: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        while i < to {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ commas
            let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return min(i &+ zeros.trailingZeroBitCount / 8, to) }
            i &+= 8
        }
        return to
    }

    /// Reads one line (without its newline).
    @inline(__always)
    mutating func line(_ line: UnsafeMutablePointer<UInt8>, _ rawLength: Int) {
        result.lines += 1
        var length = rawLength
        if length > 0 && line[length - 1] == 0x0D { length -= 1 }
        if length == 0 { return }
        if options.strict && result.bad > 0 { return }
        // Split into fields (quotes allowed around a field).
        var field = 0, p = 0
        let fields = layout.fieldCount
        while field < fields {
            if p < length && line[p] == 0x22 {
                var q = p + 1
                while q < length && !(line[q] == 0x22 && (q + 1 >= length || line[q + 1] != 0x22)) { q += line[q] == 0x22 ? 2 : 1 }
                fieldStart[field] = p + 1
                fieldLength[field] = q - p - 1
                p = q + 1
            } else {
                let q = Self.nextComma(line, from: p, to: length)
                fieldStart[field] = p
                fieldLength[field] = q - p
                p = q
            }
            field += 1
            // nextComma stops at a comma or at the end; after a quoted field, require a comma.
            if p < length && line[p] == 0x2C { p += 1 } else { break }
        }
        guard field == fields && p >= length else {
            return bad("\(field < fields ? "too few" : "too many") fields (expected \(fields))")
        }
        let base = UnsafePointer(line)
        guard let received = Self.packedDate(base + fieldStart[layout.received], fieldLength[layout.received]) else {
            return bad("received_date is not a date (yyyy-mm-dd)")
        }
        let year = received / 10000, month = received / 100 % 100
        let periodKey = year * perYear + (month - 1) * perYear / 12
        let unitPointer = base + fieldStart[layout.unit], unitLength = fieldLength[layout.unit]
        if unitLength == 0 { return bad("unit is empty") }
        var code = 0
        var numeric = unitLength <= 3
        for k in 0..<unitLength {
            let d = Int(unitPointer[k]) &- 48
            if d < 0 || d > 9 { numeric = false; break }
            code = code &* 10 &+ d
        }
        // Status and channel words compared as one masked 8-byte load each (lines keep
        // `readPadding` readable bytes past their end).
        let statusWord = Self.word(base + fieldStart[layout.status], fieldLength[layout.status])
        let status: Int
        switch statusWord {
        case Self.onTimeWord: status = S.onTime
        case Self.earlyWord: status = S.early
        case Self.pendingWord: status = S.pending
        case Self.lateWord: status = S.late
        default:
            if S.equals(base + fieldStart[layout.status], fieldLength[layout.status], "withdrawn") { status = S.withdrawn }
            else { return bad("status is not early, on_time, late, withdrawn or pending") }
        }
        let channel: Int
        switch Self.word(base + fieldStart[layout.channel], fieldLength[layout.channel]) {
        case Self.onlineWord: channel = S.online
        case Self.directWord: channel = S.direct
        case Self.postalWord: channel = S.postal
        default: return bad("channel is not online, direct or postal")
        }
        var dueDay: Int32 = 0
        if status == S.pending {
            guard let due = Self.packedDate(base + fieldStart[layout.due], fieldLength[layout.due]) else { return bad("due_date of a pending dossier is not a date") }
            dueDay = CivilDate.dayNumber(year: due / 10000, month: due / 100 % 100, day: due % 100)
        }
        var newest = received
        if fieldLength[layout.finished] > 0 {
            guard let finished = Self.packedDate(base + fieldStart[layout.finished], fieldLength[layout.finished]) else { return bad("finished_date is not a date") }
            newest = max(newest, finished)
        }
        if newest > latest { latest = newest }
        result.records += 1
        let periodOffset = periodKey - S.firstYear * perYear
        if dense && numeric && code < S.unitCodes && periodOffset >= 0 && periodOffset < span {
            let group = code * span + periodOffset
            let slot = counts + group * S.slotCount
            slot[S.received] &+= 1
            slot[channel] &+= 1
            slot[status] &+= 1
            if status == S.pending { result.pending.append((group, dueDay)) }
            return
        }
        sparse(base: base, numeric: numeric, code: code, periodKey: periodKey, channel: channel, status: status, dueDay: dueDay)
    }

    /// Named units, agencies, procedures and periods outside 1990–2099.
    mutating func sparse(base: UnsafePointer<UInt8>, numeric: Bool, code: Int, periodKey: Int, channel: Int, status: Int, dueDay: Int32) {
        let unitPointer = base + fieldStart[layout.unit], unitLength = fieldLength[layout.unit]
        var unitId = code
        if !numeric {
            unitId = -Int(truncatingIfNeeded: S.hash(unitPointer, unitLength, seed: 1) & 0x3FFF_FFFF_FFFF_FFFF) - 1
            if result.unitNames[unitId] == nil { result.unitNames[unitId] = String(decoding: UnsafeBufferPointer(start: unitPointer, count: unitLength), as: UTF8.self) }
        }
        func named(_ column: Int, seed: UInt64) -> Int {
            let pointer = base + fieldStart[column], count = fieldLength[column]
            let h = S.hash(pointer, count, seed: seed)
            if result.names[h] == nil { result.names[h] = String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self) }
            return Int(truncatingIfNeeded: h)
        }
        let agencyId = options.byAgency ? named(layout.agency, seed: 2) : 0
        let procedureId = options.byProcedure ? named(layout.procedure, seed: 3) : 0
        let key = GroupKey(unit: unitId, period: periodKey, agency: agencyId, procedure: procedureId)
        let index: Int
        if let existing = result.sparseIndex[key] {
            index = existing
        } else {
            index = result.sparseKeys.count
            result.sparseIndex[key] = index
            result.sparseKeys.append(key)
            result.sparseCounts += [Int32](repeating: 0, count: S.slotCount)
        }
        result.sparseCounts[index * S.slotCount + S.received] += 1
        result.sparseCounts[index * S.slotCount + channel] += 1
        result.sparseCounts[index * S.slotCount + status] += 1
        if status == S.pending { result.pending.append((-(index + 1), dueDay)) }
    }
}

extension DossierRecordSummarizer {
    /// Adds up the workers' counts, splits pending dossiers at the as-of date, and builds the rows.
    static func merge(_ results: [WorkerResult], path: String, options: DossierSummaryOptions) throws -> DossierSummary {
        let perYear = periodsPerYear(options.granularity)
        let span = years * perYear
        // Global line numbers of bad rows: the header is line 1, then each chunk's lines in order.
        var lineOffset = 1
        var badRows: [(line: Int, reason: String)] = []
        for r in results {
            badRows += r.firstBad.map { (lineOffset + $0.line, $0.reason) }
            lineOffset += r.lines
        }
        if options.strict, let first = badRows.min(by: { $0.line < $1.line }) {
            throw DossierRecordError.badRow(file: path, line: first.line, reason: first.reason)
        }
        var asOfDay = results.map(\.maxDay).max() ?? 0
        if let asOf = options.asOf {
            let bytes = Array(asOf.utf8)
            guard let (y, m, d) = bytes.withUnsafeBufferPointer({ date($0.baseAddress!, $0.count) }) else {
                throw DossierRecordError.badAsOfDate(asOf)
            }
            asOfDay = CivilDate.dayNumber(year: y, month: m, day: d)
        }
        // Merge dense counters and sparse groups into one keyed table.
        var totals: [GroupKey: [Int]] = [:]
        var names: [UInt64: String] = [:]
        var unitNames: [Int: String] = [:]
        for r in results {
            names.merge(r.names) { a, _ in a }
            unitNames.merge(r.unitNames) { a, _ in a }
            for group in 0..<(unitCodes * span) {
                let slot = group * slotCount
                guard r.dense[slot + received] > 0 else { continue }
                let key = GroupKey(unit: group / span, period: firstYear * perYear + group % span, agency: 0, procedure: 0)
                var counts = totals[key] ?? [Int](repeating: 0, count: slotCount + 1)
                for k in 0..<slotCount { counts[k] += Int(r.dense[slot + k]) }
                totals[key] = counts
            }
            for (index, key) in r.sparseKeys.enumerated() {
                var counts = totals[key] ?? [Int](repeating: 0, count: slotCount + 1)
                for k in 0..<slotCount { counts[k] += Int(r.sparseCounts[index * slotCount + k]) }
                totals[key] = counts
            }
            // Overdue pending dossiers go to the extra last slot.
            for (group, dueDay) in r.pending where dueDay < asOfDay {
                let key = group >= 0
                    ? GroupKey(unit: group / span, period: firstYear * perYear + group % span, agency: 0, procedure: 0)
                    : r.sparseKeys[-group - 1]
                totals[key]![slotCount] += 1
            }
        }
        func unitName(_ id: Int) -> String {
            id >= 0 ? (id < 10 ? "0\(id)" : String(id)) : unitNames[id] ?? "?"
        }
        func period(_ key: Int) -> Period {
            switch options.granularity {
            case .month: return .month(key / 12, key % 12 + 1)
            case .quarter: return .quarter(key / 4, key % 4 + 1)
            case .half: return .half(key / 2, key % 2 + 1)
            case .year: return .year(key)
            }
        }
        var breakdownNames: [String] = []
        if options.byAgency { breakdownNames.append("agency") }
        if options.byProcedure { breakdownNames.append("procedure") }
        let rows = totals.map { key, c -> DossierAggregate in
            var breakdown: [String] = []
            if options.byAgency { breakdown.append(names[UInt64(bitPattern: Int64(key.agency))] ?? "?") }
            if options.byProcedure { breakdown.append(names[UInt64(bitPattern: Int64(key.procedure))] ?? "?") }
            let overdue = c[slotCount]
            let counts: [DossierField: Double] = [
                .receivedNew: Double(c[received]), .receivedOnline: Double(c[online]), .receivedPostal: Double(c[postal]),
                .receivedDirect: Double(c[direct]), .resolvedEarly: Double(c[early]), .resolvedOnTime: Double(c[onTime]),
                .resolvedLate: Double(c[late]), .withdrawn: Double(c[withdrawn]),
                .pendingInTime: Double(c[pending] - overdue), .pendingOverdue: Double(overdue), .carriedOver: 0,
            ]
            return DossierAggregate(unit: unitName(key.unit), period: period(key.period), breakdown: breakdown, counts: counts)
        }.sorted { ($0.unit, $0.period, $0.breakdown.joined(separator: "\u{1F}")) < ($1.unit, $1.period, $1.breakdown.joined(separator: "\u{1F}")) }
        let asOfDate = CivilDate.text(asOfDay)
        return DossierSummary(rows: rows, breakdownNames: breakdownNames, records: results.reduce(0) { $0 + $1.records },
                              badRows: results.reduce(0) { $0 + $1.bad }, firstBadRows: Array(badRows.prefix(10)), asOf: asOfDate)
    }
}
