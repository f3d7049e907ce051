import ChisoTestSupport
import Foundation
import Testing

/// `chiso scorecard` and `--unit-group`, run as a department runs them, on the hand-made
/// scorecard of ScorecardPlanTests (Tests/Fixtures/scorecards/departments.csv).
struct ScorecardCommandTests {
    static let file = Fixtures.fixturesFolder + "/scorecards/departments.csv"

    @Test func lostAndPlanAsCSV() throws {
        let lost = try CLIRunner.run(["scorecard", "lost", Self.file, "--unit", "Sở KH&CN", "--format", "csv", "-q"])
        #expect(lost.status == 0)
        let lines = lost.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "code,criterion,max,score,lost,share_of_lost,change,best_peer,best_peer_unit")
        #expect(lines[1].hasPrefix("3,Chính quyền số,20,16,4,61.53"))
        let plan = try CLIRunner.run(["scorecard", "plan", Self.file, "--unit", "Sở KH&CN", "--rank", "1", "--format", "table", "-q"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("Needed: 94.44% (Sở Ngoại vụ's 94.44% in 2023, the best of the others): 3.723 more points"))
    }

    /// Groups are never mixed: the message names them and the option; ranking a group follows
    /// the % of each maximum and says so even with -q.
    @Test func groupsAndScales() throws {
        let mixed = try CLIRunner.run(["rank", Self.file, "--indicator", "TOTAL", "-q"])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("'Sở ngành' (4 units), 'Huyện' (1 units); choose one with --unit-group"))
        let ranked = try CLIRunner.run(["rank", Self.file, "--indicator", "TOTAL", "--unit-group", "sở ngành", "--format", "csv", "-q"])
        #expect(ranked.status == 0)
        #expect(ranked.stderr.contains("ranked by the % of each unit's own maximum reached: the maxima differ (45, 50)"))
        #expect(ranked.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] } == ["Sở Ngoại vụ", "Sở Tư pháp", "Sở KH&CN", "Sở Y tế"])
    }

    /// In CSV the plan's footnotes — the points needed, a shortfall — go to stderr, even with -q:
    /// an empty or short list of criteria is never read as "nothing to do".
    @Test func aShortfallIsSaidInDataFormats() throws {
        let plan = try CLIRunner.run(["scorecard", "plan", Self.file, "--unit", "Sở KH&CN", "--percent", "99", "--format", "csv", "-q"])
        #expect(plan.status == 0)
        #expect(plan.stderr.contains("note: The criteria give only 4.5 points: 1.5 short."))
        #expect(plan.stdout.split(separator: "\n").count == 4)
    }

    /// A file without a total is refused with the option that names it.
    @Test func aMissingTotalNamesTheOption() throws {
        let path = try Fixtures.temporaryFile("fields.csv", "unit,year,indicator,value,max\nSở A,2023,Field 1,5,6\nSở A,2023,Field 2,3,4\n")
        let result = try CLIRunner.run(["scorecard", "lost", path, "--unit", "Sở A"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("has no indicator named as a scorecard's total") && result.stderr.contains("name it with --total"))
        let named = try CLIRunner.run(["scorecard", "lost", path, "--unit", "Sở A", "--total", "Field 1", "--format", "csv", "-q"])
        #expect(named.status == 0 && named.stdout.contains("Field 2,4,3,1"))
    }

    @Test func badGoalsAreRefused() throws {
        let none = try CLIRunner.run(["scorecard", "plan", Self.file, "--unit", "Sở KH&CN"])
        #expect(none.status != 0 && none.stderr.contains("give one goal"))
        let over = try CLIRunner.run(["scorecard", "plan", Self.file, "--unit", "Sở KH&CN", "--percent", "120"])
        #expect(over.status != 0 && over.stderr.contains("--percent"))
    }
}

/// Seed 003, a press article, read into a scorecard: the scores and maxima the text states,
/// the fields it does not list reported as unknown.
@Suite(.enabled(if: Fixtures.runSharedTests, "../shared/seeds is not beside the repository"))
struct ScorecardFromTextTests {
    @Test func aReportBecomesAScorecard() throws {
        let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: Fixtures.sharedFolder + "/seeds").first { $0.hasPrefix("003") })
        let folder = try Fixtures.temporaryFolder()
        let extracted = try CLIRunner.run(["extract", Fixtures.sharedFolder + "/seeds/" + seed, "--as", "scorecard", "-q", "-o", folder + "/scores.csv"])
        #expect(extracted.status == 0)
        let text = try String(contentsOfFile: folder + "/scores.csv", encoding: .utf8)
        #expect(text.contains("Sở Khoa học và Công nghệ,2023,TOTAL,93.364,98,1\n"))
        #expect(text.contains("Sở Khoa học và Công nghệ,2023,cải cách tài chính công,7.5,8,\n"))
        let lost = try CLIRunner.run(["scorecard", "lost", folder + "/scores.csv", "--unit", "Sở Khoa học và Công nghệ", "--format", "table", "-q"])
        #expect(lost.status == 0)
        #expect(lost.stdout.hasPrefix("Sở Khoa học và Công nghệ 2023: TOTAL 93.364/98 (95.27%), published rank 1"))
        #expect(lost.stdout.contains("the other 31 belong to criteria the file does not name: their score (29.413)"))
    }
}
