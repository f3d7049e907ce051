import ChisoTestSupport
import Foundation
import Testing

/// `chiso rank --all`, run as a user runs it, on the pandas fixture of ties and gaps.
struct RankAllCommandTests {
    static let panel = Fixtures.fixturesFolder + "/ranking/panel_ties.csv"

    @Test func yearsAndIndicatorsChooseTheRowsAndTheYearBeforeGivesTheChange() throws {
        let result = try CLIRunner.run(["rank", Self.panel, "--all", "--indicator", "B", "--years", "2020-2021", "--ties", "average", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "indicator,unit,code,period,value,rank,n,published_rank,rank_change,percentile")
        #expect(lines.count == 1 + 12)
        // Khánh Hòa: 50 in 2019 (rank 5), 61 in 2020 (tied first with Đà Nẵng: 1.5), 3.5 places up.
        #expect(lines.contains("B,Khánh Hòa,56,2020,61,1.5,6,,3.5,90"))
        #expect(result.stderr.contains("indicators ranked: 1, rows: 12"))
    }

    @Test func jsonIsOneArrayOfEveryRow() throws {
        let result = try CLIRunner.run(["rank", Self.panel, "--all", "--format", "json", "-q"])
        #expect(result.status == 0)
        guard case let .array(rows) = try JSONValue.parse(result.stdout) else { Issue.record("not an array"); return }
        // 6 years of A with one value missing, 3 years of B: 35 + 18 rows.
        #expect(rows.count == 53)
    }

    @Test func theTerminalTableGroupsByIndicator() throws {
        let result = try CLIRunner.run(["rank", Self.panel, "--all", "--format", "table", "-q"])
        #expect(result.status == 0)
        let firstCells = result.stdout.split(separator: "\n").dropFirst(3).compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(firstCells.filter { $0 == "A" }.count == 1)
        #expect(firstCells.filter { $0 == "B" }.count == 1)
    }

    /// Millions of rows are written as data, not laid out on a screen.
    @Test func aScreenTableOfTooManyRowsIsRefused() throws {
        var text = "unit,year,indicator,value\n"
        let units = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
        for indicator in 0..<2_900 {
            for year in 2011...2024 { for unit in units { text += "\(unit),\(year),I\(indicator),\(indicator % 7 + year % 5)\n" } }
        }
        let file = try Fixtures.temporaryFile("many.csv", text)
        let refused = try CLIRunner.run(["rank", file, "--all", "--format", "markdown", "-q"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("203000 rows are too many for a markdown (at most 200000)"))
        #expect(refused.stdout.isEmpty)
        let written = try CLIRunner.run(["rank", file, "--all", "--format", "csv", "-q"])
        #expect(written.status == 0)
        #expect(written.stdout.split(separator: "\n").count == 1 + 203_000)
    }

    /// `--workers` is the number of threads that read the file: the output does not depend on it.
    @Test func oneWorkerGivesTheSameRanks() throws {
        let one = try CLIRunner.run(["rank", Self.panel, "--all", "--workers", "1", "--format", "csv", "-q"])
        let two = try CLIRunner.run(["rank", Self.panel, "--all", "--workers", "2", "--format", "csv", "-q"])
        #expect(one.status == 0 && two.status == 0)
        #expect(!one.stdout.isEmpty && one.stdout == two.stdout)
        let refused = try CLIRunner.run(["rank", Self.panel, "--all", "--workers", "0"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--workers must be from 1 to 1024, not 0"))
    }

    @Test(arguments: [
        (["--all", "--year", "2020"], "--year, --top, --bottom and --region do not apply"),
        (["--years", "2020-2021"], "--years goes with --all"),
        (["--indicator", "A,B"], "or a list with --all"),
        (["--all", "--indicator", "C"], "has no indicator 'C'"),
    ])
    func misuseIsRefused(_ arguments: [String], _ message: String) throws {
        let result = try CLIRunner.run(["rank", Self.panel] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
