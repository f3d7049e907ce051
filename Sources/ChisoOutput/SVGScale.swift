import ChisoCore
import Foundation

/// A linear map from data values to pixels, with "nice" ticks (1, 2 or 5 × 10ᵏ).
struct LinearScale {
    let domain: ClosedRange<Double>
    /// The pixel positions of the domain's start and end (end may be smaller: a y axis grows upward).
    let range: (start: Double, end: Double)

    /// A scale whose domain is widened to nice tick values around `low…high`.
    init(low: Double, high: Double, range: (Double, Double), includeZero: Bool) {
        var low = includeZero ? min(0, low) : low, high = includeZero ? max(0, high) : high
        if low == high { low -= 1; high += 1 }
        let step = Self.niceStep((high - low) / 5)
        domain = (low / step).rounded(.down) * step...(high / step).rounded(.up) * step
        self.range = range
    }

    func callAsFunction(_ x: Double) -> Double {
        range.start + (x - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (range.end - range.start)
    }

    /// Tick values from the domain's start to its end.
    var ticks: [Double] {
        let step = Self.niceStep((domain.upperBound - domain.lowerBound) / 5)
        return stride(from: domain.lowerBound, through: domain.upperBound + step / 2, by: step).map { ($0 / step).rounded() * step }
    }

    static func niceStep(_ rough: Double) -> Double {
        let power = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / power
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
    }
}

/// SVG text helpers.
enum SVG {
    static func number(_ x: Double) -> String { String(format: "%.1f", x) }

    /// A tick label: no trailing zeros.
    static func label(_ x: Double) -> String {
        let text = String(format: "%.4g", x)
        return text == "-0" ? "0" : text
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Int = 11, weight: String = "normal", rotate: Bool = false) -> String {
        let transform = rotate ? " transform=\"rotate(-90 \(number(x)) \(number(y)))\"" : ""
        return "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" font-weight=\"\(weight)\"\(transform)>\(xmlEscaped(s))</text>"
    }

    static let palette = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac", "#eeca3b"]
}
