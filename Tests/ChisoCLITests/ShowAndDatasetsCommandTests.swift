import ChisoAnalysis
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// `chiso show` and `chiso datasets`, run as a user runs them.
struct ShowAndDatasetsCommandTests {
    @Test func showsUnitsInAnySpellingWithYearsAsColumns() throws {
        let result = try CLIRunner.run(["show", "par", "--unit", "TP.HCM,ha tinh", "--years", "2021-2023", "--format", "csv"])
        #expect(result.status == 0)
        // Units come in the order asked for.
        #expect(result.stdout == "unit,code,indicator,2021,2022,2023\nHồ Chí Minh,79,PAR_INDEX,86.05,84.7,86.97\nHà Tĩnh,42,PAR_INDEX,88.6,85.95,88.35\n")
    }

    @Test func showsPublishedRanks() throws {
        let result = try CLIRunner.run(["show", "par", "--unit", "Long An", "--years", "2023", "--ranks", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "unit,code,indicator,2023\nLong An,80,PAR_INDEX,8\n")
    }

    @Test func showsAWideFileWithDecimalCommas() throws {
        let file = try Fixtures.temporaryFile("so.csv", "đơn vị;2022;2023\nSở Nội vụ;92,5;93,364\nSở Tư pháp;90;91,2\n")
        let result = try CLIRunner.run(["show", file, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout == "unit,code,indicator,2022,2023\nSở Nội vụ,Sở Nội vụ,so,92.5,93.364\nSở Tư pháp,Sở Tư pháp,so,90,91.2\n")
        #expect(result.stderr.contains("units read as the file's own 2 units"))
    }

    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/realdata is not beside the repository"))
    func readsThePAPIFolderWithItsCodebook() throws {
        let folder = Fixtures.sharedFolder + "/realdata/papi-subcriteria"
        let result = try CLIRunner.run(["show", folder, "--unit-codebook", folder + "/codebook/codebook_provinces.csv", "--unit", "Hà Nội", "--indicator", "SC11", "--years", "2011-2012", "--format", "csv"])
        #expect(result.status == 0)
        // P01 (Hanoi) SC11 in 2011.csv and 2012.csv.
        #expect(result.stdout == "unit,code,indicator,2011,2012\nHà Nội,01,SC11,1.26411,1.187747\n")
        #expect(result.stderr.contains("dimensions_derived_2011_2024.csv (no single year in its name) not read"))
    }

    @Test func listsTheBundledDatasets() throws {
        let result = try CLIRunner.run(["datasets", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "name,title,indicators,years,units,coverage_pct")
        #expect(lines.map { String($0.prefix(while: { $0 != "," })) } == ["name", "papi", "par", "pci", "provinces", "sipas", "tayninh-cchc"])
        #expect(lines[2].hasPrefix("par,Provincial PAR INDEX (public administration reform),21,2012–2024,51 / 63,"))
        #expect(lines[4].contains(",63 / 34,"))
    }

    @Test func givesCoveragePerYear() throws {
        let result = try CLIRunner.run(["datasets", "par", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\nPAR_INDEX,2023,31,39,63\n"))
    }
}
