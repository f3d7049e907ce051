import ChisoAnalysis
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// `chiso rebase` and `--as-2025`, run as a user runs them.
struct RebaseCommandTests {
    @Test func rebaseWritesTheLongLayoutWithRules() throws {
        let result = try CLIRunner.run(["rebase", "par", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "unit,code,period,indicator,value,rule,merged_from")
        // Lào Cai 90.60 and Yên Bái 88.86 in 2023 (published): the new Lào Cai is their mean.
        #expect(lines.contains("Lào Cai,15,2023,PAR_INDEX,89.73,plain mean (no weights given),Lào Cai + Yên Bái"))
        // Bắc Giang has a 2023 value but Bắc Ninh does not: the new Bắc Ninh has none.
        #expect(!lines.contains { $0.hasPrefix("Bắc Ninh,24,2023,PAR_INDEX,") })
        #expect(result.stderr.contains("break marked at 2025"))
        #expect(result.stderr.contains("published ranks out of 63 dropped"))
    }

    @Test func weightsFromAFileAreNamedInTheRule() throws {
        let weights = try Fixtures.temporaryFile("population.csv", "unit,population\nLào Cai,3\nYên Bái,1\n")
        let result = try CLIRunner.run(["rebase", "par", "--weights", weights, "--format", "csv", "-q"])
        #expect(result.status == 0)
        // (3 × 90.60 + 88.86) / 4 = 90.165
        #expect(result.stdout.contains("Lào Cai,15,2023,PAR_INDEX,90.165,mean weighted by population.csv,Lào Cai + Yên Bái\n"))
    }

    @Test func rankAs2025RanksTheNewProvinces() throws {
        let result = try CLIRunner.run(["rank", "par", "--as-2025", "--year", "2023", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("3,Lào Cai,15,89.73,8,") })
        #expect(result.stderr.contains("of 34 units have a value and are ranked"))
        #expect(result.stderr.contains("plain mean (no weights given) for PAR_INDEX"))
    }

    @Test func theRuleIsSaidEvenWhenLoadNotesAreSilenced() throws {
        let result = try CLIRunner.run(["show", "sipas", "--as-2025", "-q", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("note: as the 34 provinces of 2025: plain mean (no weights given) for SIPAS; break marked at 2025"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (["rank", "par", "--weights", "w.csv"], 64, "--weights and --weight-indicator apply with --as-2025"),
        (["rebase", "par", "--weights", "w.csv", "--weight-indicator", "x"], 64, "exclude each other"),
        (["rank", "sipas", "--as-2025", "--weight-indicator", "nope"], 1, "sipas has no indicator 'nope'"),
    ])
    func misusedMergerOptionsFail(arguments: [String], status: Int32, message: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message))
        #expect(result.stdout.isEmpty)
    }

    @Test func aNegativeWeightIsAnErrorWithItsLocation() throws {
        let weights = try Fixtures.temporaryFile("w.csv", "unit,weight\nHà Giang,-1\n")
        let result = try CLIRunner.run(["show", "par", "--as-2025", "--weights", weights])
        #expect(result.status == 1)
        #expect(result.stderr.contains("w.csv:2:2 (column 'weight'): '-1'"))
    }
}
