import ChisoAnalysis
import ChisoTestSupport
import Foundation
import Testing

/// Bad input: one clear line on stderr, a non-zero exit, and no output file left behind.
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Arguments; `FILE` is replaced by the path of `file`, written with `bytes`.
        let arguments: [String]
        let bytes: [UInt8]?
        let status: Int32
        let message: String
        var testDescription: String { name }

        init(_ name: String, _ arguments: [String], file: String? = nil, bytes: [UInt8]? = nil, status: Int32 = 1, _ message: String) {
            self.name = name
            self.arguments = arguments
            self.bytes = bytes ?? file.map { Array($0.utf8) }
            self.status = status
            self.message = message
        }
    }

    static let long = "unit,period,indicator,value\n"
    static let cases: [Case] = [
        Case("unknown dataset", ["rank", "parr"], "'parr' is neither a file nor a bundled dataset (bundled: papi, par, pci, sipas"),
        Case("missing file", ["show", "no/such.csv"], "no/such.csv: no such file"),
        Case("unknown indicator", ["rank", "par", "--indicator", "PCI"], "par has no indicator 'PCI'; indicators: PAR_INDEX"),
        Case("year without data", ["rank", "par", "--year", "2030"], "par has no data for 2030; periods: 2012"),
        Case("Windows-1258 file", ["show", "FILE"], bytes: Array("unit,period,indicator,value\n".utf8) + [0x48, 0x61, 0xCC] + Array(",2023,x,1\n".utf8),
             "bad.csv:2:3: the file is not UTF-8 (it looks like Windows-1258 (CP1258)); convert it first"),
        Case("ambiguous decimals", ["rank", "FILE"], file: long + "Hà Nội,2023,x,3.589\n", "bad.csv:2:4 (column 'value'): '3.589' could be a decimal or a thousands separator and no cell in the file settles it; pass --decimal-comma"),
        Case("duplicate cell", ["show", "FILE"], file: long + "Hà Nội,2023,x,1\nHN,2023,x,2\n", "bad.csv:3:4 (column 'value'): duplicate value for Hà Nội, 2023, x (first at "),
        Case("unknown province", ["rank", "FILE"], file: long + "Hà Nội,2023,x,1\nHa Tinhh,2023,x,2\nHuế,2023,x,3\n", "bad.csv:3:1 (column 'unit'): unknown unit 'Ha Tinhh' in provinces-63; closest: Hà Tĩnh, Hòa Bình, Hà Nội"),
        Case("ragged row", ["show", "FILE"], file: long + "Hà Nội,2023,x\n", "bad.csv:2: the row has 3 fields but the header has 4"),
        Case("unterminated quote", ["show", "FILE"], file: long + "\"Hà Nội,2023,x,1\n", "bad.csv:2:1: a quoted field is never closed"),
        Case("not a number", ["show", "FILE"], file: long + "Hà Nội,2023,x,chín mươi\n", "bad.csv:2:4 (column 'value'): 'chín mươi' is not a number"),
        Case("unknown unit in --unit", ["show", "par", "--unit", "Atlantis"], "unknown unit 'Atlantis' in provinces-63; closest:"),
        Case("unknown region", ["rank", "par", "--region", "Atlantis"], "unknown region 'Atlantis'; regions: Đồng bằng sông Hồng, Trung du và miền núi phía Bắc"),
        Case("top and bottom together", ["rank", "par", "--top", "3", "--bottom", "3"], status: 64, "--top and --bottom exclude each other"),
        Case("malformed years", ["show", "par", "--years", "2024-2018"], status: 64, "--years must be a year or a range such as 2018-2024"),
        Case("unknown format", ["rank", "par", "--format", "pdf"], status: 64, "The value 'pdf' is invalid for '--format <format>'"),
        Case("regression on a constant column", ["regress", "FILE", "--y", "y", "--x", "x,flat"], file: "y,x,flat\n1,1,5\n2,2,5\n2.5,3,5\n4.5,4,5\n",
             "the design is rank deficient: 'flat' is a linear combination of the other columns"),
        Case("regression with n ≤ k", ["regress", "FILE", "--y", "y", "--poly", "x:3"], file: "y,x\n1,1\n2,2\n2.5,3\n4.5,4\n",
             "4 complete observations for 4 parameters"),
        Case("regression on a text column", ["regress", "FILE", "--y", "y", "--x", "region"], file: "y,x,region\n1,1,north\n2,2,south\n3,3,north\n",
             "column 'region' holds text, not numbers"),
        Case("regression on an unknown variable", ["regress", "FILE", "--y", "y", "--x", "z"], file: "y,x\n1,1\n2,2\n3,3\n",
             "has no variable 'z'; variables: y, x"),
        Case("malformed --poly", ["regress", "par", "--y", "PAR_INDEX", "--poly", "x10"], status: 64, "--poly takes VARIABLE:DEGREE"),
        Case("regression without regressors", ["regress", "par", "--y", "PAR_INDEX"], status: 64, "give the regressors with --x"),
        Case("forecast horizon 0", ["forecast", "par", "--horizon", "0"], status: 64, "--horizon must be at least 1, not 0"),
        Case("forecast level 100", ["forecast", "par", "--level", "80,100"], status: 64, "--level takes percentages strictly between 0 and 100"),
        Case("backtest unknown model", ["backtest", "par", "--models", "naive,prophet"], status: 64, "--models takes a comma-separated list of"),
        Case("backtest without enough history", ["backtest", "FILE", "--min-train", "4"], file: long + "Hà Nội,2023,x,1\nHà Nội,2024,x,2\n",
             "no origin with 4 periods of training data"),
        Case("missing datasets folder", ["rank", "par", "--datasets", "/no/such/folder"], "no folder of bundled datasets (one holding provinces/dataset.json) at /no/such/folder; pass --datasets DIR or set CHISO_DATASETS"),
    ]

    @Test func thereAreAtLeastTenCases() {
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases)
    func failsCleanlyWithoutOutput(_ c: Case) throws {
        let folder = try Fixtures.temporaryFolder()
        var arguments = c.arguments
        if let bytes = c.bytes {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/bad.csv"))
            arguments = arguments.map { $0 == "FILE" ? "bad.csv" : $0 }
        }
        let output = folder + "/out.csv"
        let result = try CLIRunner.run(arguments + ["--output", output], directory: folder)
        #expect(result.status == c.status)
        #expect(result.stderr.contains(c.message), "stderr was: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "bad.csv" }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func dataErrorsAreOneLineStartingWithTheProgramName() throws {
        let result = try CLIRunner.run(["rank", "parr"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("chiso: error: ") == true)
    }
}

/// The crashes a mutation fuzzer found, from minimal inputs: each now ends with one line and exit 1.
struct CrashRegressionTests {
    @Test(arguments: [["rank"], ["show"], ["forecast"], ["backtest"], ["trend"], ["target", "--unit", "Hà Nội", "--rank", "1"],
                      ["compare", "--units", "Hà Nội,Huế"]])
    func aHeaderWithoutRowsIsAnErrorNotATrap(_ command: [String]) throws {
        let file = try Fixtures.temporaryFile("header-only.csv", "unit,period,indicator,value\n")
        let result = try CLIRunner.run([command[0], file] + command.dropFirst())
        #expect(result.status == 1, "\(command): exit \(result.status)")
        #expect(result.stderr.contains("header-only.csv: the table has a header but no data rows"))
    }
}
