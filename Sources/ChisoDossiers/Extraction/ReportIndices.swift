import Foundation

/// The indices a report names: PAR INDEX (Chỉ số CCHC), SIPAS, PCI, PAPI, DTI.
enum ReportIndices {
    static let patterns: [(index: String, regex: NSRegularExpression)] = [
        ("par_index", #"PAR\s*INDEX|[Cc]hỉ số\s+(?:CCHC|[Cc]ải cách (?:nền )?hành chính)"#),
        ("sipas", #"SIPAS|[Cc]hỉ số [Hh]ài lòng|[Mm]ức độ hài lòng|[Tt]ỷ lệ hài lòng|[Ss]ự hài lòng"#),
        ("pci", #"\bPCI\b|[Nn]ăng lực cạnh tranh"#),
        ("papi", #"PAPI|[Hh]iệu quả [Qq]uản trị và [Hh]ành chính công"#),
        ("dti", #"\bDTI\b|[Cc]hỉ số chuyển đổi số"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    /// Indices stated as a percentage of their maximum that are scores, not rates ("Chỉ số CCHC
    /// đạt 80,05%"); satisfaction (SIPAS) is a rate.
    static let scoredInPercent: Set<String> = ["par_index", "dti"]

    static func mentions(in text: String) -> [(position: Int, index: String)] {
        let ns = text as NSString
        return patterns.flatMap { pattern in
            pattern.regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ($0.range.location, pattern.index) }
        }.sorted { $0.position < $1.position }
    }

    /// The index a figure at `position` is of: the last named before it, else (for a rank, which
    /// may come first: "xếp thứ 15/63 về Chỉ số PAPI") the first named after `end`.
    static func governing(_ mentions: [(position: Int, index: String)], at position: Int, end: Int?) -> String? {
        if let before = mentions.last(where: { $0.position < position }) { return before.index }
        if let end { return mentions.first { $0.position >= end }?.index }
        return nil
    }
}

/// Ranks a sentence states: "xếp thứ 15/63", "đứng thứ nhất", "nằm vị trí số 44", "xếp vị
/// trí thứ 40 trên cả nước", "dẫn đầu", and the markers of a ranked list ("lần lượt là: (1) Sở
/// Tài chính …, (3) Văn phòng UBND tỉnh …").
enum ReportRanks {
    struct Rank {
        let value: Double
        let outOf: Double?
        let range: NSRange
        /// The unit named right after ("Đứng thứ 2 là huyện Bảo Yên").
        let subjectAfter: String?
    }

    static let words: [String: Double] = ["nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10]
    static let stated = try! NSRegularExpression(pattern:
        #"(?:xếp|đứng|nằm|giữ|ở|xếp hạng)\s+(?:ở\s+)?(?:(?:vị trí|hạng|vị thứ)\s+)?(?:thứ|số)\s+(\d+|nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\d])(?:\s*/\s*(\d+)|\s+(?:trên|trong số|trong tổng số)\s+(\d+)(?!\d))?"#,
        options: [.caseInsensitive])
    static let leads = try! NSRegularExpression(pattern: #"dẫn đầu"#, options: [.caseInsensitive])
    static let listMarker = try! NSRegularExpression(pattern: #"\((\d{1,2})\)\s+(?=[\p{Lu}Đ])"#)
    static let rankedList = try! NSRegularExpression(pattern: #"lần lượt|nhóm đầu|xếp hạng|thứ tự|dẫn đầu|xếp ở"#, options: [.caseInsensitive])
    static let namedAfter = try! NSRegularExpression(pattern: #"^\s+là\s+"#)

    static func ranks(in sentence: String) -> [Rank] {
        let ns = sentence as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [Rank] = []
        for match in stated.matches(in: sentence, range: whole) {
            let word = ns.substring(with: match.range(at: 1)).lowercased()
            guard let value = Double(word) ?? words[word] else { continue }
            var outOf: Double?
            for group in [2, 3] where match.range(at: group).location != NSNotFound { outOf = Double(ns.substring(with: match.range(at: group))) }
            let end = match.range.location + match.range.length
            let rest = ns.substring(from: end)
            var named: String?
            if let lead = namedAfter.firstMatch(in: rest, range: NSRange(location: 0, length: (rest as NSString).length)) {
                named = ReportSubjects.mentions(in: rest).first { $0.position == lead.range.length }?.subject
            }
            found.append(Rank(value: value, outOf: outOf, range: match.range, subjectAfter: named))
        }
        for match in leads.matches(in: sentence, range: whole) where !found.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }) {
            found.append(Rank(value: 1, outOf: nil, range: match.range, subjectAfter: nil))
        }
        if rankedList.firstMatch(in: sentence, range: whole) != nil {
            for match in listMarker.matches(in: sentence, range: whole) {
                guard let value = Double(ns.substring(with: match.range(at: 1))) else { continue }
                let rest = ns.substring(from: match.range.location + match.range.length)
                let named = ReportSubjects.mentions(in: rest).first { $0.position == 0 }?.subject
                found.append(Rank(value: value, outOf: nil, range: NSRange(location: match.range.location, length: 3 + (value >= 10 ? 1 : 0)), subjectAfter: named))
            }
        }
        return found.sorted { $0.range.location < $1.range.location }
    }
}
