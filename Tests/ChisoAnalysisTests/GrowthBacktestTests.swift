import ChisoAnalysis
import ChisoCore
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// `auto` on growing quantities: real provincial budgets (plans 2006–2017, final accounts
/// 2006–2014; Hà Tây, merged into Hà Nội in 2008, left out), rolling origin, h = 1, read in place
/// from ../shared. `bench/growth_backtest.py` prints the full table with PAPI beside.
@Suite(.enabled(if: Fixtures.runSharedTests, "../shared/realdata is not beside the repository"))
struct GrowthBacktestTests {
    static func panel(_ file: String) throws -> Panel {
        let text = try String(contentsOfFile: Fixtures.sharedFolder + "/realdata/budget/" + file, encoding: .utf8)
        return try Fixtures.panel(text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Hà Tây,") }.joined(separator: "\n"))
    }

    static let panels = [("budget_plan.csv", "total_revenue"), ("budget_plan.csv", "total_expenditure"),
                         ("budget_final.csv", "total_expenditure"), ("budget_final.csv", "total_revenue")]

    /// auto's pooled MASE within 5% of the better of naive and drift (on the log scale chiso uses,
    /// and in amounts), and its 80% and 95% intervals covering 70–90% and 88–99% pooled.
    @Test func autoDoesNotLoseToDriftAndItsIntervalsCover() throws {
        var cases = 0.0, covered80 = 0.0, covered95 = 0.0
        for (file, indicator) in Self.panels {
            let panel = try Self.panel(file)
            let result = try PanelAnalysis.backtest(panel, BacktestRequest(indicator: indicator, models: [.auto, .naive, .drift]))
            let amounts = try PanelAnalysis.backtest(panel, BacktestRequest(indicator: indicator, models: [.drift], logScale: false))
            func mase(_ model: ForecastModel, _ r: BacktestResult) throws -> Double { try #require(r.pooled.first { $0.model == model && $0.horizon == 1 }).mase }
            let auto = try #require(result.pooled.first { $0.model == .auto && $0.horizon == 1 })
            let best = min(try mase(.naive, result), try mase(.drift, result), try mase(.drift, amounts))
            #expect(auto.mase <= 1.05 * best, "\(file) \(indicator): auto \(auto.mase), best of naive and drift \(best)")
            cases += Double(auto.n)
            covered80 += Double(auto.n) * auto.coverage[0]
            covered95 += Double(auto.n) * auto.coverage[1]
        }
        #expect((0.70...0.90).contains(covered80 / cases), "80%: \(covered80 / cases)")
        #expect((0.88...0.99).contains(covered95 / cases), "95%: \(covered95 / cases)")
    }
}

/// A quantity that grows against a score that moves up and down, hand-made: the first is
/// forecast on the log scale with drift as the benchmark, the second by naive as before.
struct GrowingQuantityTests {
    static func panel(_ value: (Int, Int) -> Double) throws -> Panel {
        var text = "unit,year,indicator,value\n"
        for (u, unit) in ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An"].enumerated() {
            for year in 2010...2020 { text += "\(unit),\(year),V,\(value(u, year - 2010))\n" }
        }
        return try Fixtures.panel(text)
    }

    @Test func growthIsModelledAsARateAgainstDrift() throws {
        // Each unit grows at its own steady rate (8–13% a year) with a wobble.
        let growing = try Self.panel { u, t in (1000 * Double(u + 1) * pow(1.08 + 0.01 * Double(u), Double(t)) * (1 + 0.02 * sin(Double(3 * t + u)))).rounded() }
        let result = try PanelAnalysis.forecast(growing, ForecastRequest(indicator: "V"))
        let method = try result.rows[0].outcome.get().method
        #expect(method.contains("Drift") || method.contains("[log]"), "\(method)")
        #expect(result.selection?.contains("drift") == true)
        // A score that moves up and down keeps naive as its benchmark.
        let score = try Self.panel { u, t in 50 + Double(u) + (t % 2 == 0 ? 1.5 : -1.5) }
        #expect(try PanelAnalysis.forecast(score, ForecastRequest(indicator: "V")).selection?.contains("drift") != true)
    }
}
