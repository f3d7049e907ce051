import Foundation

/// How numbers are written.
public struct NumberStyle: Sendable, Equatable {
    /// Write `93,36` instead of `93.36` (Vietnamese documents).
    public var decimalComma: Bool

    public init(decimalComma: Bool = false) {
        self.decimalComma = decimalComma
    }

    /// A value with a fixed number of decimals, for reading on screen.
    public func fixed(_ value: Double, precision: Int) -> String {
        var text = String(format: "%.\(precision)f", value)
        if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A value in full precision: the shortest text that reads back as the same `Double`
    /// (integers without a fractional part), for CSV and JSON.
    public func full(_ value: Double) -> String {
        var text: String
        if value == value.rounded() && abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
        if decimalComma { text = text.replacingOccurrences(of: ".", with: ",") }
        return text
    }
}
