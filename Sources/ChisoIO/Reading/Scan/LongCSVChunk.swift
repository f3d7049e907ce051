import ChisoCore
import Foundation

/// The columns of a long CSV file and how to read them, shared by the workers.
struct LongScanPlan: Sendable {
    let separator: UInt8
    let fieldCount: Int
    let unit: Int, indicator: Int, value: Int
    /// The period column; nil when every row has `fallbackPeriod`.
    let period: Int?
    let fallbackPeriod: Period?
    let rank: Int?, maximum: Int?, source: Int?, rankSource: Int?, note: Int?
    let filter: PanelFilter
    let convention: DecimalSeparator
}

/// What one worker read from its lines. Numbers of units, indicators and periods are the
/// worker's own; the merge renumbers them in file order.
struct LongScanChunk: Sendable {
    var units: [String] = []
    var indicators: [String] = []
    var periods: [Period] = []
    /// Kept rows: the worker's numbers, the value, and the line counted from the chunk's first (0).
    var unit: [Int32] = []
    var indicator: [Int32] = []
    var period: [Int32] = []
    var value: [Double] = []
    var line: [Int32] = []
    var provenance: [(row: Int, provenance: CellProvenance)] = []
    /// Lines in the chunk, blank ones among them, and data rows read (kept or not).
    var lines = 0
    var rowsRead = 0
    var blankLines = 0
    var missingMarkers: [String: Int] = [:]
    /// What the numeric cells say about the decimal separator.
    var sawComma = false, sawPoint = false, sawAmbiguous = false
    /// A numeric cell that is not a number under the plan's convention.
    var invalidUnderConvention = false
    /// Something only the general reader explains (a quoted line break, a ragged row, an empty
    /// unit, a bad period or rank): the file is read again by it, for its exact message.
    var needsGeneralReader = false
}

/// Reads the lines of one chunk of a long CSV file from bytes.
struct LongCSVChunkReader {
    let plan: LongScanPlan
    var chunk = LongScanChunk()
    private var unitNames = ByteInterner()
    private var indicatorNames = ByteInterner()
    private var periodTexts = ByteInterner()
    private var keepIndicator: [Bool] = []
    private var keepPeriod: [Bool] = []
    /// Start, length and whether it holds doubled quotes, of each field of the current line
    /// (allocated for the reader's `read`, which frees them).
    private let starts: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    private let escaped: UnsafeMutablePointer<Bool>
    /// Whether rows carry more than a value (a rank, a maximum, a source, a note).
    private let hasProvenance: Bool
    /// 1 for the bytes that end an ordinary run inside a line: the separator, a quote, a
    /// carriage return, and the start of a multi-byte character.
    private let special: UnsafeMutablePointer<UInt8>

    init(plan: LongScanPlan) {
        self.plan = plan
        starts = .allocate(capacity: plan.fieldCount)
        lengths = .allocate(capacity: plan.fieldCount)
        escaped = .allocate(capacity: plan.fieldCount)
        hasProvenance = [plan.rank, plan.maximum, plan.source, plan.rankSource, plan.note].contains { $0 != nil }
        special = .allocate(capacity: 256)
        for b in 0..<256 { special[b] = b >= 0x80 || b == 0x22 || b == 0x0D || b == Int(plan.separator) ? 1 : 0 }
    }

    /// Reads the lines in [from, to) of `base`; `from` is the start of a line. The reader is
    /// used up: call once.
    mutating func read(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> LongScanChunk {
        defer {
            starts.deallocate()
            lengths.deallocate()
            escaped.deallocate()
            special.deallocate()
        }
        var position = from
        while position < to && !chunk.needsGeneralReader {
            position = line(base, from: position, to: to)
            chunk.lines += 1
        }
        return chunk
    }

    /// Reads the line at `start` (fields, quotes and UTF-8 checked in one pass over its bytes:
    /// a chunk starts at a line start, so no character spans two chunks) and returns where the
    /// next line starts.
    private mutating func line(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let newline = memchr(base + start, 0x0A, end - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
        let next = min(newline + 1, end)
        var contentEnd = newline
        if contentEnd > start && base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let separator = plan.separator
        var field = 0
        var fieldStart = start
        var i = start
        var hasEscapes = false
        var quoteEnd = -1
        func needsGeneralReader() -> Int {
            chunk.needsGeneralReader = true
            return end
        }
        while true {
            // Ordinary bytes are skipped on one table lookup.
            while i < contentEnd && special[Int(base[i])] == 0 { i += 1 }
            if i < contentEnd {
                let b = base[i]
                if b >= 0x80 {
                    guard let length = Validation.sequenceLength(base, at: i, end: contentEnd) else { return needsGeneralReader() }
                    i += length
                    continue
                }
                if b == 0x0D { return needsGeneralReader() }
                if b == 0x22 {
                    // A quoted field: the quote opens the field, and closes it before a separator or the line end.
                    guard i == fieldStart else { return needsGeneralReader() }
                    var q = i + 1
                    while true {
                        guard q < contentEnd else { return needsGeneralReader() }
                        let c = base[q]
                        if c == 0x22 {
                            if q + 1 < contentEnd && base[q + 1] == 0x22 { hasEscapes = true; q += 2; continue }
                            break
                        }
                        if c == 0x0D { return needsGeneralReader() }
                        if c >= 0x80 {
                            guard let length = Validation.sequenceLength(base, at: q, end: contentEnd) else { return needsGeneralReader() }
                            q += length
                            continue
                        }
                        q += 1
                    }
                    quoteEnd = q
                    i = q + 1
                    guard i == contentEnd || base[i] == separator else { return needsGeneralReader() }
                    continue
                }
                // b is the separator.
            }
            // The end of a field.
            let (first, last) = quoteEnd >= 0 ? (fieldStart + 1, quoteEnd) : (fieldStart, i)
            if field < plan.fieldCount {
                starts[field] = first
                lengths[field] = last - first
                escaped[field] = hasEscapes
            } else if trim(base + first, last - first).1 > 0 || hasEscapes {
                // Fields past the header are tolerated only when empty (a trailing separator).
                return needsGeneralReader()
            }
            field += 1
            hasEscapes = false
            if i >= contentEnd {
                if field == 1 && lengths[0] == 0 && quoteEnd < 0 {
                    chunk.blankLines += 1
                } else if field < plan.fieldCount {
                    return needsGeneralReader()
                } else {
                    row(base)
                }
                return next
            }
            quoteEnd = -1
            i += 1
            fieldStart = i
        }
    }

    private mutating func row(_ p: UnsafePointer<UInt8>) {
        let indicatorID = name(p, plan.indicator, isUnit: false)
        if Int(indicatorID) == keepIndicator.count { keepIndicator.append(plan.filter.keeps(indicator: chunk.indicators[Int(indicatorID)])) }
        var periodID: Int32 = 0
        if let column = plan.period {
            let (trimmed, count) = trim(p + starts[column], lengths[column])
            let (id, isNew) = periodTexts.number(trimmed, count)
            if isNew {
                guard let period = Period(parsing: text(p, column)) else { chunk.needsGeneralReader = true; return }
                chunk.periods.append(period)
                keepPeriod.append(plan.filter.keeps(period: period))
            }
            periodID = id
        } else if chunk.periods.isEmpty, let fallback = plan.fallbackPeriod {
            chunk.periods.append(fallback)
            keepPeriod.append(plan.filter.keeps(period: fallback))
        }
        chunk.rowsRead += 1
        // Rows a filter drops are read for their indicator and period only: what decides the
        // decimal separator, and any error, comes from the rows read.
        guard keepIndicator[Int(indicatorID)] && keepPeriod[Int(periodID)] else { return }
        let unit = name(p, plan.unit, isUnit: true)
        let value = number(p, plan.value)
        if hasProvenance { readProvenance(p) }
        if chunk.needsGeneralReader { return }
        chunk.unit.append(unit)
        chunk.indicator.append(indicatorID)
        chunk.period.append(periodID)
        chunk.value.append(value)
        chunk.line.append(Int32(chunk.lines))
    }

    /// The rank, maximum, source and note of a row.
    private mutating func readProvenance(_ p: UnsafePointer<UInt8>) {
        var provenance = CellProvenance()
        if let column = plan.maximum {
            let maximum = number(p, column, countsMarkers: false)
            if !maximum.isNaN { provenance.maximum = maximum }
        }
        if let column = plan.rank { provenance.publishedRank = rank(p, column) }
        guard !chunk.needsGeneralReader else { return }
        if let column = plan.source { provenance.source = nonEmptyText(p, column) }
        if let column = plan.rankSource { provenance.rankSource = nonEmptyText(p, column) }
        if let column = plan.note { provenance.note = nonEmptyText(p, column) }
        if !provenance.isEmpty { chunk.provenance.append((chunk.value.count, provenance)) }
    }

    /// The field without leading and trailing spaces and tabs.
    @inline(__always)
    private func trim(_ p: UnsafePointer<UInt8>, _ length: Int) -> (UnsafePointer<UInt8>, Int) {
        var start = 0, end = length
        while start < end && (p[start] == 0x20 || p[start] == 0x09) { start += 1 }
        while end > start && (p[end - 1] == 0x20 || p[end - 1] == 0x09) { end -= 1 }
        return (p + start, end - start)
    }

    /// The field as `TabularFile.field` gives it: quotes undone, trimmed.
    private func text(_ p: UnsafePointer<UInt8>, _ column: Int) -> String {
        var text = String(decoding: UnsafeBufferPointer(start: p + starts[column], count: lengths[column]), as: UTF8.self)
        if escaped[column] { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        return text.trimmingSpaces
    }

    private func nonEmptyText(_ p: UnsafePointer<UInt8>, _ column: Int) -> String? {
        let text = text(p, column)
        return text.isEmpty ? nil : text
    }

    /// The worker's number of a unit or indicator name; an empty name sends the file to the general reader.
    private mutating func name(_ p: UnsafePointer<UInt8>, _ column: Int, isUnit: Bool) -> Int32 {
        let (trimmed, count) = trim(p + starts[column], lengths[column])
        let (id, isNew) = isUnit ? unitNames.number(trimmed, count) : indicatorNames.number(trimmed, count)
        if isNew {
            let name = text(p, column)
            if name.isEmpty { chunk.needsGeneralReader = true }
            if isUnit { chunk.units.append(name) } else { chunk.indicators.append(name) }
        }
        return id
    }

    /// A numeric cell under the plan's convention: NaN when missing, with its evidence noted.
    private mutating func number(_ p: UnsafePointer<UInt8>, _ column: Int, countsMarkers: Bool = true) -> Double {
        let (trimmed, count) = trim(p + starts[column], lengths[column])
        if count == 0 { return .nan }
        let reading: ByteNumber.Reading
        if !escaped[column], let fast = ByteNumber.read(trimmed, count, convention: plan.convention) {
            reading = fast
        } else {
            let cell = text(p, column)
            if NumberSyntax.isMissing(cell) {
                if countsMarkers && !cell.isEmpty { chunk.missingMarkers[cell, default: 0] += 1 }
                return .nan
            }
            reading = ByteNumber.Reading(evidence: NumberSyntax.evidenceFromText(cell), value: NumberSyntax.parseFromText(cell, decimal: plan.convention))
        }
        switch reading.evidence {
        case .decided(.comma): chunk.sawComma = true
        case .decided(.point): chunk.sawPoint = true
        case .ambiguous: chunk.sawAmbiguous = true
        case .integer, .notANumber: break
        }
        guard let value = reading.value else { chunk.invalidUnderConvention = true; return .nan }
        return value
    }

    /// A published rank: nil when missing; anything but a whole number from 1 sends the file to the general reader.
    private mutating func rank(_ p: UnsafePointer<UInt8>, _ column: Int) -> Int? {
        let (trimmed, count) = trim(p + starts[column], lengths[column])
        if count == 0 { return nil }
        if !escaped[column] && count <= 9 {
            var rank = 0
            var digits = true
            for i in 0..<count {
                let d = Int(trimmed[i]) - 0x30
                if d < 0 || d > 9 { digits = false; break }
                rank = rank * 10 + d
            }
            if digits {
                if rank < 1 { chunk.needsGeneralReader = true; return nil }
                return rank
            }
        }
        let cell = text(p, column)
        if NumberSyntax.isMissing(cell) { return nil }
        guard let rank = Int(cell), rank >= 1 else { chunk.needsGeneralReader = true; return nil }
        return rank
    }
}
