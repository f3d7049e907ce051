import ChisoAnalysis
import ChisoOutput
import ChisoTestSupport
import Foundation
import Testing

/// `chiso regress` and `chiso trend`, run as a user runs them.
struct ModelCommandTests {
    /// The NIST Filip problem through the command line: every coefficient and standard error to at
    /// least 14 digits of the certified values.
    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/realdata is not beside the repository"))
    func regressReproducesFilip() throws {
        let folder = Fixtures.sharedFolder + "/realdata/nist-strd"
        let result = try CLIRunner.run(["regress", folder + "/Filip.csv", "--y", "y", "--poly", "x:10", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(lines[0] == ["term", "estimate", "std_error", "t", "p", "ci_low", "ci_high"])
        #expect(lines.dropFirst().map { $0[0] } == ["const", "x"] + (2...10).map { "x^\($0)" })
        let certified = try Fixtures.numericTable(folder + "/Filip_certified.csv", textColumns: ["parameter"])
        for (row, (estimate, error)) in zip(lines.dropFirst(), zip(certified.numbers["estimate"]!, certified.numbers["std_dev"]!)) {
            #expect(abs(Double(row[1])! - estimate) / abs(estimate) < 1e-14, "\(row[0])")
            #expect(abs(Double(row[2])! - error) / abs(error) < 1e-14, "\(row[0])")
        }
        #expect(result.stderr.contains("note: n = 82, k = 11, rank = 11, residual df = 71"))
        #expect(result.stderr.contains("condition number = 1.76797e+15"))
    }

    @Test func regressOnJoinedDatasetsWithClusters() throws {
        let result = try CLIRunner.run(["regress", "par,sipas", "--y", "SIPAS", "--x", "PAR_INDEX", "--robust", "cluster", "--format", "table", "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OLS: SIPAS on PAR_INDEX — par+sipas, cluster standard errors"))
        #expect(result.stdout.contains("rows with a missing value left out"))
        #expect(result.stdout.contains("t tests with"))
    }

    @Test func trendOfOneProvince() throws {
        // Quảng Ninh, Quảng Nam and Quảng Ngãi share the initials QN: the command says so.
        let ambiguous = try CLIRunner.run(["trend", "par", "--unit", "QN", "--format", "csv"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("'QN' is ambiguous in provinces-63: it fits Quảng Ninh, Quảng Nam, Quảng Ngãi"))
        let named = try CLIRunner.run(["trend", "par", "--unit", "Quảng Ninh", "--years", "2016-2024", "--format", "csv", "-q"])
        #expect(named.status == 0)
        let lines = named.stdout.split(separator: "\n")
        try #require(lines.count == 2)
        let fields = lines[1].split(separator: ",").map(String.init)
        #expect(fields[0] == "Quảng Ninh")
        #expect(fields.last == "fitted")
        #expect(Double(fields[3])! > 0)  // the PAR INDEX of Quảng Ninh rose over 2016–2024
    }

    @Test func trendKeepsANamedUnitWithoutDataAsARow() throws {
        let result = try CLIRunner.run(["trend", "par", "--unit", "Hà Giang,Hà Nội", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 3)
        #expect(lines[1].hasPrefix("Hà Giang,02,0,"))
        #expect(lines[1].hasSuffix(",too short"))
        #expect(result.stderr.contains("PAR_INDEX: 2 units: 1 fitted, 1 too short"))
    }

    @Test func trendTableHasSparklinesAndStars() throws {
        let result = try CLIRunner.run(["trend", "par", "--sort", "slope", "--format", "table", "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("▁"))
        #expect(result.stdout.contains("*** p < 0.001, ** p < 0.01, * p < 0.05"))
    }
}

/// `chiso trend --batch` on a small file of series.
struct BatchTrendCommandTests {
    @Test func fitsEverySeriesOfAWideFile() throws {
        let file = try Fixtures.temporaryFile("series.csv", "id,2020,2021,2022,2023\nA,1,2,2,4\nB,5,,6,7.5\nC,3,,,\n")
        let result = try CLIRunner.run(["trend", file, "--batch", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,n,intercept,slope,std_error,p,r_squared,pct_per_period,cagr_pct,status")
        // A: y = 1, 2, 2, 4 at t = 0…3 — slope 0.9, intercept 0.9 (see BatchTrendTests).
        let a = lines[1].split(separator: ",").map(String.init)
        #expect(a[0] == "A" && a[1] == "4")
        #expect(abs(Double(a[2])! - 0.9) < 1e-14 && abs(Double(a[3])! - 0.9) < 1e-14)
        #expect(lines[2].hasPrefix("B,3,"))
        #expect(lines[3] == "C,1,,,,,,,,too short")
        #expect(result.stderr.contains("note: 3 series: 2 fitted, 1 too short"))
    }

    @Test func refusesWhatIsNotAPlainNumeral() throws {
        let file = try Fixtures.temporaryFile("series.csv", "id,2020,2021,2022\nA,1,2,2\nB,5,\"6\",7\n")
        let result = try CLIRunner.run(["trend", file, "--batch"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("series.csv:3:3: '\"6\"' is not a number with a plain numeral"))
        let misuse = try CLIRunner.run(["trend", file, "--batch", "--sort", "slope"])
        #expect(misuse.status == 64)
    }
}
