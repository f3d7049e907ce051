import ChisoAnalysis
import ChisoCore
import ChisoTestSupport
import Foundation
import Testing

/// Rolling-origin backtests on the real PAPI dimensions whose definition stayed the same
/// (D1 participation, D4 control of corruption, D6 public service delivery; 63 provinces,
/// 2011–2024), origins 2016–2023, h = 1 and 2, every model; read in place from ../shared.
@Suite(.enabled(if: Fixtures.runSharedTests, "../shared/realdata is not beside the repository"))
struct PAPIBacktestTests {
    static let file = Fixtures.sharedFolder + "/realdata/papi-subcriteria/dimensions_derived_2011_2024.csv"

    @Test(arguments: ["D1", "D4", "D6"])
    func autoIsNoWorseThanNaiveAndIntervalsCover(_ dimension: String) throws {
        let panel = try Fixtures.panel(try String(contentsOfFile: Self.file, encoding: .utf8))
        #expect(panel.units.count == 63)
        let result = try PanelAnalysis.backtest(panel, BacktestRequest(indicator: dimension, horizon: 2, firstOriginYear: 2016, lastOriginYear: 2023))
        #expect(result.origins == (2016...2023).map(Period.year))
        for score in result.pooled {
            print("PAPI \(dimension) \(score.model.rawValue) h=\(score.horizon) n=\(score.n) MAE \(String(format: "%.4f", score.mae)) RMSE \(String(format: "%.4f", score.rmse)) MASE \(String(format: "%.4f", score.mase)) cov80 \(String(format: "%.3f", score.coverage[0])) cov95 \(String(format: "%.3f", score.coverage[1]))")
        }
        print("PAPI \(dimension) auto chose: \(result.autoChoices.map { "\($0.origin):\($0.models.joined(separator: "/"))" }.joined(separator: " "))")
        for h in 1...2 {
            let auto = try #require(result.pooled.first { $0.model == .auto && $0.horizon == h })
            let naive = try #require(result.pooled.first { $0.model == .naive && $0.horizon == h })
            #expect(auto.mase <= naive.mase, "\(dimension) h=\(h): auto \(auto.mase) vs naive \(naive.mase)")
            #expect((0.70...0.90).contains(auto.coverage[0]), "\(dimension) h=\(h): 80% coverage \(auto.coverage[0])")
            #expect((0.88...0.99).contains(auto.coverage[1]), "\(dimension) h=\(h): 95% coverage \(auto.coverage[1])")
        }
    }
}
