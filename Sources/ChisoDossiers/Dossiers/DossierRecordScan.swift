import ChisoCore
import Foundation
import Synchronization

/// Column positions of a records file; −1 for an optional column the file does not have.
struct RecordLayout: Sendable {
    let fieldCount: Int
    let unit: Int, agency: Int, procedure: Int, channel: Int, received: Int, due: Int, finished: Int, status: Int
    /// The field separator: `,`, `;` or tab.
    let separator: UInt8
}

/// A group of the sparse path: any unit spelling, agency and procedure ids, and a period offset.
struct GroupKey: Hashable, Sendable {
    let unit: Int
    let period: Int
    let agency: Int
    let procedure: Int
}

/// A value of the status or channel column that the vocabulary does not know: how many rows
/// have it and the first three of their lines (within the worker's range until merged).
struct UnknownValue: Sendable {
    var count = 0
    var lines: [Int] = []
}

/// What one worker counted over its byte range.
struct WorkerResult: Sendable {
    /// Dense counters: [GSO code 0–99] × [period offset] × slot.
    var dense: [Int32]
    var sparseIndex: [GroupKey: Int] = [:]
    var sparseKeys: [GroupKey] = []
    var sparseCounts: [Int32] = []
    /// Dossiers still open (not paused): group (dense index ≥ 0, or −(sparse index + 1)) and due
    /// date (packed; `Int32.max` without one).
    var open: [(group: Int, due: Int32)] = []
    /// Names of units that are not codes, by their (negative) id.
    var unitNames: [Int: String] = [:]
    /// Agency and procedure names by hash.
    var names: [UInt64: String] = [:]
    var lines = 0
    var records = 0
    var bad = 0
    var firstBad: [(line: Int, reason: String)] = []
    /// Unknown statuses and channels by column name and value.
    var unknown: [String: UnknownValue] = [:]
    /// Dossiers whose stated timing (early, on time, late) differs from their dates.
    var timingConflicts = UnknownValue()
    /// Dossiers received after the as-of date, not counted.
    var afterAsOf = 0
    /// The earliest received and latest received or finished date, packed.
    var earliest = Int.max
    var latest = 0
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
    static let unitCodes = 100

    /// FNV-1a hash of bytes.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ length: Int, seed: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ seed
        for i in 0..<length { h = (h ^ UInt64(p[i])) &* 0x100000001b3 }
        return h
    }

    /// Counts the records in [from, to) of the file, read with `pread` through one 8 MB buffer
    /// (a memory map with a window unmapped after use measured no faster).
    static func scan(fd: Int32, from: Int, to: Int, context: RecordContext, progress: ByteCounter) -> WorkerResult {
        var scanner = RecordScanner(context: context)
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
            var lineStart = scanner.lines(buffer, available)
            if atEnd && lineStart < available {
                scanner.line(buffer + lineStart, available - lineStart)
                lineStart = available
            }
            carry = available - lineStart
            if carry > 0 { memmove(buffer, buffer + lineStart, carry) }
            progress.value.add(n, ordering: .relaxed)
            if atEnd || (context.options.strict && scanner.result.bad > 0) { break }
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

/// What every worker shares: the layout, the options, the periods and the names to read.
struct RecordContext: Sendable {
    let layout: RecordLayout
    let options: DossierSummaryOptions
    let periods: RecordPeriods
    /// The as-of date when given, packed.
    let asOf: Int?
    let vocabulary: DossierRecordVocabulary
}

/// Reads record lines into one worker's counts. A struct with its counters behind pointers, so
/// that the hot path does no dynamic exclusivity checks (a nested function capturing the state
/// spent more than half its time in them).
struct RecordScanner {
    let context: RecordContext
    let layout: RecordLayout
    let periods: RecordPeriods
    let span: Int
    let dense: Bool
    let byPeriod: Bool
    let counts: UnsafeMutablePointer<Int32>
    let countCapacity: Int
    let fieldStart: UnsafeMutablePointer<Int>
    let fieldLength: UnsafeMutablePointer<Int>
    let separators: UInt64
    var result = WorkerResult(dense: [])
    /// Statuses and channels spelled other than the English schema's words, by their bytes.
    var statusCache = ByteTable<DossierRecordStatus?>()
    var channelCache = ByteTable<DossierRecordChannel?>()

    typealias S = DossierRecordSummarizer

    // Counter slots per group. Cohort accounting counts every slot in the period received;
    // period accounting counts received and channels there, outcomes in the period finished,
    // paused dossiers where they were received (they stay paused), and the start and end of
    // each finished dossier's overdue stretch.
    static let received = 0, online = 1, postal = 2, direct = 3, early = 4, onTime = 5, late = 6, withdrawn = 7, rejected = 8
    static let pending = 9, paused = 10, overdueFrom = 11, overdueUntil = 12
    static let slotCount = 13

    init(context: RecordContext) {
        self.context = context
        layout = context.layout
        periods = context.periods
        span = periods.span
        dense = !context.options.byAgency && !context.options.byProcedure
        byPeriod = context.options.accounting == .period
        countCapacity = S.unitCodes * span * Self.slotCount
        counts = .allocate(capacity: countCapacity)
        counts.initialize(repeating: 0, count: countCapacity)
        fieldStart = .allocate(capacity: layout.fieldCount + 1)
        fieldLength = .allocate(capacity: layout.fieldCount + 1)
        separators = UInt64(layout.separator) &* 0x0101_0101_0101_0101
        sparseCounts = .allocate(capacity: 0)
    }

    func deallocate() {
        counts.deallocate()
        sparseCounts.deallocate()
        fieldStart.deallocate()
        fieldLength.deallocate()
    }

    mutating func finish() -> WorkerResult {
        result.dense = Array(UnsafeBufferPointer(start: counts, count: countCapacity))
        result.sparseCounts = Array(UnsafeBufferPointer(start: sparseCounts, count: result.sparseKeys.count * Self.slotCount))
        return result
    }

    mutating func bad(_ reason: String) {
        result.bad += 1
        if result.firstBad.count < 10 { result.firstBad.append((result.lines, reason)) }
    }

    /// The text of field `column` of the current line, for messages.
    func text(_ base: UnsafePointer<UInt8>, _ column: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + fieldStart[column], count: fieldLength[column]), as: UTF8.self)
    }

    mutating func unknownValue(_ column: String, _ value: String) {
        let key = column + "\u{1F}" + value
        result.unknown[key, default: UnknownValue()].count += 1
        if result.unknown[key]!.lines.count < 3 { result.unknown[key]!.lines.append(result.lines) }
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

    /// Bytes every line buffer keeps readable past its end, for `nextSeparator`'s last word.
    static let readPadding = 16

    /// The position of the first separator in [from, to), or `to`: eight bytes at a time with the
    /// has-zero-byte trick on the word XOR the separator repeated. The last word may reach up to
    /// 7 bytes past `to`; every line lies in a buffer with `readPadding` bytes to spare, and a
    /// separator found there is clamped to `to`. (Finding separators and newlines together in one
    /// pass, instead of glibc's vectorised memchr for the line end, measured 25% slower.)
    @inline(__always)
    func nextSeparator(_ p: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var i = from
        while i < to {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ separators
            let zeros = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return min(i &+ zeros.trailingZeroBitCount / 8, to) }
            i &+= 8
        }
        return to
    }

    /// The status of a field: the English words by one masked load, other names through the
    /// vocabulary (looked up once per distinct spelling).
    @inline(__always)
    mutating func status(_ p: UnsafePointer<UInt8>, _ length: Int) -> DossierRecordStatus? {
        switch Self.word(p, length) {
        case Self.onTimeWord: return .onTime
        case Self.earlyWord: return .early
        case Self.pendingWord: return .pending
        case Self.lateWord: return .late
        default:
            let vocabulary = context.vocabulary
            return statusCache.value(p, length) { vocabulary.status($0) }
        }
    }

    @inline(__always)
    mutating func channel(_ p: UnsafePointer<UInt8>, _ length: Int) -> DossierRecordChannel? {
        switch Self.word(p, length) {
        case Self.onlineWord: return .online
        case Self.directWord: return .direct
        case Self.postalWord: return .postal
        default:
            let vocabulary = context.vocabulary
            return channelCache.value(p, length) { vocabulary.channel($0) }
        }
    }

    /// Splits a line into fields (quotes allowed around a field); false when the count is wrong.
    @inline(__always)
    mutating func split(_ line: UnsafeMutablePointer<UInt8>, _ length: Int) -> Bool {
        var field = 0, p = 0
        let fields = layout.fieldCount
        let separator = layout.separator
        while field < fields {
            if p < length && line[p] == 0x22 {
                var q = p + 1
                while q < length && !(line[q] == 0x22 && (q + 1 >= length || line[q + 1] != 0x22)) { q += line[q] == 0x22 ? 2 : 1 }
                fieldStart[field] = p + 1
                fieldLength[field] = q - p - 1
                p = q + 1
            } else {
                let q = nextSeparator(line, from: p, to: length)
                fieldStart[field] = p
                fieldLength[field] = q - p
                p = q
            }
            field += 1
            // nextSeparator stops at a separator or at the end; after a quoted field, require one.
            if p < length && line[p] == separator { p += 1 } else { break }
        }
        guard field == fields && p >= length else {
            bad("\(field < fields ? "too few" : "too many") fields (expected \(fields))")
            return false
        }
        return true
    }

    /// Reads the complete lines of `count` bytes at `buffer` (each ended by a newline); returns
    /// where the unfinished rest begins.
    @inline(__always)
    mutating func lines(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        var lineStart = 0
        while lineStart < count, let newline = memchr(buffer + lineStart, 0x0A, count - lineStart) {
            let end = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            line(buffer + lineStart, end - lineStart)
            lineStart = end + 1
        }
        return lineStart
    }

    /// Reads one line (without its newline).
    @inline(__always)
    mutating func line(_ line: UnsafeMutablePointer<UInt8>, _ rawLength: Int) {
        result.lines += 1
        var length = rawLength
        if length > 0 && line[length - 1] == 0x0D { length -= 1 }
        if length == 0 { return }
        if context.options.strict && result.bad > 0 { return }
        guard split(line, length) else { return }
        let base = UnsafePointer(line)
        @inline(__always) func date(_ column: Int) -> Int? { RecordDates.packed(base + fieldStart[column], fieldLength[column]) }
        guard let received = date(layout.received) else {
            return bad("received_date '\(text(base, layout.received))' is not a date (yyyy-mm-dd or dd/mm/yyyy)")
        }
        guard RecordPeriods.inRange(received) else { return bad("received_date '\(text(base, layout.received))' is outside 1990–2099") }
        let unitPointer = base + fieldStart[layout.unit], unitLength = fieldLength[layout.unit]
        if unitLength == 0 { return bad("unit is empty") }
        guard var status = status(base + fieldStart[layout.status], fieldLength[layout.status]) else {
            let value = text(base, layout.status)
            unknownValue("status", value)
            return bad("status '\(value)' is not known (docs/dossiers.md lists the statuses; a map file adds others)")
        }
        var channelSlot = -1
        if layout.channel >= 0 {
            guard let channel = channel(base + fieldStart[layout.channel], fieldLength[layout.channel]) else {
                let value = text(base, layout.channel)
                unknownValue("channel", value)
                return bad("channel '\(value)' is not known (online, direct, postal or their Vietnamese names)")
            }
            channelSlot = channel == .online ? Self.online : channel == .direct ? Self.direct : Self.postal
        }
        var finished: Int? = nil
        if fieldLength[layout.finished] > 0 {
            guard let day = date(layout.finished) else { return bad("finished_date '\(text(base, layout.finished))' is not a date") }
            finished = day
        }
        // A dossier without a due date (a procedure with no time limit) is never late or overdue.
        var due = Int(Int32.max)
        if fieldLength[layout.due] > 0 {
            guard let day = date(layout.due) else { return bad("due_date '\(text(base, layout.due))' is not a date") }
            due = day
        }
        if let asOf = context.asOf {
            if received > asOf { result.afterAsOf += 1; return }
            // Finished after the as-of date: still open then.
            if let day = finished, day > asOf { finished = nil; status = .pending }
        }
        let isOpen = status == .pending || status == .paused
        if let day = finished {
            if byPeriod && isOpen { return bad("a \(status.rawValue) dossier has a finished_date (\(text(base, layout.finished)))") }
            if day < received { return bad("finished_date \(text(base, layout.finished)) is before received_date \(text(base, layout.received))") }
            guard RecordPeriods.inRange(day) else { return bad("finished_date '\(text(base, layout.finished))' is outside 1990–2099") }
        } else if byPeriod && !isOpen {
            return bad("a \(status.rawValue) dossier has no finished_date, so its period is unknown")
        }
        // Timing: from the dates when the status does not say it; a stated timing is kept, and
        // counted when the dates say otherwise.
        switch status {
        case .resolved:
            guard let day = finished, due != Int(Int32.max) else { return bad("a resolved dossier needs finished_date and due_date to tell whether it was on time") }
            status = day < due ? .early : day == due ? .onTime : .late
        case .early, .onTime, .late:
            if let day = finished, due != Int(Int32.max) {
                let fromDates: DossierRecordStatus = day < due ? .early : day == due ? .onTime : .late
                if fromDates != status {
                    result.timingConflicts.count += 1
                    if result.timingConflicts.lines.count < 3 { result.timingConflicts.lines.append(result.lines) }
                }
            }
        default: break
        }
        let outcome: Int
        switch status {
        case .early: outcome = Self.early
        case .onTime: outcome = Self.onTime
        case .late: outcome = Self.late
        case .withdrawn: outcome = Self.withdrawn
        case .rejected: outcome = Self.rejected
        case .paused: outcome = Self.paused
        default: outcome = Self.pending
        }
        if received < result.earliest { result.earliest = received }
        let newest = max(received, finished ?? 0)
        if newest > result.latest { result.latest = newest }
        result.records += 1
        var code = 0
        var numeric = unitLength <= 3
        for k in 0..<unitLength {
            let d = Int(unitPointer[k]) &- 48
            if d < 0 || d > 9 { numeric = false; break }
            code = code &* 10 &+ d
        }
        let unitId = dense && numeric && code < S.unitCodes ? code : sparseUnit(base: base, numeric: numeric, code: code)
        let receivedOffset = periods.offset(received)
        var slot = group(unitId, receivedOffset)
        slot[Self.received] &+= 1
        if channelSlot >= 0 { slot[channelSlot] &+= 1 }
        let groupId = currentGroup
        guard byPeriod else {
            slot[outcome] &+= 1
            if status == .pending { result.open.append((groupId, Int32(clamping: due))) }
            return
        }
        switch (finished, status) {
        case (nil, .paused):
            slot[Self.paused] &+= 1
        case (nil, _):
            result.open.append((groupId, Int32(clamping: due)))
        case let (day?, _):
            let finishedOffset = periods.offset(day)
            if finishedOffset != receivedOffset { slot = group(unitId, finishedOffset) }
            slot[outcome] &+= 1
            // Open, and past due, at the end of every period from the first that ends after the
            // due date to the one before it was finished.
            let overdueStart = max(receivedOffset, due == Int(Int32.max) ? span : periods.clampedOffset(RecordDates.nextDay(due)))
            if overdueStart < finishedOffset {
                slot[Self.overdueUntil] &+= 1
                group(unitId, overdueStart)[Self.overdueFrom] &+= 1
            }
        }
    }

    /// The group of the last `group(_:_:)` call: dense index ≥ 0, or −(sparse index + 1).
    var currentGroup = 0
    /// The agency and procedure ids of the current row on the sparse path (0 when not broken down).
    var agencyId = 0, procedureId = 0
    /// The sparse groups' counters, `slotCount` per group, grown by doubling.
    var sparseCounts: UnsafeMutablePointer<Int32>
    var sparseCapacity = 0

    /// The counters of a unit's period (sets `currentGroup`).
    @inline(__always)
    mutating func group(_ unitId: Int, _ periodOffset: Int) -> UnsafeMutablePointer<Int32> {
        if dense && unitId >= 0 && unitId < S.unitCodes {
            currentGroup = unitId * span + periodOffset
            return counts + currentGroup * Self.slotCount
        }
        let key = GroupKey(unit: unitId, period: periodOffset, agency: agencyId, procedure: procedureId)
        let index: Int
        if let existing = result.sparseIndex[key] {
            index = existing
        } else {
            index = result.sparseKeys.count
            result.sparseIndex[key] = index
            result.sparseKeys.append(key)
            if index == sparseCapacity {
                let grown = UnsafeMutablePointer<Int32>.allocate(capacity: max(64, sparseCapacity * 2) * Self.slotCount)
                grown.initialize(repeating: 0, count: max(64, sparseCapacity * 2) * Self.slotCount)
                grown.update(from: sparseCounts, count: sparseCapacity * Self.slotCount)
                sparseCounts.deallocate()
                sparseCounts = grown
                sparseCapacity = max(64, sparseCapacity * 2)
            }
        }
        currentGroup = -(index + 1)
        return sparseCounts + index * Self.slotCount
    }

    /// The id of a unit on the sparse path (named units, or a breakdown by agency or procedure),
    /// with the row's agency and procedure ids set.
    mutating func sparseUnit(base: UnsafePointer<UInt8>, numeric: Bool, code: Int) -> Int {
        let unitPointer = base + fieldStart[layout.unit], unitLength = fieldLength[layout.unit]
        var unitId = code
        if !numeric || code >= S.unitCodes {
            unitId = -Int(truncatingIfNeeded: S.hash(unitPointer, unitLength, seed: 1) & 0x3FFF_FFFF_FFFF_FFFF) - 1
            if result.unitNames[unitId] == nil { result.unitNames[unitId] = String(decoding: UnsafeBufferPointer(start: unitPointer, count: unitLength), as: UTF8.self) }
        }
        func named(_ column: Int, seed: UInt64) -> Int {
            guard column >= 0 else { return 0 }
            let pointer = base + fieldStart[column], count = fieldLength[column]
            let h = S.hash(pointer, count, seed: seed)
            if result.names[h] == nil { result.names[h] = String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self) }
            return Int(truncatingIfNeeded: h)
        }
        agencyId = context.options.byAgency ? named(layout.agency, seed: 2) : 0
        procedureId = context.options.byProcedure ? named(layout.procedure, seed: 3) : 0
        return unitId
    }
}

/// Values looked up by the bytes of a field, for the few distinct spellings a status or channel
/// column has: each spelling goes through `lookup` once, then is found by its length and first
/// and last eight bytes, confirmed with `memcmp` (fields lie in buffers with padding to read).
struct ByteTable<Value> {
    private var entries: [(key: UInt64, bytes: [UInt8], value: Value)] = []
    /// Beyond this many spellings (a column of free text), lookups are not remembered.
    private static var capacity: Int { 256 }

    @inline(__always)
    mutating func value(_ p: UnsafePointer<UInt8>, _ length: Int, lookup: (String) -> Value) -> Value {
        let raw = UnsafeRawPointer(p)
        let first = raw.loadUnaligned(as: UInt64.self) & (length >= 8 ? UInt64.max : (1 << UInt64(length * 8)) &- 1)
        let last = length >= 8 ? raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) : 0
        let key = first ^ (last &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length)
        for entry in entries where entry.key == key && entry.bytes.count == length {
            if length == 0 || entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, length) }) == 0 { return entry.value }
        }
        let bytes = Array(UnsafeBufferPointer(start: p, count: length))
        let value = lookup(String(decoding: bytes, as: UTF8.self))
        if entries.count < Self.capacity { entries.append((key, bytes, value)) }
        return value
    }
}
