import ChisoTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// What chiso does to the files it writes and the spreadsheets that open them (docs/security.md).
struct OutputSafetyTests {
    static let panel = "unit,period,indicator,value\nHà Nội,2023,x,1\nHuế,2023,x,2\n"

    @Test func formulaLikeUnitNamesReachTheCSVInert() throws {
        let file = try Fixtures.temporaryFile("evil.csv", "unit,period,indicator,value\n\"=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",2023,x,1\n@SUM(1),2023,x,2\n")
        let result = try CLIRunner.run(["rank", file, "--unit-system", "custom", "--format", "csv", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n1,'@SUM(1),'@SUM(1),2,"))
        #expect(result.stdout.contains("2,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\""))
    }

    @Test func aSymbolicLinkIsNotWrittenThrough() throws {
        let folder = try Fixtures.temporaryFolder()
        let victim = folder + "/victim.txt"
        try "keep me\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.csv", withDestinationPath: victim)
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let result = try CLIRunner.run(["rank", input, "-q", "-o", folder + "/out.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("out.csv: cannot be written: it is a symbolic link"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["out.csv", "victim.txt"])
    }

    @Test func aReadOnlyFileIsNotReplaced() throws {
        let folder = try Fixtures.temporaryFolder()
        let target = folder + "/locked.csv"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o444)
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let result = try CLIRunner.run(["rank", input, "-q", "-o", target])
        #expect(result.status == 1)
        #expect(result.stderr.contains("locked.csv: cannot be written: it is read-only"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o444)
    }

    @Test func aWritableFileIsReplacedAndKeepsItsMode() throws {
        let folder = try Fixtures.temporaryFolder()
        let target = folder + "/shared.csv"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o640)
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let result = try CLIRunner.run(["rank", input, "-q", "-o", target, "--no-bom"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("rank,unit,"))
        let mode = (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o640)
    }

    @Test func devicesAndFIFOsAreRefusedAndDashIsStandardOutput() throws {
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let devNull = try CLIRunner.run(["rank", input, "-q", "-o", "/dev/null", "--format", "csv"])
        #expect(devNull.status == 1)
        #expect(devNull.stderr.contains("/dev/null: cannot be written: it is not a regular file"))
        let fifo = try Fixtures.temporaryFolder() + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        let toFIFO = try CLIRunner.run(["rank", input, "-q", "-o", fifo, "--format", "csv"])
        #expect(toFIFO.status == 1)
        #expect(toFIFO.stderr.contains("it is not a regular file"))
        let dash = try CLIRunner.run(["rank", input, "-q", "-o", "-", "--format", "csv"])
        #expect(dash.status == 0)
        #expect(dash.stdout.hasPrefix("rank,unit,"))
    }

    /// A .csv file starts with a byte-order mark for Excel; standard output does not.
    @Test func csvFilesCarryAByteOrderMark() throws {
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let target = try Fixtures.temporaryFolder() + "/ranks.csv"
        #expect(try CLIRunner.run(["rank", input, "-q", "-o", target]).status == 0)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: target)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // chiso reads its own output back.
        #expect(try CLIRunner.run(["show", target, "--layout", "wide-indicators", "--period", "2023", "--indicator", "value", "-q"]).status == 0)
        let piped = try CLIRunner.run(["rank", input, "-q", "--format", "csv"])
        #expect(piped.stdout.hasPrefix("rank,unit,"))
    }

    @Test(arguments: [("x.docx", "unknown extension"), ("x.pdf", "unknown extension"), ("x.tsv", "unknown extension")])
    func unknownOutputExtensionsAreRefused(name: String, message: String) throws {
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let target = try Fixtures.temporaryFolder() + "/" + name
        let result = try CLIRunner.run(["rank", input, "-q", "-o", target])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
        #expect(result.stderr.contains(".vl.json"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func vlJsonMeansVegaLite() throws {
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let target = try Fixtures.temporaryFolder() + "/chart.vl.json"
        #expect(try CLIRunner.run(["rank", input, "-q", "-o", target]).status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("https://vega.github.io/schema/vega-lite/v5.json"))
    }

    @Test func vietnameseCSVHeaders() throws {
        let input = try Fixtures.temporaryFile("p.csv", Self.panel)
        let result = try CLIRunner.run(["rank", input, "-q", "--format", "csv", "--lang", "vi"])
        #expect(result.stdout.hasPrefix("Hạng,Đơn vị,Mã,Giá trị,"))
    }
}

/// Notebook runs write nothing outside their scratch folder and cannot nest.
struct NotebookSafetyTests {
    @Test func checkModeWritesNothingWhereTheStepsName() throws {
        let folder = try Fixtures.temporaryFolder()
        let target = folder + "/written.csv"
        let notebook = folder + "/n.md"
        try """
            ```console
            $ chiso rank par --year 2023 --top 1 -q --output \(target)
            $ chiso show \(target) --layout wide-indicators --period 2023 --indicator value --format csv -q
            unit,code,indicator,2023
            Quảng Ninh,22,value,92.18
            ```

            """.write(toFile: notebook, atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["notebook", "run", notebook])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
        let allowed = try CLIRunner.run(["notebook", "run", notebook, "--allow-writes"])
        #expect(allowed.status == 0)
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func aNotebookThatRunsNotebooksIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        let notebook = folder + "/self.md"
        try "```console\n$ chiso notebook run \(notebook)\n```\n".write(toFile: notebook, atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["notebook", "run", notebook, "--update"])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: notebook, encoding: .utf8).contains("[exit status 1]"))
        let direct = try CLIRunner.run(["notebook", "run", notebook], environment: ["CHISO_NOTEBOOK_SANDBOX": folder])
        #expect(direct.stderr.contains("cannot run inside a notebook step"))
    }

    @Test func aNotebookWithoutStepsOrWithAnOpenBlockFails() throws {
        let empty = try Fixtures.temporaryFile("empty.md", "# Nothing\n\n```sh\n$ chiso rank par\n```\n")
        let none = try CLIRunner.run(["notebook", "run", empty])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no `$ chiso …` step"))
        let open = try Fixtures.temporaryFile("open.md", "```console\n$ chiso rank par\n")
        let unclosed = try CLIRunner.run(["notebook", "run", open])
        #expect(unclosed.status == 1)
        #expect(unclosed.stderr.contains(":1: the console block opened here is never closed"))
    }
}

/// Inputs that once took minutes or produced files that do not parse.
struct HostileTextTests {
    /// Control characters in a unit's name: the workbook and the chart still parse.
    @Test func controlCharactersInNamesLeaveValidXML() throws {
        let file = try Fixtures.temporaryFile("ctl.csv", "unit,period,indicator,value\n\"A\u{01}B\u{0B}\",2023,x,1\nC,2023,x,2\n")
        let folder = try Fixtures.temporaryFolder()
        #expect(try CLIRunner.run(["rank", file, "--unit-system", "custom", "-q", "-o", folder + "/r.xlsx"]).status == 0)
        #expect(try CLIRunner.run(["show", folder + "/r.xlsx", "--layout", "wide-indicators", "--period", "2023", "--indicator", "Value", "-q"]).status == 0)
        let svg = try CLIRunner.run(["rank", file, "--unit-system", "custom", "-q", "--format", "svg"])
        #expect(svg.status == 0)
        #expect(XMLParser(data: Data(svg.stdout.utf8)).parse())
        #expect(svg.stdout.contains("A\u{FFFD}B\u{FFFD}"))
    }

    /// A megabyte of semicolons, and a 20 MB header cell: each done in seconds, not minutes.
    @Test func pathologicalTextIsLinear() throws {
        let semicolons = try Fixtures.temporaryFile("semi.txt", String(repeating: ";", count: 1 << 20))
        let extract = try CLIRunner.runLimited(["extract", semicolons, "-q"], virtualMemoryKiB: 1 << 21, seconds: 30)
        #expect(extract.status == 0, "exit \(extract.status)")
        let header = try Fixtures.temporaryFile("wide.csv", "unit,period,indicator,value" + String(repeating: "y", count: 20 << 20) + "\nHà Nội,2023,x,1\n")
        let rank = try CLIRunner.runLimited(["show", header, "-q", "--layout", "long"], virtualMemoryKiB: 1 << 21, seconds: 30)
        #expect(rank.status != 124 && rank.status < 128, "exit \(rank.status)")
    }

    @Test func extractReadsStandardInputByItsDevicePath() throws {
        let result = try CLIRunner.run(["extract", "/dev/stdin", "--format", "csv"], stdin: "Sở Tư pháp tiếp nhận 1.204 hồ sơ.")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("received,1204,"))
    }
}
