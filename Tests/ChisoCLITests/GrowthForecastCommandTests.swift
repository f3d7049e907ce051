import ChisoTestSupport
import Foundation
import Testing

/// `chiso forecast` on a quantity that grows, run as a planner runs it: the log scale, the panel
/// growth model, `--no-log`, and a panel too small for the growth model.
struct GrowthForecastCommandTests {
    /// Four units growing 10–13% a year with a wobble, 2014–2023.
    static func file(units: Int) throws -> String {
        var text = "unit,year,value\n"
        for (u, name) in ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ"].prefix(units).enumerated() {
            for t in 0..<10 {
                let value = (1000 * Double(u + 1) * pow(1.1 + 0.01 * Double(u), Double(t)) * (1 + 0.02 * sin(Double(3 * t + u)))).rounded()
                text += "\(name),\(2014 + t),\(value)\n"
            }
        }
        return try Fixtures.temporaryFile("grow.csv", text)
    }

    @Test func growingQuantitiesAreModelledOnTheLogScale() throws {
        let path = try Self.file(units: 4)
        let growth = try CLIRunner.run(["forecast", path, "--model", "growth", "--format", "csv", "-q"])
        #expect(growth.status == 0)
        let rows = growth.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 4 && rows.allSatisfy { $0[5] == "Panel growth[log]" && $0[11] == "ok" })
        // Intervals on the log scale are wider upwards: the point is below the interval's middle.
        for row in rows { #expect(Double(row[6])! < (Double(row[7])! + Double(row[8])!) / 2) }
        let levels = try CLIRunner.run(["forecast", path, "--model", "growth", "--no-log", "--format", "csv", "-q"])
        #expect(levels.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",Panel growth,") })
        let auto = try CLIRunner.run(["forecast", path, "--format", "csv"])
        #expect(auto.status == 0 && auto.stderr.contains("drift"))
    }

    /// Two units are too few to pool growth: each row says why, nothing is made up.
    @Test func tooFewUnitsAreSaidPerRow() throws {
        let result = try CLIRunner.run(["forecast", try Self.file(units: 2), "--model", "growth", "--format", "csv", "-q"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2 && rows.allSatisfy { $0.hasSuffix("\"too short: 2 observations, Panel growth (units with two consecutive values) needs 3\"") })
    }
}
