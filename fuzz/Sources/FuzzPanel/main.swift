import ChisoAnalysis
import ChisoCore
import ChisoIO
import FuzzSupport

/// Any bytes as a CSV file loaded into a panel in each layout, then every panel analysis that
/// the command line runs on a file: errors are fine, traps are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let table = try? TabularFile.parse(bytes: bytes(data, size), displayName: "fuzz-2023.csv") else { return 0 }
    for layout in [nil] + TableLayout.allCases.map(Optional.some) {
        let options = ReadOptions(layout: layout, onDuplicate: .mean)
        guard let (panel, _) = try? PanelLoader(registry: bundledRegistry).load(table: table, options: options) else { continue }
        _ = try? PanelAnalysis.rank(panel, RankRequest())
        _ = try? PanelAnalysis.rank(panel, RankRequest(ties: .average, top: 3))
        _ = try? PanelAnalysis.show(panel, ShowRequest(allIndicators: true))
        _ = try? PanelAnalysis.trend(panel, TrendRequest())
        _ = try? PanelAnalysis.forecast(panel, ForecastRequest(horizon: 2))
        _ = try? PanelAnalysis.backtest(panel, BacktestRequest(models: [.auto, .naive, .damped], horizon: 2, minimumTraining: 2))
        if let unit = panel.units.first {
            _ = try? PanelAnalysis.target(panel, TargetRequest(unit: unit.name, goal: .rank(1), draws: 50))
            _ = try? PanelAnalysis.profile([panel], unit: unit.name)
        }
        if panel.units.count >= 2 {
            _ = try? PanelAnalysis.compare(panel, CompareRequest(units: [panel.units[0].name, panel.units[1].name]))
        }
    }
    return 0
}

@_cdecl("FuzzPanel_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
