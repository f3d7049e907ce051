import Foundation

/// What the words right after a number say it counts.
enum NumberNoun: Equatable {
    /// hồ sơ, HS, bộ hồ sơ.
    case dossiers
    /// điểm.
    case points
    /// bậc: places in a ranking.
    case steps
    /// nhiệm vụ, công việc: tasks.
    case tasks
    /// Punctuation, a verb or a keyword: nothing said.
    case none
    /// Anything else (people, offices, services, procedures, money, time): not a figure.
    case other
}

/// A number as Vietnamese report prose writes it, with what surrounds it.
struct ReportNumber {
    var value: Double
    /// The y of "x/y".
    var maximum: Double?
    var percent: Bool
    /// Preceded by gần, hơn, trên, khoảng, xấp xỉ.
    var approximate: Bool
    /// The number with its multiplier, percent sign and noun, in the sentence (UTF-16).
    var range: NSRange
    var noun: NumberNoun
    /// The word right before the number, lower-cased.
    var previousWord: String
}

/// Finds the numbers of a sentence that can be figures: thousands dots (1.204), decimal commas
/// (93,364), "5,65 ngàn", percentages, "x/y", zero-padded counts (07); never dates (1/12/2019,
/// 2.1.2018, 10-2020), document numbers (19/BC-TTPVHCC), years, list markers ("(1)"), clock
/// times or section numbers.
enum ReportNumbers {
    static let numberPart = #"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"#
    static let token = try! NSRegularExpression(pattern:
        #"(?<![\p{L}\d.,/\-])("# + numberPart + #")(?:\s*/\s*("# + numberPart + #"))?(?![\d]|[.,/\-]\d)(\s*(?:ngàn|nghìn|triệu)(?![\p{L}]))?(\s*%)?"#)
    /// Spans that hold digits but no figure.
    static let masks: [NSRegularExpression] = [
        // Dates: 1/12/2019, 2.1.2018, 15-12-2022; month-years 8/2021, 10-2020, I/2023.
        #"(?<![\d.,/])\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}(?!\d)"#,
        #"(?<![\d.,/])\d{1,2}\s*[/\-]\s*\d{4}(?![\d,]|\.\d)"#,
        // Document numbers: 19/BC-TTPVHCC, 73 /KH-SKHCN, 59/2012/NĐ-CP.
        #"\d+(?:\s*/\s*\d+)*\s*/\s*[\p{Lu}Đ][\p{L}&\-]*"#,
        // Years standing alone: năm 2023, so với 2018 (not "2023 hồ sơ").
        #"(?<![\d.,/])(?:19|20)\d{2}(?![\d.,/]|\s*(?:hồ sơ|HS\b|bộ hồ sơ))"#,
        // List markers (1), clock times and standards (9001:2015), addresses.
        #"\(\d{1,2}\)"#, #"\d+:\d+"#, #"https?://\S+"#, #"<[^>]*>"#,
        // Section numbers at the start of a line: 1.2., 3.1.
        #"^\s*\d+(?:\.\d+)*\.\s"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.anchorsMatchLines]) }

    static let hedges = ["gần", "hơn", "trên", "khoảng", "xấp xỉ", "ước", "ước đạt", "gần như", "tới", "đến hơn"]
    /// Words before a number that make it a label, not a figure: Mức 3, nhóm 4, tháng 10, năm thứ 2.
    static let labelWords: Set<String> = ["mức", "độ", "nhóm", "tháng", "quý", "năm", "ngày", "tuần", "lần", "khoản", "điều", "khóa", "vực",
                                          "lớp", "phòng", "tầng", "mục", "phần", "chương", "thứ", "loại", "số"]

    /// The nouns that make a number a figure, and the length of each as written.
    static let figureNouns: [(word: String, noun: NumberNoun)] = [
        ("bộ hồ sơ", .dossiers), ("số hồ sơ", .dossiers), ("hồ sơ", .dossiers), ("hs", .dossiers), ("điểm", .points), ("bậc", .steps),
        ("nhiệm vụ", .tasks), ("công việc", .tasks),
    ]
    /// Words that begin a new phrase after a number, so the number has no noun ("quá hạn còn 154, chiếm …").
    static let phraseStarts: Set<String> = ["trong", "và", "là", "đạt", "chiếm", "so", "tăng", "giảm", "xếp", "đứng", "với", "của", "được",
                                            "đã", "đang", "nhưng", "thì", "còn", "gồm", "có", "tỷ", "trên", "tại"]

    /// What the text after a number says it counts, and the UTF-16 length of that noun with the
    /// spaces before it (0 when there is none).
    static func noun(after text: String) -> (noun: NumberNoun, length: Int) {
        let spaces = text.prefix { $0 == " " || $0 == "\u{00A0}" }
        let rest = text.dropFirst(spaces.count).lowercased()
        guard let first = rest.first else { return (.none, 0) }
        for (word, noun) in figureNouns where rest.hasPrefix(word) {
            let next = rest.dropFirst(word.count).first
            if word == "hs", let next, next.isLetter { continue }
            return (noun, spaces.utf16.count + word.utf16.count)
        }
        if !first.isLetter { return (.none, 0) }
        let word = rest.prefix { $0.isLetter }
        return (phraseStarts.contains(String(word)) ? .none : .other, 0)
    }

    /// The numbers of `sentence` outside the masked spans.
    static func numbers(in sentence: String) -> [ReportNumber] {
        let ns = sentence as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var masked: [NSRange] = []
        for mask in masks { masked += mask.matches(in: sentence, range: whole).map(\.range) }
        var found: [ReportNumber] = []
        for match in token.matches(in: sentence, range: whole) {
            let range = match.range
            if masked.contains(where: { NSIntersectionRange($0, range).length > 0 }) { continue }
            guard var value = number(ns.substring(with: match.range(at: 1))) else { continue }
            var maximum = match.range(at: 2).location != NSNotFound ? number(ns.substring(with: match.range(at: 2))) : nil
            if match.range(at: 3).location != NSNotFound {
                let word = ns.substring(with: match.range(at: 3)).trimmingCharacters(in: .whitespaces)
                let factor: Double = word == "triệu" ? 1_000_000 : 1000
                value *= factor
                maximum = maximum.map { $0 * factor }
            }
            let percent = match.range(at: 4).location != NSNotFound
            let end = range.location + range.length
            let after = ns.substring(with: NSRange(location: end, length: min(24, ns.length - end)))
            let (foundNoun, nounLength) = percent ? (NumberNoun.none, 0) : noun(after: after)
            var noun = foundNoun
            // A thousands dot that is a decimal point: "91.651 điểm" (a score is at most 100 or so).
            if noun == .points, !ns.substring(with: match.range(at: 1)).contains(","), value >= 1000,
               let decimal = Double(ns.substring(with: match.range(at: 1))), decimal <= 1000 {
                value = decimal
            }
            var fullRange = range
            fullRange.length += nounLength
            let before = ns.substring(to: range.location)
            let words = before.lowercased().split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "\u{00A0}" })
            var previousWord = words.last.map(String.init) ?? ""
            // The second of a list of labels: "mức độ 3, 4", "nhóm 1, 2".
            if previousWord.hasSuffix(","), previousWord.dropLast().allSatisfy(\.isNumber), words.count >= 2,
               labelWords.contains(String(words[words.count - 2])) {
                previousWord = String(words[words.count - 2])
            }
            // "Mức 3", "nhóm 4", "tháng 10", "năm thứ 2": a label, unless it counts dossiers or
            // points or is a percentage ("ở mức 99,7%").
            if labelWords.contains(previousWord) && noun != .dossiers && noun != .points && !percent {
                if previousWord != "thứ" { continue }
                noun = .other
            }
            let lastTwo = words.suffix(2).joined(separator: " ")
            let approximate = hedges.contains(previousWord) || hedges.contains(lastTwo)
            found.append(ReportNumber(value: value, maximum: maximum, percent: percent, approximate: approximate, range: fullRange,
                                      noun: noun, previousWord: previousWord))
        }
        return found
    }

    /// A number as Vietnamese prose writes it: 1.204 → 1204, 93,364 → 93.364, 07 → 7.
    static func number(_ text: String) -> Double? {
        let plain = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        return Double(plain)
    }
}
