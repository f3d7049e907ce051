import ChisoNumerics
import ChisoTestSupport
import Testing

struct PanelAutoregressionTests {
    /// Units following y(t+1) = 2 + 0.5 y(t) + 0.2 y(t−1) + 0.1 m(t) exactly: the pooled fit
    /// recovers the coefficients and the point forecast continues the recursion.
    @Test func recoversAnExactPooledRecursion() throws {
        var panel: [[Double]] = [[10, 11], [20, 18], [5, 7], [14, 15]]
        for t in 2..<8 {
            let m = panel.map { $0[t - 1] }.reduce(0, +) / 4
            for u in panel.indices { panel[u].append(2 + 0.5 * panel[u][t - 1] + 0.2 * panel[u][t - 2] + 0.1 * m) }
        }
        let fit = try PanelAutoregression.fit(panel)
        for (estimate, truth) in zip(fit.coefficients, [2, 0.5, 0.2, 0.1]) { #expect(abs(estimate - truth) < 1e-9) }
        let forecasts = try PanelAutoregression.forecast(panel, horizon: 2, levels: [80], paths: 200, seed: 7)
        let m = panel.map { $0[7] }.reduce(0, +) / 4
        let next = 2 + 0.5 * panel[0][7] + 0.2 * panel[0][6] + 0.1 * m
        let first = try forecasts[0].get()
        #expect(abs(first.points[0] - next) < 1e-8)
        #expect(first.method == "Panel-AR(2)")
    }

    @Test func simulatedIntervalsAreReproducibleWithASeed() throws {
        var state: UInt64 = 3
        func noise() -> Double { state = state &* 6364136223846793005 &+ 1; return Double(state >> 40) / Double(1 << 24) - 0.5 }
        let panel = (0..<10).map { u in (0..<9).map { t in 50 + Double(u) + 0.5 * Double(t) + 3 * noise() } }
        let a = try PanelAutoregression.forecast(panel, horizon: 2, levels: [80, 95], paths: 500, seed: 11)
        let b = try PanelAutoregression.forecast(panel, horizon: 2, levels: [80, 95], paths: 500, seed: 11)
        let c = try PanelAutoregression.forecast(panel, horizon: 2, levels: [80, 95], paths: 500, seed: 12)
        #expect(try a[3].get().upper == b[3].get().upper)
        #expect(try a[3].get().upper != c[3].get().upper)
        let f = try a[3].get()
        #expect(f.lower[1][0] < f.lower[0][0] && f.upper[0][0] < f.upper[1][0])
    }

    @Test func unitsWithoutRecentValuesAndTinyPanelsFail() throws {
        let panel: [[Double]] = [[1, 2.5, 3, 4.2, 5], [2, 3.1, 4.4, 5, 6.3], [3, 4.6, 5, .nan, .nan], [4, 5.2, 6, 7.7, 9], [3, 2, 4, 3.5, 5.5]]
        let results = try PanelAutoregression.forecast(panel, horizon: 1, levels: [80], paths: 50, seed: 1)
        if case .success = results[2] { Issue.record("a unit without its last two values was forecast") }
        #expect(throws: ForecastFailure.self) { try PanelAutoregression.fit([[1, 2, 3]]) }
    }
}
