import ChisoDossiers
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// The extractor on real report paragraphs with every figure labelled by hand
/// (../shared/corpus/report-figures, read in place). The same scoring as bench/extract_corpus.py:
/// a label counts when a reported figure has its value and kind; numbers reported that are no
/// labelled figure, and negatives reported, are counted.
struct ReportExtractionCorpusTests {
    static let folder = Fixtures.sharedFolder + "/corpus/report-figures"

    static func matches(_ label: [String: String], _ figure: ExtractedFigure) -> Bool {
        guard let value = Double(label["value"]!), abs(value - figure.value) < 1e-9 else { return false }
        let kind = label["figure"]!
        if ["rate", "score", "rank"].contains(kind) { return figure.kind.rawValue == kind }
        guard figure.kind == .dossiers else { return false }
        return figure.figure == kind || (kind == "resolved_on_time" && label["note"]!.contains("COMBINED") && figure.figure == "resolved_in_time")
    }

    static func rows(_ file: String) throws -> [[String: String]] {
        let table = try TabularFile.read(path: folder + "/" + file)
        return table.records.map { record in
            Dictionary(uniqueKeysWithValues: table.header.indices.map { (table.header[$0], table.field(record, $0)) })
        }
    }

    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/corpus is not beside the repository"))
    func developmentSetMeetsTheTargets() throws {
        let labels = try Self.rows("labels.csv")
        let negatives = try Self.rows("negatives.csv")
        var typed = 0, matched = 0, reported = 0, unlabelled = 0, negativesReported = 0
        for file in Set(labels.map { $0["file"]! }).sorted() {
            let text = try String(contentsOfFile: Self.folder + "/" + file, encoding: .utf8).precomposedStringWithCanonicalMapping
            let figures = ReportExtractor.extract(text)
            var free = figures
            for label in labels where label["file"] == file && label["figure"] != "other" {
                typed += 1
                if let hit = free.firstIndex(where: { Self.matches(label, $0) }) {
                    matched += 1
                    free.remove(at: hit)
                }
            }
            let values = Set(labels.filter { $0["file"] == file }.compactMap { Double($0["value"]!) })
            reported += figures.count
            unlabelled += figures.filter { !values.contains($0.value) }.count
            let ns = text as NSString
            for negative in negatives where negative["file"] == file {
                var search = NSRange(location: 0, length: ns.length)
                while case let found = ns.range(of: negative["value"]!, range: search), found.location != NSNotFound {
                    for figure in figures where figure.offset < found.location + found.length && found.location < figure.offset + (figure.text as NSString).length {
                        if figure.kind == .target && negative["why"]!.contains("TARGET") { continue }
                        negativesReported += 1
                    }
                    search = NSRange(location: found.location + found.length, length: ns.length - found.location - found.length)
                }
            }
        }
        #expect(typed == 194)
        #expect(Double(matched) / Double(typed) >= 0.90, "typed recall \(matched)/\(typed)")
        #expect(Double(unlabelled) / Double(reported) <= 0.05, "unlabelled \(unlabelled)/\(reported)")
        #expect(negativesReported == 0)
    }
}
