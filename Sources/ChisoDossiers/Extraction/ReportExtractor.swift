import ChisoCore
import Foundation

/// Reads the figures that Vietnamese administrative-reform reports state in prose: dossier counts
/// ("85 hồ sơ trả kết quả trước hạn và đúng hạn"), scores with their maximum
/// ("13,969/14 điểm"), ranks ("xếp thứ 15/63"), shares and rates ("chiếm 67,7%").
///
/// Nothing is invented: a figure is read only where one of the patterns below states it, a
/// number preceded by a slash or followed by other words is not guessed at, and every figure
/// keeps its sentence. Numbers follow Vietnamese prose: a dot groups thousands (1.204), a comma
/// marks decimals (93,364). The period is the one the sentence names (6 tháng đầu năm 2023 →
/// 2023-H1, quý II/2024 → 2024-Q2, năm 2023), else the first the document names; the subject
/// is the department (Sở …, Ban …) the clause names, else the last one named before it.
public enum ReportExtractor {
    /// All figures of `text`, in the order they appear.
    public static func extract(_ text: String) -> [ExtractedFigure] {
        let normalized = text.precomposedStringWithCanonicalMapping
        let documentPeriod = firstPeriod(in: normalized)
        var figures: [ExtractedFigure] = []
        var subject: String?
        var offset = 0
        for paragraph in normalized.components(separatedBy: "\n") {
            defer { offset += paragraph.utf16.count + 1 }
            for (sentence, sentenceStart) in sentences(paragraph) {
                let sentencePeriod = firstPeriod(in: sentence) ?? documentPeriod
                // Clauses are found by walking the sentence, so positions cost nothing to find.
                var clauseStart = sentenceStart
                for clause in sentence.components(separatedBy: ";") {
                    defer { clauseStart += clause.utf16.count + 1 }
                    if let named = self.subject(in: clause) { subject = named }
                    let base = offset + clauseStart
                    let clausePeriod = firstPeriod(in: clause) ?? sentencePeriod
                    figures += dossierFigures(clause).map { ExtractedFigure(figure: $0.field, value: $0.value, maximum: $0.maximum, unit: $0.unit, period: clausePeriod, subject: subject, sentence: sentence, offset: base + $0.position) }
                    figures += scoreFigures(clause, subject: subject).map { ExtractedFigure(figure: $0.field, value: $0.value, maximum: $0.maximum, unit: $0.unit, period: clausePeriod, subject: subject, sentence: sentence, offset: base + $0.position) }
                }
            }
        }
        return figures.sorted { $0.offset < $1.offset }
    }

    typealias Found = (field: String, value: Double, maximum: Double?, unit: String, position: Int)

    static let sentenceBreak = try! NSRegularExpression(pattern: #"(?<=[.…!?])\s+(?=[\p{Lu}\d(“"+\-])"#)

    /// Sentences with their UTF-16 offsets in the paragraph: split after ". " (or "…") before a
    /// capital, a digit or a list mark.
    static func sentences(_ paragraph: String) -> [(text: String, start: Int)] {
        let ns = paragraph as NSString
        var pieces: [NSRange] = []
        var start = 0
        for match in sentenceBreak.matches(in: paragraph, range: NSRange(location: 0, length: ns.length)) {
            pieces.append(NSRange(location: start, length: match.range.location - start))
            start = match.range.location + match.range.length
        }
        pieces.append(NSRange(location: start, length: ns.length - start))
        return pieces.compactMap { range in
            let raw = ns.substring(with: range)
            let leading = raw.prefix { $0 == " " || $0 == "\t" }.utf16.count
            let text = raw.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : (text, range.location + leading)
        }
    }

    /// A number as Vietnamese prose writes it: 1.204 → 1204, 93,364 → 93.364, 07 → 7.
    static func number(_ text: String) -> Double? {
        let plain = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        return Double(plain)
    }

    static let count = #"(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/,]|\.\d)"#
    /// "44/65": a count out of a total.
    static let fraction = #"(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d+)\s*/\s*(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/,]|\.\d)"#
    static let decimal = #"(\d+(?:,\d+)?)"#

    /// Dossier patterns, most specific first; a span taken by one is not read again.
    static let dossierPatterns: [(field: String, pattern: String)] = [
        ("received_online", fraction + #"\s+hồ sơ\s+(?:được\s+)?(?:tiếp nhận\s+)?(?:qua dịch vụ công\s+)?trực tuyến"#),
        ("received", #"tiếp nhận\s+(?:tổng\s+(?:cộng\s+)?(?:số\s+)?)?"# + count + #"\s+(?:số\s+)?hồ sơ(?!\s+(?:mới|trực tuyến|qua))"#),
        ("received", #"tổng số(?:\s+hồ sơ)?\s+(?:đã\s+)?tiếp nhận(?:\s+trong kỳ)?(?:\s+là)?:?\s+"# + count),
        ("received_new", count + #"\s+hồ sơ\s+(?:mới\s+tiếp nhận|tiếp nhận mới|mới)"#),
        ("received_new", #"(?:mới tiếp nhận|tiếp nhận mới)(?:\s+trong kỳ)?(?:\s+là)?:?\s+"# + count),
        ("carried_over", count + #"\s+hồ sơ\s+(?:từ\s+)?kỳ trước chuyển\s+(?:qua|sang)"#),
        ("carried_over", #"kỳ trước chuyển\s+(?:qua|sang)(?:\s+là)?:?\s+"# + count),
        ("resolved_in_time", count + #"\s+hồ sơ\s+(?:(?:được\s+)?(?:giải quyết|trả kết quả|trả)\s+)?(?:trước hạn và đúng hạn|đúng hạn và trước hạn|trước và đúng hạn|đúng và trước hạn)"#),
        ("resolved_in_time", #"(?:giải quyết|trả kết quả)\s+(?:trước hạn và đúng hạn|đúng hạn và trước hạn|trước và đúng hạn)\s+"# + count + #"\s+hồ sơ"#),
        ("resolved_early", count + #"\s+hồ sơ\s+(?:(?:được\s+)?(?:giải quyết|trả kết quả|trả)\s+)?trước hạn(?!\s+và)"#),
        ("resolved_on_time", count + #"\s+hồ sơ\s+(?:(?:được\s+)?(?:giải quyết|trả kết quả|trả)\s+)?đúng hạn(?!\s+và)"#),
        ("pending_overdue", count + #"\s+hồ sơ\s+(?:đang|chưa)\s+giải quyết\s+(?:đã\s+)?(?:quá|trễ)\s+hạn"#),
        ("pending_in_time", count + #"\s+hồ sơ\s+(?:đang giải quyết\s+)?(?:chưa đến hạn|còn trong hạn|trong hạn)"#),
        ("resolved_late", count + #"\s+hồ sơ\s+(?:(?:được\s+)?(?:giải quyết|trả kết quả|trả)\s+)?(?:trễ|quá)\s+hạn"#),
        ("withdrawn", count + #"\s+hồ sơ\s+(?:xin\s+)?rút"#),
        ("withdrawn", #"rút\s+"# + count + #"\s+hồ sơ"#),
        ("received_postal", count + #"\s+hồ sơ\s+(?:được\s+)?(?:tiếp nhận\s+)?qua (?:dịch vụ\s+)?bưu chính"#),
        ("received_online", count + #"\s+hồ sơ\s+(?:được\s+)?(?:tiếp nhận\s+)?(?:qua dịch vụ công\s+)?trực tuyến"#),
        ("received_online", #"(?:tiếp nhận\s+)?(?:qua dịch vụ công\s+)?trực tuyến(?:\s+là)?:?\s+"# + count + #"\s+hồ sơ"#),
        ("digitized", count + #"\s+hồ sơ\s+(?:đã\s+|được\s+)?số hóa"#),
        ("digitized", #"số hóa\s+"# + count + #"\s+hồ sơ"#),
    ]

    /// The dossier patterns compiled once.
    static let dossierRegexes: [(field: String, regex: NSRegularExpression)] = dossierPatterns.map {
        ($0.field, try! NSRegularExpression(pattern: $0.pattern, options: [.caseInsensitive]))
    }
    static let shareAfterCount = try! NSRegularExpression(pattern: #"^[^;%]{0,30}?\(?\s*chiếm\s+"# + decimal + #"\s*%"#)
    static let noneLate = try! NSRegularExpression(pattern: #"không có hồ sơ\s+(?:(?:được\s+)?(?:giải quyết|trả kết quả|trả)\s+)?(?:trễ|quá)\s+hạn"#, options: [.caseInsensitive])
    static let scorePattern = try! NSRegularExpression(pattern: #"(?:đạt|được)\s+"# + decimal + #"\s*/\s*"# + decimal + #"(?![\d,])(?:\s*điểm)?"#)
    static let rankPattern = try! NSRegularExpression(pattern: #"(?:xếp|đứng)\s+(?:vị trí\s+|hạng\s+)?thứ\s+(\d+|nhất|nhì|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?:\s*/\s*(\d+)|\s+(?:trên|trong số|trong tổng số)\s+(\d+))?"#)
    static let ratePattern = try! NSRegularExpression(pattern: #"tỷ lệ\s+([^,;:]+?)\s+(?:đạt|là|chiếm)\s+"# + decimal + #"\s*%"#, options: [.caseInsensitive])

    static func dossierFigures(_ clause: String) -> [Found] {
        guard clause.contains("hồ sơ") else { return [] }
        var found: [Found] = []
        var taken: [NSRange] = []
        let ns = clause as NSString
        for (field, regex) in dossierRegexes {
            for match in regex.matches(in: clause, range: NSRange(location: 0, length: ns.length)) {
                if taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) { continue }
                taken.append(match.range)
                guard let value = number(ns.substring(with: match.range(at: 1))) else { continue }
                var maximum: Double?
                if match.numberOfRanges > 2, match.range(at: 2).location != NSNotFound { maximum = number(ns.substring(with: match.range(at: 2))) }
                found.append((field, value, maximum, "dossiers", match.range.location))
                // A share stated right after the count: "44/65 hồ sơ trực tuyến (chiếm 67,7%)".
                do {
                    let rest = ns.substring(from: match.range.location + match.range.length)
                    if let m = shareAfterCount.firstMatch(in: rest, range: NSRange(location: 0, length: (rest as NSString).length)), let p = number((rest as NSString).substring(with: m.range(at: 1))) {
                        found.append(("share:\(field)", p, 100, "%", match.range.location + match.range.length))
                    }
                }
            }
        }
        // "không có hồ sơ trả trễ hạn": stated as none.
        for match in noneLate.matches(in: clause, range: NSRange(location: 0, length: ns.length)) {
            found.append(("resolved_late", 0, nil, "dossiers", match.range.location))
        }
        return found
    }

    static let rankWords: [String: Double] = ["nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10]

    static func scoreFigures(_ clause: String, subject: String?) -> [Found] {
        var found: [Found] = []
        let ns = clause as NSString
        let whole = NSRange(location: 0, length: ns.length)
        // Scores: "đạt 13,969/14 điểm", "đạt 8,495/10".
        for match in scorePattern.matches(in: clause, range: whole) {
            guard let value = number(ns.substring(with: match.range(at: 1))), let maximum = number(ns.substring(with: match.range(at: 2))) else { continue }
            var label = ns.substring(to: match.range.location)
            if let cut = label.lastIndex(where: { $0 == ":" || $0 == ";" }) { label = String(label[label.index(after: cut)...]) }
            label = label.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
            for lead in ["như", "trong đó", "cụ thể", "gồm"] where label.lowercased().hasPrefix(lead + " ") {
                label = String(label.dropFirst(lead.count + 1))
            }
            // A total names the unit (or is out of 50 or more); a component names its field.
            let isTotal = maximum >= 50 || (subject.map { label.contains($0) } ?? false) || label.contains("Sở ")
            found.append((isTotal ? "score" : "score:\(label.lowercased())", value, maximum, "points", match.range.location))
        }
        // Ranks: "xếp thứ 15/63", "xếp vị trí thứ nhất", "đứng thứ 2/20".
        for match in rankPattern.matches(in: clause, range: whole) {
            let word = ns.substring(with: match.range(at: 1))
            guard let value = Double(word) ?? rankWords[word] else { continue }
            var maximum: Double?
            for group in [2, 3] where match.range(at: group).location != NSNotFound { maximum = Double(ns.substring(with: match.range(at: group))) }
            found.append(("rank", value, maximum, "rank", match.range.location))
        }
        // Rates: "tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%".
        for match in ratePattern.matches(in: clause, range: whole) {
            guard let value = number(ns.substring(with: match.range(at: 2))) else { continue }
            found.append(("rate:\(ns.substring(with: match.range(at: 1)).lowercased())", value, 100, "%", match.range.location))
        }
        return found
    }

    static let romanQuarters = ["I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4]

    static let periodRegexes: [NSRegularExpression] = [
        #"6 tháng (đầu|cuối) năm (\d{4})"#,
        #"quý (IV|III|II|I|[1-4])\s*(?:/|năm)\s*(\d{4})"#,
        // Not the date of a document ("ngày 09 tháng 01 năm 2023").
        #"(?<!ngày \d\d )(?<!ngày \d )tháng (\d{1,2})\s*(?:/|năm)\s*(\d{4})"#,
        #"năm (\d{4})"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// The first period a text names.
    static func firstPeriod(in text: String) -> Period? {
        let ns = text as NSString
        let builders: [(NSTextCheckingResult) -> Period?] = [
            { m in
                let half = ns.substring(with: m.range(at: 1)) == "đầu" ? 1 : 2
                return Int(ns.substring(with: m.range(at: 2))).map { .half($0, half) } },
            { m in
                Int(ns.substring(with: m.range(at: 2))).flatMap { y in romanQuarters[ns.substring(with: m.range(at: 1))].map { .quarter(y, $0) } } },
            { m in
                guard let month = Int(ns.substring(with: m.range(at: 1))), (1...12).contains(month), let year = Int(ns.substring(with: m.range(at: 2))) else { return nil }
                return .month(year, month) },
            { m in Int(ns.substring(with: m.range(at: 1))).map(Period.year) },
        ]
        var best: (Int, Period)?
        for (regex, build) in zip(periodRegexes, builders) {
            guard let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)), let period = build(match) else { continue }
            // The earliest mention wins; at one position the more specific pattern (listed first) wins.
            if best == nil || match.range.location < best!.0 { best = (match.range.location, period) }
        }
        return best?.1
    }

    /// The provincial departments (sở), by name and by the usual abbreviations.
    static let departments = [
        "Nội vụ", "Tư pháp", "Kế hoạch và Đầu tư", "Tài chính", "Công Thương", "Công thương", "Nông nghiệp và Phát triển nông thôn",
        "Nông nghiệp và Môi trường", "Giao thông vận tải", "Xây dựng", "Tài nguyên và Môi trường", "Thông tin và Truyền thông",
        "Lao động - Thương binh và Xã hội", "Lao động, Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao",
        "Du lịch", "Khoa học và Công nghệ", "Giáo dục và Đào tạo", "Y tế", "Ngoại vụ", "Dân tộc và Tôn giáo",
    ]

    /// A department the clause names: "Sở Tư pháp", "Sở Khoa học và Công nghệ", or an
    /// abbreviation in capitals ("Sở KH&CN", "Sở GD&ĐT"). Nothing else is taken for a subject.
    static let subjectPattern = try! NSRegularExpression(
        pattern: #"\bSở\s+(?:"# + departments.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + #"|[A-ZĐ][A-ZĐ&\-]+)(?![\p{L}])"#)

    static func subject(in clause: String) -> String? {
        let ns = clause as NSString
        guard let match = subjectPattern.firstMatch(in: clause, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: match.range)
    }
}
