import Foundation

/// A piece of a sentence between separators (`,` `;` `:` parentheses, and "và" before a number),
/// with how deep in parentheses it lies.
struct Segment {
    var range: NSRange
    var depth: Int
    /// Where the carried text begins (the start of the first segment without a number before this one).
    var contextStart: Int
    /// Lower-cased text of the segment, with the text of segments before it that hold no number
    /// ("Trong số hồ sơ đã giải quyết, có 6.848 hồ sơ …": the first part says what the second counts).
    var context: String
    /// The lower-cased text carried from those segments.
    var carried: String
}

/// Splits sentences into segments and reads what a segment says a dossier count is.
enum ReportClauses {
    static let andBeforeNumber = try! NSRegularExpression(pattern: #"\s+(?:và|còn)\s+(?=(?:gần|hơn|trên|khoảng)?\s*\d)"#)

    /// The segments of a sentence, in order; `numbers` says which hold a number, so the text of
    /// those that do not is carried into the next.
    static func segments(_ sentence: String, numberPositions: [Int]) -> [Segment] {
        let ns = sentence as NSString
        var cuts: [(location: Int, length: Int, depthChange: Int)] = []
        var i = 0
        while i < ns.length {
            let c = ns.character(at: i)
            switch c {
            case 0x3B: cuts.append((i, 1, 0))  // ;
            case 0x28: cuts.append((i, 1, 1))  // (
            case 0x29: cuts.append((i, 1, -1))  // )
            case 0x2C, 0x3A:  // , and : — not between digits (93,364; 9001:2015)
                let before = i > 0 ? ns.character(at: i - 1) : 0, after = i + 1 < ns.length ? ns.character(at: i + 1) : 0
                let digit = { (u: unichar) in u >= 0x30 && u <= 0x39 }
                if !(digit(before) && digit(after)) { cuts.append((i, 1, 0)) }
            default: break
            }
            i += 1
        }
        for match in andBeforeNumber.matches(in: sentence, range: NSRange(location: 0, length: ns.length)) {
            cuts.append((match.range.location, match.range.length, 0))
        }
        cuts.sort { $0.location < $1.location }
        var segments: [Segment] = []
        var start = 0, depth = 0
        var carried = ""
        var carriedStart = 0
        func close(_ end: Int, nextDepth: Int) {
            let range = NSRange(location: start, length: max(0, end - start))
            let text = ns.substring(with: range).lowercased()
            let hasNumber = numberPositions.contains { $0 >= range.location && $0 < range.location + range.length }
            if carried.isEmpty { carriedStart = range.location }
            segments.append(Segment(range: range, depth: depth, contextStart: carriedStart, context: carried + " " + text, carried: carried))
            // An aside closed by ")" lends its words to nothing after it.
            // Only the words near the next number matter: the carried text is kept short, so a
            // sentence of a million separators is read in linear time.
            carried = hasNumber || nextDepth < depth ? "" : String((carried + " " + text).suffix(300))
            depth = max(0, nextDepth)
        }
        for cut in cuts {
            close(cut.location, nextDepth: depth + cut.depthChange)
            start = cut.location + cut.length
        }
        close(ns.length, nextDepth: depth)
        return segments
    }

    // Phrases, lower-case, in the order they are tried.
    static let carriedOver = ["kỳ trước chuyển", "chuyển sang", "chuyển qua", "chuyển tiếp", "tồn kỳ trước", "kỳ trước"]
    static let online = ["trực tuyến", "qua mạng"]
    static let postal = ["bưu chính"]
    static let direct = ["trực tiếp"]
    static let digitized = ["số hóa", "số hoá"]
    static let withdrawn = ["rút"]
    static let paused = ["tạm dừng"]
    static let rejected = ["trả lại", "từ chối"]
    static let inTime = ["đúng và trước hạn", "trước và đúng hạn", "đúng hạn và trước hạn", "trước hạn và đúng hạn", "đúng hạn và sớm hạn",
                         "sớm và đúng hạn", "sớm hạn và đúng hạn", "đúng và trước hẹn", "trước và đúng hẹn"]
    static let pendingInTime = ["chưa đến hạn", "chưa tới hạn", "trong hạn", "còn hạn", "trong thời hạn"]
    static let early = ["trước hạn", "trước thời hạn", "sớm hạn", "trả sớm", "giải quyết sớm", "trước hẹn"]
    static let onTime = ["đúng hạn", "đúng hẹn", "đúng thời hạn"]
    static let late = ["quá hạn", "trễ hạn", "trễ hẹn", "quá thời hạn", "chậm trả", "trễ"]
    static let due = ["đến hạn"]
    static let pending = ["đang giải quyết", "đang xử lý", "đang tiếp tục giải quyết", "chưa giải quyết", "chưa xử lý", "đang thụ lý",
                          "còn lại đang", "chưa có kết quả", "đang trong quá trình", "đang thực hiện xử lý", "đang thẩm định", "tồn đọng"]
    static let new = ["tiếp nhận mới", "mới tiếp nhận", "nộp mới", "hồ sơ mới", "hs mới"]
    static let resolved = ["đã giải quyết", "giải quyết", "xử lý xong", "trả kết quả", "đã xử lý", "hoàn thành", "trả kết", "được giải quyết", "đã trả", "xử lý và trả"]
    static let received = ["tiếp nhận", "nhận được", "yêu cầu giải quyết", "đã nhận"]
    /// Quantifiers that say a count is a total received only when no verb says what it counts.
    static let totals = ["tổng số", "tổng cộng"]
    /// Phrases that say a count is of something else or not complete.
    static let disqualifiers = ["chưa đủ", "chưa đầy đủ", "không đủ", "chưa số hóa", "chưa được số hóa"]

    static func has(_ text: String, _ phrases: [String]) -> Bool { phrases.contains { text.contains($0) } }

    /// The dossier field the words around a count give it (`before` and `after` it in its
    /// segment, lower-case), with `parent` the category of the count the clause is under
    /// (resolved, pending) for "quá hạn" and "trong hạn". Specific words win over general ones
    /// (on time over resolved, pending overdue over pending); among words of one tier — the
    /// channels; new, resolved and received — the one nearest the number wins ("đã tiếp nhận
    /// 56.039 hồ sơ thông qua Hệ thống … giải quyết TTHC" is received).
    static func field(before rawBefore: String, after rawAfter: String, parent: String?) -> String? {
        // "yêu cầu giải quyết" asks for resolution: it is what was received.
        let before = rawBefore.replacingOccurrences(of: "yêu cầu giải quyết", with: "tiếp nhận")
        let after = rawAfter.replacingOccurrences(of: "yêu cầu giải quyết", with: "tiếp nhận")
        let text = before + " # " + after
        /// The nearest of the tiers' phrases to the number: its field.
        func nearest(_ tier: [(phrases: [String], field: String)]) -> String? {
            var best: (distance: Int, field: String)?
            for (phrases, field) in tier {
                for phrase in phrases {
                    if let range = before.range(of: phrase, options: .backwards) {
                        let distance = before.distance(from: range.upperBound, to: before.endIndex)
                        if best == nil || distance < best!.distance { best = (distance, field) }
                    }
                    if let range = after.range(of: phrase) {
                        let distance = after.distance(from: after.startIndex, to: range.lowerBound)
                        if best == nil || distance < best!.distance { best = (distance, field) }
                    }
                }
            }
            return best?.field
        }
        if has(text, carriedOver) { return "carried_over" }
        if let channel = nearest([(online, "received_online"), (postal, "received_postal"), (direct, "received_direct")]) { return channel }
        if has(text, digitized) { return "digitized" }
        if has(text, withdrawn) { return "withdrawn" }
        if has(text, paused) { return "paused" }
        if has(text, inTime) { return "resolved_in_time" }
        if has(text, rejected) && !has(text, ["trả lại kết quả"]) { return "rejected" }
        if has(text, pendingInTime) { return "pending_in_time" }
        if has(text, early) { return "resolved_early" }
        if has(text, onTime) { return "resolved_on_time" }
        if has(text, late) {
            if has(text, pending) { return "pending_overdue" }
            var rest = text
            for phrase in pending { rest = rest.replacingOccurrences(of: phrase, with: " ") }
            if has(rest, ["trả", "giải quyết", "xử lý"]) { return "resolved_late" }
            return parent == "pending" ? "pending_overdue" : "resolved_late"
        }
        if has(text, due) { return "due" }
        if has(text, pending) { return "pending" }
        // "345 hồ sơ mới": new, said right after the count.
        if after.drop(while: { $0 == " " }).hasPrefix("mới") { return "received_new" }
        return nearest([(new, "received_new"), (resolved, "resolved"), (received, "received")]) ?? (has(text, totals) ? "received" : nil)
    }

    /// The category a field sets for the counts listed under it.
    static func category(of field: String) -> String? {
        switch field {
        case "received", "resolved", "pending": return field
        case "resolved_early", "resolved_on_time", "resolved_in_time", "resolved_late": return "resolved"
        case "pending_in_time", "pending_overdue": return "pending"
        default: return nil
        }
    }

    static let targetWords = ["mục tiêu", "chỉ tiêu", "phấn đấu", "đảm bảo", "bảo đảm", "kế hoạch đề ra", "tối thiểu", "ít nhất", "nâng lên", "phải đạt", "cần đạt", "để giữ", "để đạt", "duy trì"]
    static let forecastWords = ["dự báo", "dự kiến", "ước tính", "khả năng"]
    static let increaseWords: Set<String> = ["tăng", "cao hơn", "tăng thêm", "vượt"]
    /// Points lost ("bị trừ 4 điểm", "mất 1,5 điểm") are a decrease from the maximum.
    static let decreaseWords: Set<String> = ["giảm", "thấp hơn", "giảm đi", "giảm xuống", "trừ", "bị trừ", "mất"]
    /// Nouns after a percentage that make it a share of people or offices, not of work done.
    static let peopleNouns = ["công chức", "viên chức", "cán bộ", "người", "đảng viên", "cơ quan", "đơn vị", "lượt"]

    /// Increase, decrease or nil: the one or two words before a number.
    static func change(before: String) -> String? {
        let words = before.lowercased().split(whereSeparator: { $0 == " " || $0 == "(" }).suffix(2).map(String.init)
        guard let last = words.last else { return nil }
        let two = words.joined(separator: " ")
        if increaseWords.contains(last) || increaseWords.contains(two) { return "increase" }
        if decreaseWords.contains(last) || decreaseWords.contains(two) { return "decrease" }
        return nil
    }
}
