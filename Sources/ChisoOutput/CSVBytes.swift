import ChisoCore

/// CSV written field by field into bytes: RFC 4180 quoting, text cells made inert for
/// spreadsheets (`FormulaNeutralizing`), numbers in their shortest exact form with the decimal
/// separator of `NumberStyle`. The one CSV encoder: `TableWriter` writes tables with it, and large
/// results write their rows with it directly.
public struct CSVBytes: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// `;` with decimal commas, else `,`.
    public let separator: UInt8
    private let decimalComma: Bool
    private var atRowStart = true

    public init(numbers: NumberStyle, capacity: Int = 0) {
        decimalComma = numbers.decimalComma
        separator = numbers.decimalComma ? 0x3B : 0x2C
        bytes.reserveCapacity(capacity)
    }

    private mutating func startField() {
        if !atRowStart { bytes.append(separator) }
        atRowStart = false
    }

    /// A text cell.
    public mutating func text(_ text: String) {
        append(encoded: Self.encoded(text, separator: separator))
    }

    /// A text cell already encoded by `encoded(_:separator:)` (a name written on many rows).
    public mutating func append(encoded field: [UInt8]) {
        startField()
        bytes += field
    }

    /// A text cell already encoded, from memory the caller keeps (no reference counting per cell).
    public mutating func append(encoded field: UnsafeBufferPointer<UInt8>) {
        startField()
        bytes.append(contentsOf: field)
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
        startField()
        let start = bytes.count
        DecimalText.appendShortest(value, to: &bytes)
        if decimalComma {
            for i in start..<bytes.count where bytes[i] == 0x2E { bytes[i] = 0x2C }
        }
    }

    /// An integer.
    public mutating func integer(_ value: Int) {
        startField()
        DecimalText.appendInteger(Int64(value), to: &bytes)
    }

    /// An empty cell.
    public mutating func missing() {
        startField()
    }

    /// Ends the row.
    public mutating func endRow() {
        bytes.append(0x0A)
        atRowStart = true
    }
}
