import ChisoAnalysis
import ChisoOutput
import ChisoTestSupport
import Foundation
import Testing

/// `chiso rank`, run as a user runs it.
struct RankCommandTests {
    @Test func ranksTheBundledParIndex() throws {
        let result = try CLIRunner.run(["rank", "par", "--year", "2023", "--top", "5", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "rank,unit,code,value,n,published_rank,change,rank_change,percentile,quartile")
        #expect(lines.count == 6)
        // Quảng Ninh led the PAR INDEX 2023 with 92.18 (90.10 in 2022), first in both years.
        #expect(lines[1] == "1,Quảng Ninh,22,92.18,31,1,2.08,0,100,1")
        #expect(result.stderr.contains("PAR_INDEX 2023: 31 of 63 units have a value and are ranked"))
    }

    @Test func terminalTableInVietnameseWithDecimalComma() throws {
        let result = try CLIRunner.run(["rank", "sipas", "--year", "2023", "--top", "3", "--format", "table", "--lang", "vi", "--decimal-comma", "-q"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("Hạng công bố"))
        #expect(result.stdout.contains("Quảng Ninh"))
        #expect(result.stdout.contains("90,61"))
    }

    @Test func regionAndBottomFromAFileOnStandardInput() throws {
        let csv = "unit,period,indicator,value\nHà Nội,2023,PAR,91.43\nHải Phòng,2023,PAR,91.87\nAn Giang,2023,PAR,81.32\nCần Thơ,2023,PAR,86.15\n"
        let result = try CLIRunner.run(["rank", "-", "--region", "Mekong River Delta", "--bottom", "1", "--format", "json"], stdin: csv)
        #expect(result.status == 0)
        #expect(result.stdout == "[\n  {\"rank\": 2, \"unit\": \"An Giang\", \"code\": \"89\", \"value\": 81.32, \"n\": 2, \"published_rank\": null, \"change\": null, \"rank_change\": null, \"percentile\": 0, \"quartile\": 4}\n]\n")
    }

    @Test func outputFileIsWrittenAndItsExtensionChoosesTheFormat() throws {
        let folder = try Fixtures.temporaryFolder()
        let result = try CLIRunner.run(["rank", "par", "--year", "2022", "--top", "2", "--output", folder + "/top.md"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOfFile: folder + "/top.md", encoding: .utf8)
        #expect(text.hasPrefix("**PAR INDEX"))
        #expect(text.contains("| 1 | Quảng Ninh | 22 | 90.10 |"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["top.md"])
    }

    @Test func worksFromAnyDirectoryAndWithChisoDatasets() throws {
        let elsewhere = try CLIRunner.run(["rank", "par", "--year", "2023", "--top", "1", "--format", "csv"], directory: NSTemporaryDirectory())
        #expect(elsewhere.status == 0)
        #expect(elsewhere.stdout.contains("Quảng Ninh"))
        let viaEnvironment = try CLIRunner.run(["rank", "par", "--top", "1", "--format", "csv"], directory: "/", environment: ["CHISO_DATASETS": Fixtures.datasetsFolder])
        #expect(viaEnvironment.status == 0)
        // Without --year the latest year with broad coverage is ranked: 2023 (31 values; 2024 has 13),
        // led by Quảng Ninh, and stderr says why.
        #expect(viaEnvironment.stdout.contains("1,Quảng Ninh,22,92.18"))
        #expect(viaEnvironment.stderr.contains("PAR_INDEX: 2023 used (31 values), the latest period with broad coverage; 2024 has only 13"))
    }

    @Test func colourOnRequestAndNeverWhenPipedOrRefused() throws {
        let arguments = ["rank", "par", "--year", "2024", "--top", "3", "--format", "table", "-q"]
        // Quảng Ninh fell 0.69 and 3 places in 2024: red; Hải Phòng rose 4.30 and 1 place: green.
        let colored = try CLIRunner.run(arguments + ["--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[32m  4.30\u{1B}[0m"))
        #expect(colored.stdout.contains("\u{1B}[31m -0.69\u{1B}[0m"))
        #expect(!(try CLIRunner.run(arguments)).stdout.contains("\u{1B}"))
        #expect(!(try CLIRunner.run(arguments + ["--color", "always", "--no-color"])).stdout.contains("\u{1B}"))
    }
}
