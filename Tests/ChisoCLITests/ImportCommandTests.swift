import ChisoTestSupport
import Foundation
import Testing

/// `chiso import` on the official workbooks as downloaded (read in place from ../shared), then the
/// commands that use them, in a user data folder of the test's own.
@Suite(.enabled(if: Fixtures.runSharedTests, "../shared is not beside the repository"))
struct ImportCommandTests {
    static let folder = Fixtures.sharedFolder + "/realdata/official-workbooks/"
    static let pciFiles = ["2005.xls", "2007.xls", "2009.xls", "2011.xls", "2012.xlsx", "2014.xlsx", "2016.xlsx", "2017.xlsx", "2019.xlsx"].map { folder + "pci/PCI " + $0 }

    @Test func importedPCIIsWhatEveryCommandSees() throws {
        let home = ["CHISO_HOME": try Fixtures.temporaryFolder()]
        let imported = try CLIRunner.run(["import", "pci"] + Self.pciFiles + ["--format", "csv"], environment: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        let lines = imported.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "file,year,values,ranks,units,sheets_read,sheets_skipped,status")
        #expect(lines.dropFirst().map { $0.split(separator: ",")[1] } == ["2005", "2007", "2009", "2011", "2012", "2014", "2016", "2017", "2019"])
        // The English summaries of 2014 and 2016 hold 2013's figures: not read, and said why.
        #expect(lines.contains { $0.hasPrefix("PCI 2016.xlsx,2016,") && $0.contains("Summary (its values differ from the other sheets'") })
        // Page figures the workbooks contradict are listed, even without notes.
        #expect(imported.stderr.contains("Hồ Chí Minh 2014 PCI value: page 63.51 (http://54.178.159.16/?q=node%2F23770), workbook 62.72781 (PCI 2014.xlsx[Summary_VN]!W5)"))

        // rank pci --year 2016: 63 ranked, Đà Nẵng first with 70.00.
        let rank = try CLIRunner.run(["rank", "pci", "--year", "2016", "--format", "csv"], environment: home)
        #expect(rank.status == 0)
        let rows = rank.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 63)
        #expect(rows[0][1] == "Đà Nẵng" && rows[0][0] == "1" && rows[0][5] == "1")
        #expect(Double(rows[0][3]).map { ($0 * 100).rounded() / 100 } == 70.00)
        #expect(rank.stderr.contains("PCI 2016: 63 of 63 units have a value and are ranked"))
        // 2007 ranks 64 provinces with Hà Tây; 2005 ranks the 42 surveyed.
        let rank2007 = try CLIRunner.run(["rank", "pci", "--year", "2007", "--format", "csv", "-q"], environment: home)
        #expect(rank2007.stdout.split(separator: "\n").count == 65 && rank2007.stdout.contains(",Hà Tây,28,"))
        #expect(try CLIRunner.run(["rank", "pci", "--year", "2005", "--format", "csv", "-q"], environment: home).stdout.split(separator: "\n").count == 43)

        // Hà Tĩnh's PCI in every imported year, and its profile uses them.
        let show = try CLIRunner.run(["show", "pci", "--unit", "Hà Tĩnh", "--indicator", "PCI", "--format", "csv", "-q"], environment: home)
        let header = show.stdout.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(Set(["2005", "2007", "2009", "2011", "2012", "2014", "2016", "2017", "2019"]).isSubset(of: Set(header)), "\(show.stdout)")
        let profile = try CLIRunner.run(["profile", "Hà Tĩnh", "--format", "csv", "-q"], environment: home)
        let pci = try #require(profile.stdout.split(separator: "\n").first { $0.hasPrefix("pci,PCI,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(pci[2] == "2019" && pci[4] == "27" && pci[5] == "63" && pci[6] == "27")  // computed rank among 63 = published rank
        #expect(Int(pci[9]) == 9)  // a trend over the nine imported years

        // Which values came from which file and sheet, and the differences.
        let sources = try CLIRunner.run(["datasets", "pci", "--sources", "--format", "csv"], environment: home)
        #expect(sources.stdout.contains("\nPCI 2016.xlsx[Summary_VN],workbook,693,63,2016,"))
        let differences = try CLIRunner.run(["datasets", "pci", "--differences", "--format", "csv"], environment: home)
        #expect(differences.stdout.contains("\nHồ Chí Minh,2014,PCI,value,63.51,62.72781,"))

        // Importing a file again changes nothing; removing undoes the imports.
        let manifest = home["CHISO_HOME"]! + "/imports/pci/manifest.json"
        let before = try String(contentsOfFile: manifest, encoding: .utf8)
        let again = try CLIRunner.run(["import", "pci", Self.folder + "pci/PCI 2017.xlsx", "--format", "csv", "-q"], environment: home)
        #expect(again.status == 0 && again.stdout.contains("already imported, unchanged"))
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == before)
        let removed = try CLIRunner.run(["datasets", "remove", "pci"], environment: home)
        #expect(removed.status == 0 && removed.stdout.contains("Removed from 'pci': PCI 2005.xls (2005)"))
        let after = try CLIRunner.run(["rank", "pci", "--year", "2016", "--format", "csv", "-q"], environment: home)
        #expect(after.stdout.split(separator: "\n").count < 20)
    }

    @Test func papiTotalsAreTheSumOfTheDimensions() throws {
        let home = ["CHISO_HOME": try Fixtures.temporaryFolder()]
        let files = ["PAPI 2011 vie.xlsx", "PAPI 2018 FULL vie.xlsx"].map { Self.folder + "papi/" + $0 }
        let imported = try CLIRunner.run(["import", "papi"] + files + ["--format", "csv"], environment: home)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("PAPI 2011 vie.xlsx: a sheet name says 2012, the file name 2011; read as 2011"))
        #expect(imported.stderr.contains("PAPI 2011 vie.xlsx: no total column; PAPI_TOTAL is the sum of the 6 dimension scores for 63 provinces"))
        // 2018: the workbook's total; Đồng Tháp and Quảng Ninh have none (KCDL).
        let rank = try CLIRunner.run(["rank", "papi", "--year", "2018", "--format", "csv"], environment: home)
        #expect(rank.stderr.contains("PAPI_TOTAL 2018: 61 of 63 units have a value and are ranked"))
        let show = try CLIRunner.run(["show", "papi", "--unit", "Hà Nội", "--indicator", "PAPI_TOTAL", "--format", "csv", "-q"], environment: home)
        #expect(show.stdout.contains("Hà Nội,01,PAPI_TOTAL,"), "\(show.stdout)")
    }

    @Test func aWorkbookThatIsNotOneIsRefusedAndNothingIsStored() throws {
        let home = ["CHISO_HOME": try Fixtures.temporaryFolder()]
        let result = try CLIRunner.run(["import", "pci", Self.folder + "pci/PCI 2017.xlsx", "Tests/Fixtures/not-tables/report-pdf.xlsx"], environment: home)
        #expect(result.status == 1)
        #expect(result.stderr.contains("report-pdf.xlsx: this is a PDF document, not a table"))
        #expect(!FileManager.default.fileExists(atPath: home["CHISO_HOME"]! + "/imports/pci"))
    }
}
