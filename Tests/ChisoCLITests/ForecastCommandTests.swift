import ChisoAnalysis
import ChisoTestSupport
import Foundation
import Testing

/// `chiso forecast` and `chiso backtest`, run as a user runs them.
struct ForecastCommandTests {
    @Test func forecastsTheBundledParIndexWithStatusRows() throws {
        let result = try CLIRunner.run(["forecast", "par", "--horizon", "2", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "unit,code,period,base,steps,method,point,lo-80,hi-80,lo-95,hi-95,status")
        // Hà Nội: 92.57 in 2024, naive on the logit scale, one and two steps ahead; intervals inside 0–100.
        let hanoi = try #require(lines.first { $0.hasPrefix("Hà Nội,01,2025,") }).split(separator: ",").map(String.init)
        #expect(hanoi[3] == "2024" && hanoi[4] == "1")
        #expect(hanoi[5] == "Naive[logit]")
        #expect(hanoi[6] == "92.57")
        #expect(Double(hanoi[9])! > 80 && Double(hanoi[10])! < 100)
        #expect(lines.contains { $0.hasPrefix("Hà Nội,01,2026,2024,2,") })
        // Đồng Tháp's last value is from 2020: its 2025 forecast is 5 steps ahead, and the table says so.
        #expect(lines.contains { $0.hasPrefix("Đồng Tháp,87,2025,2020,5,") })
        #expect(lines.contains { $0.hasPrefix("Sơn La,14,,2024,,,,,,,,\"too short: 1 observation") })
        // stderr ends with the one summary line.
        #expect(result.stderr.split(separator: "\n").last?.hasPrefix("note: 22 of 51 series not forecast: 22 too short") == true)
    }

    @Test func oneUnitWithAChosenModel() throws {
        let result = try CLIRunner.run(["forecast", "papi", "--unit", "Quảng Ninh", "--model", "naive", "--level", "90", "--format", "csv", "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("unit,code,period,base,steps,method,point,lo-90,hi-90,status\n"))
    }

    @Test func backtestOnAFileOfExactLines() throws {
        var csv = "unit,period,indicator,value\n"
        for (unit, slope) in [("A", 1.5), ("B", 0.5), ("C", 2.0)] { for year in 2015...2024 { csv += "\(unit),\(year),x,\(60 + slope * Double(year - 2015))\n" } }
        let file = try Fixtures.temporaryFile("lines.csv", csv)
        let result = try CLIRunner.run(["backtest", file, "--models", "naive,drift", "--horizon", "2", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "model,horizon,n,mae,rmse,mase,mape,coverage-80,coverage-95,winkler-80,winkler-95")
        #expect(lines[1].hasPrefix("naive,1,18,"))
        #expect(lines[2].hasPrefix("naive,2,15,"))
        #expect(lines[3].hasPrefix("drift,1,18,0,0,0,0,1,1,"))
        #expect(result.stderr.contains("best by MASE: h1 drift, h2 drift"))
    }

    @Test func batchForecastsManySeries() throws {
        let file = try Fixtures.temporaryFile("s.csv", "id,2018,2019,2020,2021,2022,2023,2024\nA,10,11,12.5,13,14.2,15,16.1\nB,5,5,5,5,5,5,5\nC,,,,,,,7\n")
        let result = try CLIRunner.run(["forecast", file, "--batch", "--model", "ses", "--horizon", "1", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,period,method,point,lo-80,hi-80,lo-95,hi-95,loglik,status")
        #expect(lines[1].hasPrefix("A,2025,\"ETS(A,N,N)\","))
        #expect(lines[2] == "B,,,,,,,,,constant: constant series")
        #expect(lines[3] == "C,,,,,,,,,\"too short: 1 observation, ETS(A,N,N) needs 5\"")
        #expect(result.stderr.contains("2 of 3 series not forecast: 1 constant, 1 too short"))
    }
}
