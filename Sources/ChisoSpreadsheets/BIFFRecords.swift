/// A BIFF record cut short or pointing outside its stream.
struct BIFFDamage: Error {
    let reason: String
}

/// One record of a BIFF8 stream ([MS-XLS] 2.1.4): its type and its data, with the data of the
/// CONTINUE records that follow it as further segments.
struct BIFFRecord {
    let type: UInt16
    /// Where the record starts in the stream.
    let offset: Int
    let segments: [ArraySlice<UInt8>]

    /// The record's own data, without continuations.
    var data: ArraySlice<UInt8> { segments[0] }
    var cursor: BIFFCursor { BIFFCursor(segments: segments) }
}

/// The records of a BIFF8 stream from a position on.
struct BIFFRecords: IteratorProtocol {
    static let continueType: UInt16 = 0x003C
    private let stream: [UInt8]
    private var position: Int

    init(_ stream: [UInt8], from position: Int) {
        self.stream = stream
        self.position = position
    }

    /// The next record, or nil at the end of the stream; a record whose length runs past the end
    /// of the stream ends it (the tail of a damaged file).
    mutating func next() -> BIFFRecord? {
        guard let (type, first) = take() else { return nil }
        let offset = position - 4 - first.count
        var segments = [first]
        while position + 4 <= stream.count, u16(position) == Self.continueType, let (_, more) = take() { segments.append(more) }
        return BIFFRecord(type: type, offset: offset, segments: segments)
    }

    private mutating func take() -> (UInt16, ArraySlice<UInt8>)? {
        guard position + 4 <= stream.count else { return nil }
        let type = u16(position), length = Int(u16(position + 2))
        guard position + 4 + length <= stream.count else { return nil }
        let data = stream[(position + 4)..<(position + 4 + length)]
        position += 4 + length
        return (type, data)
    }

    private func u16(_ i: Int) -> UInt16 { UInt16(stream[i]) | UInt16(stream[i + 1]) << 8 }
}

/// Reads a record's data across its CONTINUE segments. Numbers and skipped bytes run on from one
/// segment into the next; the characters of a string that continues in a new segment start with
/// a new option byte saying whether they are one byte or two ([MS-XLS] 2.5.293).
struct BIFFCursor {
    private let segments: [ArraySlice<UInt8>]
    private var segment = 0
    private var index: Int

    init(segments: [ArraySlice<UInt8>]) {
        self.segments = segments
        index = segments[0].startIndex
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { segment == segments.count - 1 && index >= segments[segment].endIndex }

    mutating func u8() throws(BIFFDamage) -> UInt8 {
        while index >= segments[segment].endIndex {
            guard segment + 1 < segments.count else { throw BIFFDamage(reason: "a record ends early") }
            segment += 1
            index = segments[segment].startIndex
        }
        defer { index += 1 }
        return segments[segment][index]
    }

    mutating func u16() throws(BIFFDamage) -> UInt16 { UInt16(try u8()) | UInt16(try u8()) << 8 }
    mutating func u32() throws(BIFFDamage) -> UInt32 { UInt32(try u16()) | UInt32(try u16()) << 16 }
    mutating func u64() throws(BIFFDamage) -> UInt64 { UInt64(try u32()) | UInt64(try u32()) << 32 }

    mutating func skip(_ count: Int) throws(BIFFDamage) {
        var left = count
        while left > 0 {
            if index >= segments[segment].endIndex {
                guard segment + 1 < segments.count else { throw BIFFDamage(reason: "a record ends early") }
                segment += 1
                index = segments[segment].startIndex
                continue
            }
            let step = min(left, segments[segment].endIndex - index)
            index += step
            left -= step
        }
    }

    /// A string with a 1- or 2-byte character count (ShortXLUnicodeString, XLUnicodeString) or the
    /// rich, extended form of the shared strings (XLUnicodeRichExtendedString), without its
    /// formatting runs and phonetic data.
    mutating func string(countBytes: Int, rich: Bool = false) throws(BIFFDamage) -> String {
        let count = countBytes == 1 ? Int(try u8()) : Int(try u16())
        let options = try u8()
        var runs = 0, extended = 0
        if rich && options & 0x08 != 0 { runs = Int(try u16()) }
        if rich && options & 0x04 != 0 { extended = Int(try u32()) }
        let text = try characters(count, wide: options & 0x01 != 0)
        try skip(4 * runs)
        try skip(extended)
        return text
    }

    /// `count` characters, one byte each (Latin-1: the high byte is zero) or two (UTF-16LE).
    private mutating func characters(_ count: Int, wide: Bool) throws(BIFFDamage) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(min(count, 1 << 16))
        var wide = wide
        while units.count < count {
            if index >= segments[segment].endIndex {
                guard segment + 1 < segments.count else { throw BIFFDamage(reason: "a string ends early") }
                segment += 1
                index = segments[segment].startIndex
                wide = try u8() & 0x01 != 0
                continue
            }
            units.append(wide ? try u16() : UInt16(try u8()))
        }
        return String(decoding: units, as: UTF16.self)
    }
}
