import ChisoCore
import Foundation

/// The language of a report.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case vi, en
}

/// Numbers and periods as a report writes them: Vietnamese "1.245", "85,5%", "6 tháng đầu năm
/// 2023"; English "1,245", "85.5%", "the first half of 2023".
public struct ReportFormat: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// A whole count with its thousands grouped.
    public func count(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(language == .vi ? "." : ",") }
            grouped.append(digit)
        }
        return (whole < 0 ? "-" : "") + grouped
    }

    /// A decimal with at most `decimals` places, trailing zeros dropped (89,72; 85,5; 100).
    public func decimal(_ value: Double, decimals: Int = 2) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A percentage to one decimal: 85,5%.
    public func percent(_ value: Double) -> String { decimal(value, decimals: 1) + "%" }

    /// The value a percentage is written with, read back: what the text states.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// "6 tháng đầu năm 2023", "quý II năm 2024", "tháng 6 năm 2024", "năm 2023".
    public func period(_ period: Period) -> String {
        let roman = ["I", "II", "III", "IV"]
        switch (language, period.kind) {
        case (.vi, .half): return "6 tháng \(period.subdivision == 1 ? "đầu" : "cuối") năm \(period.year)"
        case (.vi, .quarter): return "quý \(roman[period.subdivision - 1]) năm \(period.year)"
        case (.vi, .month): return "tháng \(period.subdivision) năm \(period.year)"
        case (.vi, .year): return "năm \(period.year)"
        case (.en, .half): return "the \(period.subdivision == 1 ? "first" : "second") half of \(period.year)"
        case (.en, .quarter): return "Q\(period.subdivision) \(period.year)"
        case (.en, .month): return "\(DateFormatter().monthSymbols[period.subdivision - 1]) \(period.year)"
        case (.en, .year): return "\(period.year)"
        }
    }

    /// The same period a year earlier.
    public static func yearBefore(_ period: Period) -> Period {
        switch period.kind {
        case .half: return .half(period.year - 1, period.subdivision)
        case .quarter: return .quarter(period.year - 1, period.subdivision)
        case .month: return .month(period.year - 1, period.subdivision)
        case .year: return .year(period.year - 1)
        }
    }

    /// "tăng 120", "giảm 3", "không đổi" (the unit follows in the template).
    public func change(_ delta: Double, decimals: Int = 2, counts: Bool = false) -> String {
        let amount = counts ? count(abs(delta)) : decimal(abs(delta), decimals: decimals)
        if abs(delta) < 0.5 * pow(10, -Double(decimals)) && !counts || counts && delta.rounded() == 0 {
            return language == .vi ? "không đổi" : "unchanged"
        }
        switch language {
        case .vi: return (delta > 0 ? "tăng " : "giảm ") + amount
        case .en: return (delta > 0 ? "up " : "down ") + amount
        }
    }
}
