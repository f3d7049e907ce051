import ChisoCore
import Foundation

/// The periods a report's text names: "6 tháng đầu năm 2023" → 2023-H1, "quý II/2024" →
/// 2024-Q2, "tháng 8/2021" and "tháng 10-2020" → months, "năm 2023" → 2023. A period after
/// "so với" is the one compared with, not the one a figure is of.
enum ReportPeriods {
    static let romanQuarters = ["I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4]

    static let regexes: [NSRegularExpression] = [
        #"6 tháng (đầu|cuối) năm (\d{4})"#,
        #"quý (IV|III|II|I|[1-4])\s*(?:/|năm|-)\s*(\d{4})"#,
        // Not the date of a document ("ngày 09 tháng 01 năm 2023").
        #"(?<!ngày \d\d )(?<!ngày \d )tháng (\d{1,2})\s*(?:/|năm|-)\s*(\d{4})"#,
        #"năm (\d{4})"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// Every period `text` names, with its UTF-16 position and whether it is a comparison.
    static func mentions(in text: String) -> [(position: Int, period: Period, comparison: Bool)] {
        let ns = text as NSString
        let builders: [(NSTextCheckingResult) -> Period?] = [
            { m in
                let half = ns.substring(with: m.range(at: 1)).lowercased() == "đầu" ? 1 : 2
                return Int(ns.substring(with: m.range(at: 2))).map { .half($0, half) } },
            { m in
                Int(ns.substring(with: m.range(at: 2))).flatMap { y in romanQuarters[ns.substring(with: m.range(at: 1)).uppercased()].map { .quarter(y, $0) } } },
            { m in
                guard let month = Int(ns.substring(with: m.range(at: 1))), (1...12).contains(month), let year = Int(ns.substring(with: m.range(at: 2))) else { return nil }
                return .month(year, month) },
            { m in Int(ns.substring(with: m.range(at: 1))).map(Period.year) },
        ]
        var found: [(position: Int, length: Int, period: Period, comparison: Bool)] = []
        for (regex, build) in zip(regexes, builders) {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                guard let period = build(match) else { continue }
                // A span already read by a more specific pattern (listed first) is not read again.
                if found.contains(where: { NSIntersectionRange(NSRange(location: $0.position, length: $0.length), match.range).length > 0 }) { continue }
                let before = ns.substring(to: match.range.location).lowercased().suffix(20)
                let comparison = before.contains("so với") || before.hasSuffix("hơn ") || before.contains("cùng kỳ")
                found.append((match.range.location, match.range.length, period, comparison))
            }
        }
        return found.sorted { $0.position < $1.position }.map { ($0.position, $0.period, $0.comparison) }
    }

    /// The first period a text names, comparisons aside.
    static func first(in text: String) -> Period? {
        mentions(in: text).first { !$0.comparison }?.period
    }
}
