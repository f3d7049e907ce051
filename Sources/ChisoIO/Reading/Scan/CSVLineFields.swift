import Foundation

/// The fields of one line of CSV bytes, found in one pass: RFC 4180 quotes on one line, the
/// separator, CRLF, UTF-8 checked. What only the general tokenizer reads (a quoted line break, a
/// stray quote, a lone carriage return, too few fields, text past the header's fields) is
/// reported, never guessed. Its buffers are freed by `deallocate`.
struct CSVLineFields {
    /// What a line held.
    enum Line {
        /// Fields, found; the next line starts at `next`.
        case fields(next: Int)
        /// An empty line.
        case blank(next: Int)
        /// Something only the general reader reads.
        case needsGeneralReader
    }

    let separator: UInt8
    let fieldCount: Int
    /// Start, length and whether it holds doubled quotes, of each field of the current line.
    let starts: UnsafeMutablePointer<Int>
    let lengths: UnsafeMutablePointer<Int>
    let escaped: UnsafeMutablePointer<Bool>
    /// 1 for the bytes that end an ordinary run inside a line: the separator, a quote, a
    /// carriage return, and the start of a multi-byte character.
    private let special: UnsafeMutablePointer<UInt8>

    init(separator: UInt8, fieldCount: Int) {
        self.separator = separator
        self.fieldCount = fieldCount
        starts = .allocate(capacity: fieldCount)
        lengths = .allocate(capacity: fieldCount)
        escaped = .allocate(capacity: fieldCount)
        special = .allocate(capacity: 256)
        for b in 0..<256 { special[b] = b >= 0x80 || b == 0x22 || b == 0x0D || b == Int(separator) ? 1 : 0 }
    }

    func deallocate() {
        starts.deallocate()
        lengths.deallocate()
        escaped.deallocate()
        special.deallocate()
    }

    /// Splits each line of [from, to) (`from` is a line start) and calls `body` with the line's
    /// number counted from 0 and whether it holds fields (else it is blank), until `body` returns
    /// false or a line needs the general reader.
    /// - Returns: the lines read, and whether a line needs the general reader.
    func forEachLine(_ base: UnsafePointer<UInt8>, from: Int, to: Int, _ body: (_ line: Int, _ hasFields: Bool) -> Bool) -> (lines: Int, needsGeneralReader: Bool) {
        var position = from
        var line = 0
        while position < to {
            switch split(base, from: position, to: to) {
            case let .fields(next):
                position = next
                guard body(line, true) else { return (line + 1, false) }
            case let .blank(next):
                position = next
                guard body(line, false) else { return (line + 1, false) }
            case .needsGeneralReader:
                return (line + 1, true)
            }
            line += 1
        }
        return (line, false)
    }

    /// Splits the line at `start` (fields, quotes and UTF-8 checked in one pass over its bytes:
    /// a chunk starts at a line start, so no character spans two chunks).
    func split(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Line {
        let newline = memchr(base + start, 0x0A, end - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
        let next = min(newline + 1, end)
        var contentEnd = newline
        if contentEnd > start && base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        let separator = self.separator
        var field = 0
        var fieldStart = start
        var i = start
        var hasEscapes = false
        var quoteEnd = -1
        while true {
            // Ordinary bytes are skipped on one table lookup.
            while i < contentEnd && special[Int(base[i])] == 0 { i += 1 }
            if i < contentEnd {
                let b = base[i]
                if b >= 0x80 {
                    guard let length = Validation.sequenceLength(base, at: i, end: contentEnd) else { return .needsGeneralReader }
                    i += length
                    continue
                }
                if b == 0x0D { return .needsGeneralReader }
                if b == 0x22 {
                    // A quoted field: the quote opens the field, and closes it before a separator or the line end.
                    guard i == fieldStart else { return .needsGeneralReader }
                    var q = i + 1
                    while true {
                        guard q < contentEnd else { return .needsGeneralReader }
                        let c = base[q]
                        if c == 0x22 {
                            if q + 1 < contentEnd && base[q + 1] == 0x22 { hasEscapes = true; q += 2; continue }
                            break
                        }
                        if c == 0x0D { return .needsGeneralReader }
                        if c >= 0x80 {
                            guard let length = Validation.sequenceLength(base, at: q, end: contentEnd) else { return .needsGeneralReader }
                            q += length
                            continue
                        }
                        q += 1
                    }
                    quoteEnd = q
                    i = q + 1
                    guard i == contentEnd || base[i] == separator else { return .needsGeneralReader }
                    continue
                }
                // b is the separator.
            }
            // The end of a field.
            let (first, last) = quoteEnd >= 0 ? (fieldStart + 1, quoteEnd) : (fieldStart, i)
            if field < fieldCount {
                starts[field] = first
                lengths[field] = last - first
                escaped[field] = hasEscapes
            } else if Self.trim(base + first, last - first).1 > 0 || hasEscapes {
                // Fields past the header are tolerated only when empty (a trailing separator).
                return .needsGeneralReader
            }
            field += 1
            hasEscapes = false
            if i >= contentEnd {
                if field == 1 && lengths[0] == 0 && quoteEnd < 0 { return .blank(next: next) }
                return field < fieldCount ? .needsGeneralReader : .fields(next: next)
            }
            quoteEnd = -1
            i += 1
            fieldStart = i
        }
    }

    /// Field `column` of the current line without leading and trailing spaces and tabs.
    @inline(__always)
    func trimmed(_ base: UnsafePointer<UInt8>, _ column: Int) -> (UnsafePointer<UInt8>, Int) {
        Self.trim(base + starts[column], lengths[column])
    }

    /// The field without leading and trailing spaces and tabs.
    @inline(__always)
    static func trim(_ p: UnsafePointer<UInt8>, _ length: Int) -> (UnsafePointer<UInt8>, Int) {
        var start = 0, end = length
        while start < end && (p[start] == 0x20 || p[start] == 0x09) { start += 1 }
        while end > start && (p[end - 1] == 0x20 || p[end - 1] == 0x09) { end -= 1 }
        return (p + start, end - start)
    }

    /// The field as `TabularFile.field` gives it: quotes undone, trimmed.
    func text(_ p: UnsafePointer<UInt8>, _ column: Int) -> String {
        var text = String(decoding: UnsafeBufferPointer(start: p + starts[column], count: lengths[column]), as: UTF8.self)
        if escaped[column] { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        return text.trimmingSpaces
    }

    /// What a numeric cell holds.
    enum NumericCell {
        /// Nothing.
        case empty
        /// A marker of no data ("KCDL", "-", "N/A"), as written.
        case marker(String)
        /// A number or not, with what it says about the decimal separator and its value under
        /// the convention asked for (nil when not a number under it).
        case reading(ByteNumber.Reading)
    }

    /// Field `column` read as a number under `convention`: from its bytes when plain, else from
    /// its text by `NumberSyntax`.
    func number(_ base: UnsafePointer<UInt8>, _ column: Int, convention: DecimalSeparator) -> NumericCell {
        let (trimmed, count) = trimmed(base, column)
        if count == 0 { return .empty }
        if !escaped[column], let fast = ByteNumber.read(trimmed, count, convention: convention) { return .reading(fast) }
        let cell = text(base, column)
        if NumberSyntax.isMissing(cell) { return cell.isEmpty ? .empty : .marker(cell) }
        return .reading(ByteNumber.Reading(evidence: NumberSyntax.evidenceFromText(cell), value: NumberSyntax.parseFromText(cell, decimal: convention)))
    }
}
