import ChisoCore

/// CSV written field by field into bytes: RFC 4180 quoting, text cells made inert for
/// spreadsheets (`FormulaNeutralizing`), numbers in their shortest exact form with the decimal
/// separator of `NumberStyle`. The one CSV encoder: `TableWriter` writes tables with it, and large
/// results write their rows with it directly.
public struct CSVBytes: Sendable {
    /// The bytes written are `storage[..<count]`; the rest is room, so that a field is written in
    /// place through one pointer instead of byte by byte.
    private var storage: [UInt8]
    private var count = 0
    /// `;` with decimal commas, else `,`.
    public let separator: UInt8
    private let decimalComma: Bool
    private var atRowStart = true

    public init(numbers: NumberStyle, capacity: Int = 0) {
        decimalComma = numbers.decimalComma
        separator = numbers.decimalComma ? 0x3B : 0x2C
        storage = [UInt8](repeating: 0, count: max(capacity, 256))
    }

    /// The bytes written so far.
    public var bytes: [UInt8] { Array(storage[..<count]) }

    /// The bytes written, handed over without a copy.
    public consuming func finish() -> [UInt8] {
        storage.removeSubrange(count...)
        return storage
    }

    /// Writes at most `length` bytes in place: `body` writes them at the pointer it is given and
    /// returns how many it wrote.
    @inline(__always)
    private mutating func write(atMost length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + length > storage.count { storage.append(contentsOf: repeatElement(0, count: max(length, storage.count))) }
        let start = count
        count += storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
    }

    /// The separator before a field, unless the field starts its row.
    @inline(__always)
    private mutating func startField() -> Int {
        if atRowStart {
            atRowStart = false
            return 0
        }
        return 1
    }

    /// A text cell.
    public mutating func text(_ text: String) {
        append(encoded: Self.encoded(text, separator: separator))
    }

    /// A text cell already encoded by `encoded(_:separator:)` (a name written on many rows).
    public mutating func append(encoded field: [UInt8]) {
        field.withUnsafeBufferPointer { append(encoded: $0) }
    }

    /// A text cell already encoded, from memory the caller keeps (no reference counting per cell).
    public mutating func append(encoded field: UnsafeBufferPointer<UInt8>) {
        let skip = startField(), separator = separator
        write(atMost: skip + field.count) { out in
            if skip == 1 { out[0] = separator }
            if let base = field.baseAddress { (out + skip).update(from: base, count: field.count) }
            return skip + field.count
        }
    }

    /// The bytes of a text cell: inert, and quoted when it holds the separator, a quote or a line break.
    public static func encoded(_ text: String, separator: UInt8) -> [UInt8] {
        let inert = FormulaNeutralizing.inert(text)
        let needsQuotes = inert.utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return Array(inert.utf8) }
        var field: [UInt8] = [0x22]
        for byte in inert.utf8 {
            if byte == 0x22 { field.append(0x22) }
            field.append(byte)
        }
        field.append(0x22)
        return field
    }

    /// A number in full precision (`DecimalText.shortest`).
    public mutating func number(_ value: Double) {
        let skip = startField(), separator = separator, decimalComma = decimalComma
        var uncommon = false
        write(atMost: skip + DecimalText.longestCommon) { out in
            if skip == 1 { out[0] = separator }
            guard let length = DecimalText.writeCommon(value, to: out + skip) else {
                uncommon = true
                return skip
            }
            if decimalComma {
                for i in skip..<(skip + length) where out[i] == 0x2E { out[i] = 0x2C }
            }
            return skip + length
        }
        if uncommon {
            var text = Array(DecimalText.uncommon(value).utf8)
            if decimalComma {
                for i in text.indices where text[i] == 0x2E { text[i] = 0x2C }
            }
            text.withUnsafeBufferPointer { text in write(atMost: text.count) { out in out.update(from: text.baseAddress!, count: text.count); return text.count } }
        }
    }

    /// An integer.
    public mutating func integer(_ value: Int) {
        let skip = startField(), separator = separator
        write(atMost: skip + DecimalText.longestCommon) { out in
            if skip == 1 { out[0] = separator }
            return skip + DecimalText.writeInteger(Int64(value), to: out + skip)
        }
    }

    /// An empty cell.
    public mutating func missing() {
        let skip = startField(), separator = separator
        write(atMost: skip) { out in
            if skip == 1 { out[0] = separator }
            return skip
        }
    }

    /// Ends the row.
    public mutating func endRow() {
        write(atMost: 1) { out in
            out[0] = 0x0A
            return 1
        }
        atRowStart = true
    }
}
