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

/// Results written by concurrent workers, each to its own slot.
final class WorkerResults: @unchecked Sendable {
    private var slots: [WorkerResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: WorkerResult) { lock.lock(); slots[i] = value; lock.unlock() }
    var all: [WorkerResult] { slots.map { $0! } }
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

    /// Days since 1970-01-01 of a civil date (Hinnant's algorithm).
    @inline(__always)
    static func dayNumber(year: Int, month: Int, day: Int) -> Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int32(era * 146097 + doe - 719468)
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

    /// Counts the records in [from, to) of the file.
    static func scan(fd: Int32, from: Int, to: Int, layout: RecordLayout, options: DossierSummaryOptions, progress: ByteCounter) -> WorkerResult {
        let perYear = periodsPerYear(options.granularity)
        let span = years * perYear
        var result = WorkerResult(dense: [])
        // The dense counters live outside `result` during the scan, so that the line parser may
        // update the other fields of `result` while the counters are borrowed.
        var denseCounts = [Int32](repeating: 0, count: unitCodes * span * slotCount)
        let dense = !options.byAgency && !options.byProcedure
        let bufferSize = 8 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bufferSize)
        defer { buffer.deallocate() }
        var fieldStart = [Int](repeating: 0, count: max(layout.fieldCount, 1) + 1)
        var fieldLength = [Int](repeating: 0, count: max(layout.fieldCount, 1) + 1)
        var offset = from
        var carry = 0
        denseCounts.withUnsafeMutableBufferPointer { counts in
            while offset < to || carry > 0 {
                let want = min(bufferSize - carry, to - offset)
                let n = want > 0 ? pread(fd, buffer + carry, want, off_t(offset)) : 0
                if n < 0 { break }
                offset += n
                let available = carry + n
                let atEnd = offset >= to
                var lineStart = 0
                var i = 0
                while true {
                    // Find the end of the line.
                    guard let newline = memchr(buffer + i, 0x0A, available - i) else {
                        if atEnd && available > lineStart { i = available } else { break }
                        break
                    }
                    let end = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    processLine(buffer + lineStart, end - lineStart)
                    lineStart = end + 1
                    i = lineStart
                }
                if atEnd && lineStart < available {
                    processLine(buffer + lineStart, available - lineStart)
                    lineStart = available
                }
                carry = available - lineStart
                if carry > 0 { memmove(buffer, buffer + lineStart, carry) }
                progress.value.add(n, ordering: .relaxed)
                if atEnd { break }
                if carry == bufferSize { result.bad += 1; carry = 0 }
                if options.strict && result.bad > 0 { break }
            }

            func processLine(_ line: UnsafeMutablePointer<UInt8>, _ rawLength: Int) {
                result.lines += 1
                var length = rawLength
                if length > 0 && line[length - 1] == 0x0D { length -= 1 }
                if length == 0 { return }
                if options.strict && result.bad > 0 { return }
                // Split into fields (quotes allowed around a field).
                var field = 0, p = 0
                while field < layout.fieldCount {
                    if p < length && line[p] == 0x22 {
                        var q = p + 1
                        while q < length && !(line[q] == 0x22 && (q + 1 >= length || line[q + 1] != 0x22)) { q += line[q] == 0x22 ? 2 : 1 }
                        fieldStart[field] = p + 1
                        fieldLength[field] = q - p - 1
                        p = q + 1
                    } else {
                        var q = p
                        while q < length && line[q] != 0x2C { q += 1 }
                        fieldStart[field] = p
                        fieldLength[field] = q - p
                        p = q
                    }
                    field += 1
                    if p < length && line[p] == 0x2C { p += 1 } else { break }
                }
                func bad(_ reason: String) {
                    result.bad += 1
                    if result.firstBad.count < 10 { result.firstBad.append((result.lines, reason)) }
                }
                guard field == layout.fieldCount && p >= length else {
                    return bad("\(field < layout.fieldCount ? "too few" : "too many") fields (expected \(layout.fieldCount))")
                }
                let base = UnsafePointer(line)
                // Received date → period.
                guard let (year, month, day) = date(base + fieldStart[layout.received], fieldLength[layout.received]) else {
                    return bad("received_date is not a date (yyyy-mm-dd)")
                }
                let periodKey = year * perYear + (month - 1) * perYear / 12
                // Unit: a code of 1–3 digits, or a name.
                let unitPointer = base + fieldStart[layout.unit], unitLength = fieldLength[layout.unit]
                var code = 0
                var numeric = unitLength >= 1 && unitLength <= 3
                for k in 0..<unitLength {
                    let d = Int(unitPointer[k]) - 48
                    if d < 0 || d > 9 { numeric = false; break }
                    code = code * 10 + d
                }
                if unitLength == 0 { return bad("unit is empty") }
                // Status and channel.
                let statusPointer = base + fieldStart[layout.status], statusLength = fieldLength[layout.status]
                let status: Int
                if equals(statusPointer, statusLength, "on_time") { status = onTime }
                else if equals(statusPointer, statusLength, "early") { status = early }
                else if equals(statusPointer, statusLength, "late") { status = late }
                else if equals(statusPointer, statusLength, "pending") { status = pending }
                else if equals(statusPointer, statusLength, "withdrawn") { status = withdrawn }
                else { return bad("status is not early, on_time, late, withdrawn or pending") }
                let channelPointer = base + fieldStart[layout.channel], channelLength = fieldLength[layout.channel]
                let channel: Int
                if equals(channelPointer, channelLength, "online") { channel = online }
                else if equals(channelPointer, channelLength, "direct") { channel = direct }
                else if equals(channelPointer, channelLength, "postal") { channel = postal }
                else { return bad("channel is not online, direct or postal") }
                var dueDay: Int32 = 0
                if status == pending {
                    guard let (y, m, d) = date(base + fieldStart[layout.due], fieldLength[layout.due]) else { return bad("due_date of a pending dossier is not a date") }
                    dueDay = dayNumber(year: y, month: m, day: d)
                }
                var latest = dayNumber(year: year, month: month, day: day)
                if fieldLength[layout.finished] > 0 {
                    guard let (y, m, d) = date(base + fieldStart[layout.finished], fieldLength[layout.finished]) else { return bad("finished_date is not a date") }
                    latest = max(latest, dayNumber(year: y, month: m, day: d))
                }
                result.maxDay = max(result.maxDay, latest)
                result.records += 1
                let periodOffset = periodKey - firstYear * perYear
                if dense && numeric && code < unitCodes && periodOffset >= 0 && periodOffset < span {
                    let group = code * span + periodOffset
                    let slot = group * slotCount
                    counts[slot + received] += 1
                    counts[slot + channel] += 1
                    counts[slot + status] += 1
                    if status == pending { result.pending.append((group, dueDay)) }
                    return
                }
                // Sparse path: named units, agencies, procedures, periods outside 1990–2099.
                var unitId = code
                if !numeric {
                    unitId = -Int(truncatingIfNeeded: hash(unitPointer, unitLength, seed: 1) & 0x3FFF_FFFF_FFFF_FFFF) - 1
                    if result.unitNames[unitId] == nil { result.unitNames[unitId] = String(decoding: UnsafeBufferPointer(start: unitPointer, count: unitLength), as: UTF8.self) }
                }
                var agencyId = 0, procedureId = 0
                if options.byAgency {
                    let h = hash(base + fieldStart[layout.agency], fieldLength[layout.agency], seed: 2)
                    if result.names[h] == nil { result.names[h] = String(decoding: UnsafeBufferPointer(start: base + fieldStart[layout.agency], count: fieldLength[layout.agency]), as: UTF8.self) }
                    agencyId = Int(truncatingIfNeeded: h)
                }
                if options.byProcedure {
                    let h = hash(base + fieldStart[layout.procedure], fieldLength[layout.procedure], seed: 3)
                    if result.names[h] == nil { result.names[h] = String(decoding: UnsafeBufferPointer(start: base + fieldStart[layout.procedure], count: fieldLength[layout.procedure]), as: UTF8.self) }
                    procedureId = Int(truncatingIfNeeded: h)
                }
                let key = GroupKey(unit: unitId, period: periodKey, agency: agencyId, procedure: procedureId)
                let index: Int
                if let existing = result.sparseIndex[key] {
                    index = existing
                } else {
                    index = result.sparseKeys.count
                    result.sparseIndex[key] = index
                    result.sparseKeys.append(key)
                    result.sparseCounts += [Int32](repeating: 0, count: slotCount)
                }
                result.sparseCounts[index * slotCount + received] += 1
                result.sparseCounts[index * slotCount + channel] += 1
                result.sparseCounts[index * slotCount + status] += 1
                if status == pending { result.pending.append((-(index + 1), dueDay)) }
            }
        }
        result.dense = denseCounts
        return result
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
                throw DataError.badPeriod(at: SourceLocation(file: "--as-of", line: 0), text: asOf)
            }
            asOfDay = dayNumber(year: y, month: m, day: d)
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
        let asOfDate = civilDate(asOfDay)
        return DossierSummary(rows: rows, breakdownNames: breakdownNames, records: results.reduce(0) { $0 + $1.records },
                              badRows: results.reduce(0) { $0 + $1.bad }, firstBadRows: Array(badRows.prefix(10)), asOf: asOfDate)
    }

    /// yyyy-mm-dd of a day number (Hinnant's inverse).
    static func civilDate(_ days: Int32) -> String {
        let z = Int(days) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
