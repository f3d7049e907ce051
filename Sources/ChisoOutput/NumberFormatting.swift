import ChisoCore
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

    /// A value in full precision: the shortest text that reads back as the same `Double`, with
    /// no exponent (`DecimalText.shortest`), for CSV and JSON.
    public func full(_ value: Double) -> String {
        let text = DecimalText.shortest(value)
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
