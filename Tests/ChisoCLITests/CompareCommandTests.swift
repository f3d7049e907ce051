import ChisoAnalysis
import ChisoTestSupport
import Foundation
import Testing

/// `chiso compare`, run as a user runs it.
struct CompareCommandTests {
    @Test func twoProvincesOnTheBundledParIndex() throws {
        let result = try CLIRunner.run(["compare", "par", "--units", "Quảng Ninh,HN", "--year", "2023", "--format", "csv", "-q"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "indicator,unit,value,rank,n,published_rank,gap_leader,gap_region_mean,gap_national_mean,change,gap_to_first,share_of_change,share_of_gap")
        // 2023: 31 provinces with a value, mean 87.6706…; the five of the Red River Delta with a
        // value (Hà Nội, Hải Phòng, Nam Định, Ninh Bình, Quảng Ninh) average 90.304.
        #expect(lines[1] == "PAR_INDEX,Quảng Ninh,92.18,1,31,1,0,1.876,4.50935483871,2.08,,,")
        #expect(lines[2] == "PAR_INDEX,Hà Nội,91.43,3,31,3,-0.75,1.126,3.75935483871,1.85,-0.75,,")
    }

    @Test func as2025ComparesTheNewProvinces() throws {
        let result = try CLIRunner.run(["compare", "par", "--units", "Quảng Ninh,Hà Nội", "--year", "2023", "--as-2025", "--format", "csv"])
        #expect(result.status == 0)
        // Out of the 8 new provinces with a value; no published rank out of 63 is carried over.
        #expect(result.stdout.contains("PAR_INDEX,Hà Nội,91.43,2,8,,-0.75,"))
        #expect(result.stderr.contains("as the 34 provinces of 2025"))
    }

    @Test(arguments: [
        (["compare", "par", "--units", "Hà Nội"], Int32(64), "--units needs at least two units"),
        (["compare", "par", "--units", "Hà Nội,Atlantis"], Int32(1), "Atlantis"),
        (["compare", "par", "--units", "Hà Nội,Huế", "--year", "2005"], Int32(1), "2005"),
    ])
    func badComparisonsFail(arguments: [String], status: Int32, message: String) throws {
        let result = try CLIRunner.run(arguments + ["-q"])
        #expect(result.status == status)
        #expect(result.stderr.contains(message))
        #expect(result.stdout.isEmpty)
    }
}
