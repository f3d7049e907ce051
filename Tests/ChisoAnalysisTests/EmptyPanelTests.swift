import ChisoAnalysis
import ChisoCore
import Testing

/// Panels with nothing in them, as a program built on chiso may make: every analysis answers with
/// an error, never a trap (rank, forecast, show and backtest trapped on such panels).
struct EmptyPanelTests {
    static let system = UnitSystem(id: "custom", units: [AdministrativeUnit(code: "A", name: "A")])
    static let empty = Panel(name: "empty", unitSystem: system, units: [], periods: [], indicators: [], values: [], provenance: [:])
    static let noUnits = Panel(name: "no units", unitSystem: system, units: [], periods: [.year(2023)],
                               indicators: [.undeclared("x")], values: [], provenance: [:])

    @Test(arguments: [empty, noUnits])
    func everyAnalysisRefusesAnEmptyPanel(_ panel: Panel) {
        #expect(throws: PanelQueryError.emptyPanel(panel: panel.name)) { try PanelAnalysis.rank(panel, RankRequest()) }
        #expect(throws: PanelQueryError.emptyPanel(panel: panel.name)) { try PanelAnalysis.show(panel, ShowRequest()) }
        #expect(throws: PanelQueryError.emptyPanel(panel: panel.name)) { try PanelAnalysis.trend(panel, TrendRequest()) }
        #expect(throws: PanelQueryError.emptyPanel(panel: panel.name)) { try PanelAnalysis.forecast(panel, ForecastRequest()) }
        #expect(throws: PanelQueryError.emptyPanel(panel: panel.name)) { try PanelAnalysis.backtest(panel, BacktestRequest()) }
        #expect(throws: (any Error).self) { try PanelAnalysis.target(panel, TargetRequest(unit: "A", goal: .rank(1))) }
        #expect(throws: (any Error).self) { try PanelAnalysis.profile([panel], unit: "A") }
    }
}
