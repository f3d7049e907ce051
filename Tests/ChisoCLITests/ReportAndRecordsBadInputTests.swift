import ChisoTestSupport
import Foundation
import Testing

/// The new commands given bad input, as a user meets it: a clear message, a non-zero exit, and
/// nothing on standard output.
struct ReportAndRecordsBadInputTests {
    @Test func reportsOfUnitsTheDataDoNotHave() throws {
        let index = try CLIRunner.run(["report", "index", "par", "--unit", "Atlantis", "-q"])
        #expect(index.status == 1 && index.stdout.isEmpty)
        #expect(index.stderr.contains("unknown unit 'Atlantis'"))
        let scorecard = try CLIRunner.run(["report", "scorecard", "tayninh-cchc", "--unit", "Sở Không Có", "-q"])
        #expect(scorecard.status == 1 && scorecard.stdout.isEmpty)
        #expect(scorecard.stderr.contains("unknown unit 'Sở Không Có' in tayninh-cchc"))
    }

    @Test func recordsWithABadWindowOrMap() throws {
        let records = Fixtures.repositoryRoot + "/notebooks-cli/data/mot-cua-2024.csv"
        let half = try CLIRunner.run(["dossiers", "summarize", records, "--from", "2024-01-01"])
        #expect(half.status == 64)
        let backwards = try CLIRunner.run(["dossiers", "summarize", records, "--from", "2024-06-30", "--to", "2024-01-01", "-q"])
        #expect(backwards.status == 1 && backwards.stdout.isEmpty)
        #expect(backwards.stderr.contains("the window 2024-06-30 – 2024-01-01 ends before it starts"))
        let map = try Fixtures.temporaryFile("map.csv", "status,Chờ,waiting\n")
        let badMap = try CLIRunner.run(["dossiers", "summarize", records, "--map", map, "-q"])
        #expect(badMap.status == 1 && badMap.stdout.isEmpty)
        #expect(badMap.stderr.contains("map.csv:1: 'waiting' is not a status; known: resolved, early"))
    }

    /// Records in a workbook, summarised by the built binary: seed 000's first half.
    @Test func recordsInAWorkbook() throws {
        let result = try CLIRunner.run(["dossiers", "summarize", Fixtures.fixturesFolder + "/dossier-exports/seed000.xlsx", "--by", "unit,half", "--format", "csv", "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\nSở Khoa học và Công nghệ,2023-H1,7,93,100,"))
    }
}
