import ChisoCore
import Foundation

/// Reads the figures that Vietnamese administrative-reform reports state: dossier counts, rates,
/// index scores with their maxima, ranks with the index they rank, changes and targets.
///
/// A sentence is cut into segments (at commas, semicolons, colons, parentheses, and "và" before
/// a number); each number is attached to the keywords of its segment, whichever side of the
/// number they stand on, and to the clause it is listed under: after "đã giải quyết … trong
/// đó", "quá hạn" is resolved late; after "đang giải quyết", pending overdue. A segment with no
/// number lends its words to the next ("Trong số hồ sơ đã giải quyết, có 6.848 hồ sơ …").
/// Nothing is invented: a number whose words say nothing known is not read, and every figure
/// keeps the exact text it came from. docs/extraction.md has the rules.
public enum ReportExtractor {
    /// All figures of a text report, in the order they appear.
    public static func extract(_ text: String) -> [ExtractedFigure] {
        extract(ReportDocument(text: text))
    }

    /// All figures of a document's paragraphs and tables, in document order.
    public static func extract(_ document: ReportDocument) -> [ExtractedFigure] {
        var state = ReadingState(documentPeriod: document.blocks.lazy.compactMap { block -> Period? in
            if case let .paragraph(text) = block { return ReportPeriods.first(in: text.precomposedStringWithCanonicalMapping) }
            return nil
        }.first)
        var figures: [ExtractedFigure] = []
        var offset = 0
        for block in document.blocks {
            switch block {
            case let .paragraph(raw):
                let paragraph = raw.precomposedStringWithCanonicalMapping
                figures += read(paragraph: paragraph, offset: offset, state: &state)
                offset += paragraph.utf16.count + 1
            case let .table(rows):
                figures += ReportTables.figures(rows: rows, offset: offset, state: state)
                // Table figures are ordered by row and column within this span.
                offset += (rows.count + 1) * 100
            }
        }
        return figures.sorted { $0.offset < $1.offset }
    }

    /// What carries from one sentence to the next: the unit last named, the document's period.
    struct ReadingState {
        let documentPeriod: Period?
        var subject: String?
        /// The category (received, resolved, pending) the counts of the paragraph are listed under.
        var parent: String?
    }

    static func read(paragraph: String, offset: Int, state: inout ReadingState) -> [ExtractedFigure] {
        state.parent = nil
        var figures: [ExtractedFigure] = []
        // A Word paragraph may hold line breaks: each line is read on its own.
        let lines = paragraph.components(separatedBy: "\n")
        var lineOffset = offset
        for line in lines {
            defer { lineOffset += line.utf16.count + 1 }
            for (sentence, start) in sentences(line) {
                figures += read(sentence: sentence, offset: lineOffset + start, state: &state)
            }
        }
        return figures
    }

    static let abbreviations = ["TP.", "Tp.", "TX.", "Tx.", "TT.", "ThS.", "TS.", "PGS.", "GS.", "Q.", "P."]
    static let sentenceBreak = try! NSRegularExpression(pattern: #"(?<=[.…!?])\s+(?=[\p{Lu}\d(“"+\-])"#)

    /// Sentences with their UTF-16 offsets in the line: split after ". " (or "…") before a
    /// capital, a digit or a list mark.
    static func sentences(_ line: String) -> [(text: String, start: Int)] {
        let ns = line as NSString
        var pieces: [NSRange] = []
        var start = 0
        for match in sentenceBreak.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
            // Not after an abbreviation: "TP. Hà Nội", "TX. Sa Pa".
            let before = ns.substring(with: NSRange(location: start, length: match.range.location - start))
            if abbreviations.contains(where: { before.hasSuffix(" " + $0) || before == $0 }) { continue }
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

    /// The figures of one sentence.
    static func read(sentence: String, offset: Int, state: inout ReadingState) -> [ExtractedFigure] {
        let ns = sentence as NSString
        let subjects = ReportSubjects.mentions(in: sentence)
        let periods = ReportPeriods.mentions(in: sentence)
        let indices = ReportIndices.mentions(in: sentence)
        let sentencePeriod = periods.first { !$0.comparison }?.period ?? state.documentPeriod
        let carriedSubject = state.subject
        func subject(at position: Int) -> String? { subjects.last { $0.position <= position }?.subject ?? carriedSubject }
        func period(at position: Int, in segment: Segment?) -> Period? {
            if let segment, let own = periods.last(where: { !$0.comparison && $0.position >= segment.contextStart && $0.position < position }) { return own.period }
            return sentencePeriod
        }
        func figure(_ kind: FigureKind, _ name: String, _ value: Double, maximum: Double? = nil, unit: String, index: String? = nil,
                    approximate: Bool = false, range: NSRange, segment: Segment?) -> ExtractedFigure {
            ExtractedFigure(kind: kind, figure: name, value: value, maximum: maximum, unit: unit, index: index, approximate: approximate,
                            period: period(at: range.location, in: segment), subject: subject(at: range.location),
                            text: ns.substring(with: range), sentence: sentence, offset: offset + range.location)
        }
        var figures: [ExtractedFigure] = []
        // Ranks first: their numbers are not read again.
        let ranks = ReportRanks.ranks(in: sentence)
        for rank in ranks {
            var found = figure(.rank, "rank", rank.value, maximum: rank.outOf, unit: "rank", index: ReportIndices.governing(indices, at: rank.range.location, end: rank.range.location + rank.range.length),
                               range: rank.range, segment: nil)
            if let named = rank.subjectAfter { found = found.with(subject: named) }
            figures.append(found)
        }
        let numbers = ReportNumbers.numbers(in: sentence).filter { number in
            !ranks.contains { NSIntersectionRange($0.range, number.range).length > 0 }
        }
        let segments = numbers.isEmpty ? [] : ReportClauses.segments(sentence, numberPositions: numbers.map(\.range.location))
        var lastCount: (field: String, segment: Int)? = nil
        var previousField: [Int: String] = [:]  // by depth: the field of the last count at that depth
        for number in numbers {
            guard let segmentIndex = segments.firstIndex(where: { NSLocationInRange(number.range.location, $0.range) }) else { continue }
            let segment = segments[segmentIndex]
            let context = segment.context
            // The segment's words before and after the number.
            let ownBefore = ns.substring(with: NSRange(location: segment.range.location, length: number.range.location - segment.range.location)).lowercased()
            let numberEnd = number.range.location + number.range.length
            let ownAfter = ns.substring(with: NSRange(location: numberEnd, length: max(0, segment.range.location + segment.range.length - numberEnd))).lowercased()
            let wordsBefore = segment.carried + " " + ownBefore
            if ReportClauses.has(context, ReportClauses.disqualifiers) { continue }
            let before = ns.substring(to: number.range.location)
            let change = ReportClauses.change(before: before)
            let isTarget = ReportClauses.has(context, ReportClauses.targetWords)
            let isForecast = ReportClauses.has(context, ReportClauses.forecastWords)
            let index = ReportIndices.governing(indices, at: number.range.location, end: nil)
            // A count of dossiers: the noun, or a segment about dossiers or procedures ("số hồ sơ quá
            // hạn còn 154", "số hóa kết quả giải quyết TTHC là 1.904/1.904").
            let dossierContext = context.contains("hồ sơ") || context.contains(" hs") || number.noun == .dossiers
                || ((context.contains("tthc") || context.contains("thủ tục hành chính")) && ReportClauses.has(context, ReportClauses.digitized + ReportClauses.resolved + ReportClauses.received))
            let approximate = number.approximate
            /// The number as a score, named by the words before it in its segment.
            func scoreFigure() -> ExtractedFigure {
                score(number, label: ns.substring(with: NSRange(location: segment.contextStart, length: number.range.location - segment.contextStart)),
                      subject: subject(at: number.range.location), index: index) {
                    figure(.score, $0, number.value, maximum: number.maximum, unit: "points", index: index, approximate: approximate, range: number.range, segment: segment)
                }
            }
            if number.percent {
                let after = ns.substring(from: number.range.location + number.range.length).lowercased().drop { $0 == " " }
                if ReportClauses.peopleNouns.contains(where: { after.hasPrefix($0) }) { continue }
                let what = ReportClauses.field(before: wordsBefore.replacingOccurrences(of: "tỷ lệ", with: " "), after: ownAfter, parent: state.parent)
                if let change {
                    figures.append(figure(.change, "\(change):\(index ?? what ?? "rate")", number.value, unit: "%", index: index, approximate: approximate, range: number.range, segment: segment))
                } else if isForecast {
                    let forecastOf = context.contains("khả năng") ? "probability" : index ?? "rate"
                    figures.append(figure(.forecast, "forecast:\(forecastOf)", number.value, maximum: 100, unit: "%", index: index, approximate: approximate, range: number.range, segment: segment))
                } else if isTarget {
                    figures.append(figure(.target, "target:\(what ?? index ?? "rate")", number.value, maximum: 100, unit: "%", index: index, approximate: approximate, range: number.range, segment: segment))
                } else if let index, ReportIndices.scoredInPercent.contains(index), !context.contains("tỷ lệ"), !dossierContext {
                    figures.append(figure(.score, "score", number.value, maximum: 100, unit: "points", index: index, approximate: approximate, range: number.range, segment: segment))
                } else {
                    var name = "rate"
                    if let what, what != "received" || dossierContext { name = "rate:\(what)" }
                    if let last = lastCount, last.segment >= segmentIndex - 2, what == nil || context.contains("chiếm") { name = "share:\(last.field)" }
                    if name == "rate", let index { name = "rate:\(index)" }
                    figures.append(figure(.rate, name, number.value, maximum: 100, unit: "%", index: index, approximate: approximate, range: number.range, segment: segment))
                }
                continue
            }
            switch number.noun {
            case .points:
                if let change {
                    figures.append(figure(.change, "\(change):\(index ?? "score")", number.value, unit: "points", index: index, approximate: approximate, range: number.range, segment: segment))
                } else if isForecast {
                    figures.append(figure(.forecast, "forecast:\(index ?? "score")", number.value, maximum: number.maximum, unit: "points", index: index, approximate: approximate, range: number.range, segment: segment))
                } else if isTarget {
                    figures.append(figure(.target, "target:\(index ?? "score")", number.value, maximum: number.maximum, unit: "points", index: index, approximate: approximate, range: number.range, segment: segment))
                } else {
                    figures.append(scoreFigure())
                }
            case .steps:
                if let change {
                    figures.append(figure(.change, "\(change):rank", number.value, unit: "rank", index: index, approximate: approximate, range: number.range, segment: segment))
                }
            case .tasks:
                if number.maximum != nil || context.contains("hoàn thành") {
                    let noun = ns.substring(from: number.range.location).lowercased().contains("công việc") ? "công việc" : "nhiệm vụ"
                    figures.append(figure(.count, "completed:\(noun)", number.value, maximum: number.maximum, unit: "tasks", approximate: approximate, range: number.range, segment: segment))
                }
            case .dossiers, .none:
                if number.noun == .none && !dossierContext {
                    // "đạt 8,495/10": a score out of its maximum, written without "điểm".
                    if let maximum = number.maximum, maximum <= 100, ["đạt", "là"].contains(number.previousWord), change == nil {
                        figures.append(scoreFigure())
                    }
                    continue
                }
                if let change {
                    figures.append(figure(.change, "\(change):dossiers", number.value, unit: "dossiers", approximate: approximate, range: number.range, segment: segment))
                    continue
                }
                // A number without its noun is a count only when its own segment names dossiers
                // and what they are ("số hồ sơ quá hạn còn 154"), not a hotline or a table cell.
                if number.noun == .none {
                    let near = String(wordsBefore.suffix(40)), nearAfter = String(ownAfter.prefix(20))
                    let aboutDossiers = ["hồ sơ", " hs", "tthc"].contains { (near + nearAfter).contains($0) || context.contains($0) }
                    if !aboutDossiers || ReportClauses.field(before: near, after: nearAfter, parent: nil) == nil { continue }
                }
                if isTarget {
                    if number.noun == .dossiers {
                        figures.append(figure(.target, "target:dossiers", number.value, unit: "dossiers", approximate: approximate, range: number.range, segment: segment))
                    }
                    continue
                }
                if isForecast {
                    if number.noun == .dossiers {
                        figures.append(figure(.forecast, "forecast:dossiers", number.value, unit: "dossiers", approximate: approximate, range: number.range, segment: segment))
                    }
                    continue
                }
                var field = ReportClauses.field(before: wordsBefore, after: ownAfter, parent: state.parent)
                if field == nil, segment.depth > 0 { field = previousField[segment.depth - 1] }
                if field == nil, number.noun == .dossiers { field = "received" }
                guard let field else { continue }
                figures.append(figure(.dossiers, field, number.value, maximum: number.maximum, unit: "dossiers", approximate: approximate, range: number.range, segment: segment))
                if let maximum = number.maximum {
                    // "4.561/5.650 HS": the total it is out of is a figure too.
                    let total = field == "digitized" && (context.contains("giải quyết") || context.contains("kết quả")) ? "resolved" : "received"
                    figures.append(figure(.dossiers, total, maximum, unit: "dossiers", approximate: approximate, range: number.range, segment: segment))
                }
                lastCount = (field, segmentIndex)
                previousField[segment.depth] = field
                // A total sets the category of what follows; a part sets it only when none is set.
                if let category = ReportClauses.category(of: field), ["received", "resolved", "pending"].contains(field) || state.parent == nil {
                    state.parent = category
                }
            case .other:
                continue
            }
        }
        // "không có hồ sơ trả trễ hạn": stated as none.
        for match in noneLate.matches(in: sentence, range: NSRange(location: 0, length: ns.length)) {
            figures.append(figure(.dossiers, "resolved_late", 0, unit: "dossiers", range: match.range, segment: nil))
        }
        if let last = subjects.last { state.subject = last.subject }
        return figures
    }

    static let noneLate = try! NSRegularExpression(pattern: #"không có hồ sơ\s+(?:(?:được\s+)?(?:giải quyết|trả kết quả|trả)\s+)?(?:trễ|quá)\s+hạn"#, options: [.caseInsensitive])

    /// A score: a total when it is out of 50 or more, names its unit or an index; else a
    /// component named by the words before it ("cải cách tài chính công đạt 7,5/8 điểm").
    static func score(_ number: ReportNumber, label raw: String, subject: String?, index: String?, make: (String) -> ExtractedFigure) -> ExtractedFigure {
        var label = raw.trimmingCharacters(in: .whitespaces)
        for tail in ["đạt được", "đạt", "là", "được"] where label.hasSuffix(tail) { label = String(label.dropLast(tail.count)).trimmingCharacters(in: .whitespaces) }
        // The words after the last ":" or ";" name the criterion — or, when there are none
        // ("Chính quyền số: đạt 16/20 điểm"), the words before it.
        let separators: (Character) -> Bool = { $0 == ":" || $0 == ";" }
        if let cut = label.lastIndex(where: separators) {
            let after = label[label.index(after: cut)...].trimmingCharacters(in: .whitespaces)
            if after.isEmpty {
                let before = label[..<cut]
                label = String(before.lastIndex(where: separators).map { before[before.index(after: $0)...] } ?? before)
            } else {
                label = after
            }
        }
        label = label.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
        for lead in ["như", "trong đó", "cụ thể", "gồm"] where label.lowercased().hasPrefix(lead + " ") { label = String(label.dropFirst(lead.count + 1)) }
        label = label.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
        let lower = label.lowercased()
        let isTotal = (number.maximum ?? 0) >= 50 || (subject.map { label.contains($0) } ?? false) || label.contains("Sở ") || lower.hasPrefix("chỉ số")
            || (number.maximum == nil && index != nil) || label.isEmpty || lower.contains("par index")
        return make(isTotal ? "score" : "score:\(lower)")
    }
}

extension ExtractedFigure {
    func with(subject: String) -> ExtractedFigure {
        ExtractedFigure(kind: kind, figure: figure, value: value, maximum: maximum, unit: unit, index: index, approximate: approximate,
                        period: period, subject: subject, text: text, sentence: sentence, offset: offset)
    }
}
