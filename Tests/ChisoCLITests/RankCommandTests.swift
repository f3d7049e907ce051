import ChisoTestSupport
import Testing

/// `chiso rank`, run as a user runs it.
struct RankCommandTests {
    @Test func ranksTheBundledParIndex() throws {
        let result = try CLIRunner.run(["rank", "par", "--year", "2023", "--top", "5", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "rank,unit,code,value,n,published_rank,change,rank_change,percentile,quartile")
        #expect(lines.count == 6)
        // Quảng Ninh led the PAR INDEX 2023 with 92.18 (up from 90.10 in 2022), ranked first in both years.
        #expect(lines[1] == "1,Quảng Ninh,22,92.18,30,1,2.08,0,100,1")
        #expect(result.stderr.contains("PAR_INDEX 2023: 30 of 63 units have a value and are ranked"))
    }
}
