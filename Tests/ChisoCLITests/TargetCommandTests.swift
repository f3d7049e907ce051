import ChisoTestSupport
import Foundation
import Testing

/// `chiso target`, run as a user runs it.
struct TargetCommandTests {
    private func rows(_ csv: String) -> [String: [String]] {
        var byItem: [String: [String]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = String(line).components(separatedBy: ",")
            byItem[fields[0]] = fields
        }
        return byItem
    }

    @Test func rankTargetOnTheBundledParIndex() throws {
        let result = try CLIRunner.run(["target", "par", "--unit", "khanh hoa", "--rank", "3", "--format", "csv", "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("item,label,value,maximum,headroom\n"))
        let items = rows(result.stdout)
        // Khánh Hòa scored 90.49 in 2024 (published rank 10); third among the values in 2024 was
        // Quảng Ninh's 91.49.
        #expect(items["current"]?[2] == "90.49")
        #expect(items["threshold_2024"]?[2] == "91.49")
        let forecast = try #require(items["forecast"].flatMap { Double($0[2]) })
        let threshold = try #require(items["threshold_2025"].flatMap { Double($0[2]) })
        let gain = try #require(items["gain_needed"].flatMap { Double($0[2]) })
        #expect(abs(threshold - forecast - gain) < 1e-9)
        let probability = try #require(items["probability"].flatMap { Double($0[2]) })
        #expect(probability > 0 && probability < 1)
        // The published figures: 5.09 of the 6.5 impact points of the 2024 methodology.
        #expect(result.stdout.contains("headroom:PAR_PTS_IMPACT,\"Impact of administrative reform, points (2024 methodology)\",5.09,6.5,1.41\n"))
    }

    @Test func theSameSeedGivesTheSameProbability() throws {
        let arguments = ["target", "par", "--unit", "Hà Tĩnh", "--group", "A", "--draws", "4000", "--format", "csv", "-q"]
        let first = try CLIRunner.run(arguments + ["--seed", "11"])
        let again = try CLIRunner.run(arguments + ["--seed", "11"])
        let other = try CLIRunner.run(arguments + ["--seed", "12"])
        #expect(first.status == 0 && first.stdout == again.stdout)
        #expect(rows(first.stdout)["probability"] != rows(other.stdout)["probability"])
        #expect(rows(first.stdout)["threshold_2025"]?[2] == "90")
    }

    @Test func terminalTableStatesTheAssumptionsInVietnamese() throws {
        let result = try CLIRunner.run(["target", "par", "--unit", "Khánh Hòa", "--improve", "2", "--format", "table", "--lang", "vi", "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Mục tiêu tăng 2 về"))
        #expect(result.stdout.contains("giả định độc lập giữa các đơn vị"))
        #expect(result.stdout.contains("Dư địa"))
    }

    @Test(arguments: [
        (["--unit", "Huế"], "give exactly one goal"),
        (["--unit", "Huế", "--rank", "2", "--score", "90"], "give exactly one goal"),
        (["--unit", "Huế", "--rank", "0"], "--rank must be at least 1"),
        (["--unit", "Huế", "--group", "A", "--draws", "0"], "--draws must be at least 1"),
    ])
    func requestsThatCannotBeParsedAreUsageErrors(arguments: [String], message: String) throws {
        let result = try CLIRunner.run(["target", "par"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--unit", "Khánh Hòa", "--group", "D"], "unknown group 'D'"),
        (["--unit", "Khánh Hòa", "--rank", "40"], "rank 40 is out of range: 11 units have a forecast"),
        (["--unit", "Khánh Hoà", "--rank", "1", "--year", "2030"], "2030"),
        (["--unit", "Atlantis", "--rank", "1"], "Atlantis"),
    ])
    func goalsThatCannotBeSetFailWithOneLine(arguments: [String], message: String) throws {
        let result = try CLIRunner.run(["target", "par", "-q"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("chiso: error: "))
        #expect(result.stderr.contains(message))
        #expect(result.stdout.isEmpty)
    }
}
