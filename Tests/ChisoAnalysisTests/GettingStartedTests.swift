import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoNumerics
import ChisoOutput
import ChisoTestSupport
import Foundation
import Testing

/// The code of the getting-started article (Sources/ChisoAnalysis/ChisoAnalysis.docc/GettingStarted.md),
/// compiled and run here: every `swift` block of the article must appear, line for line, in the
/// body of `articleRunsAsWritten`, and the figures it prints are checked against the bundled data.
struct GettingStartedTests {
    static let article = Fixtures.repositoryRoot + "/Sources/ChisoAnalysis/ChisoAnalysis.docc/GettingStarted.md"

    @Test func articleRunsAsWritten() throws {
        let datasetsFolder = Fixtures.datasetsFolder
        let scoresFile = try Fixtures.temporaryFile("scores.csv", "unit,period,indicator,value\nHà Tĩnh,2023,score,81.5\nNghệ An,2023,score,\n")

        let library = try DatasetLibrary.locate(explicit: datasetsFolder)
        let registry = try library.provinceRegistry()
        let (par, _, _) = try library.loadPanel("par", registry: registry)

        let (scores, report) = try PanelLoader(registry: registry).load(path: scoresFile)
        for note in report.notes { print("note:", note.text) }

        let ranking = try PanelAnalysis.rank(par, RankRequest(indicator: "PAR_INDEX", period: .year(2023)))
        let leader = ranking.rows[0]
        print(leader.unit.name, leader.value, "rank \(Int(leader.rank)) of \(ranking.n)")

        let trends = try PanelAnalysis.trend(par, TrendRequest(units: ["Quảng Ninh"], years: YearRange(first: 2019, last: 2024)))
        let fit = trends.rows[0].fit
        print("slope \(fit.slope) points a year over \(fit.n) values, p = \(fit.pValue)")

        let forecast = try PanelAnalysis.forecast(par, ForecastRequest(units: ["Quảng Ninh"], horizon: 1, levels: [80]))
        let next = try forecast.rows[0].outcome.get()
        print(forecast.periods[0], next.points[0], next.lower[0][0], next.upper[0][0], next.method)

        let distribution = next.distributions[0]
        let chanceOfGroupA = 1 - distribution.probability(below: 90)
        print("P(at least 90) =", chanceOfGroupA)

        let markdown = TableWriter(language: .vi, numbers: NumberStyle()).render(ranking.table, as: .markdown)
        print(markdown)

        // The figures, as the bundled PAR INDEX states them (and `chiso rank par --year 2023` prints).
        #expect(scores.units.map(\.name) == ["Nghệ An", "Hà Tĩnh"])  // GSO code order: 40, 42
        #expect(report.notes.contains { $0.text.contains("1 cells without a value") })
        #expect(leader.unit.name == "Quảng Ninh" && leader.value == 92.18 && ranking.n == 31)
        #expect(abs(fit.slope - 0.268) < 1e-9 && fit.n == 6)
        #expect(forecast.periods == [.year(2025)])
        #expect(abs(next.points[0] - 92.105154596) < 1e-6)
        #expect(next.lower[0][0] < next.points[0] && next.points[0] < next.upper[0][0])
        #expect(chanceOfGroupA > 0.9 && chanceOfGroupA < 1)
        #expect(markdown.contains("Quảng Ninh"))
    }

    @Test func everyCodeBlockOfTheArticleIsCompiledHere() throws {
        let article = try String(contentsOfFile: Self.article, encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let sourceLines = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 5)
        for block in blocks {
            let lines = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let found = sourceLines.indices.contains { start in
                start + lines.count <= sourceLines.count && Array(sourceLines[start..<(start + lines.count)]) == lines
            }
            #expect(found, "the article's block starting '\(lines.first ?? "")' is not in GettingStartedTests.swift")
        }
    }
}
