import ChisoAnalysis
import ChisoCore
import ChisoTestSupport
import Testing

struct ForecastingTests {
    /// Exact straight lines: drift forecasts them without error, naive misses by h·slope, so
    /// naive's MASE is exactly h (its scale is the in-sample one-step change, the slope).
    static let lines: String = {
        var csv = "unit,period,indicator,value\n"
        for (unit, (start, slope)) in [("Hà Nội", (60.0, 1.5)), ("Huế", (70.0, 0.5)), ("Cần Thơ", (55.0, 2.0))] {
            for year in 2015...2024 { csv += "\(unit),\(year),x,\(start + slope * Double(year - 2015))\n" }
        }
        return csv
    }()

    @Test func backtestScoresExactLinesByHand() throws {
        let panel = try Fixtures.panel(Self.lines)
        let result = try PanelAnalysis.backtest(panel, BacktestRequest(indicator: "x", models: [.naive, .drift], horizon: 2, minimumTraining: 4))
        #expect(result.origins.first == .year(2018))
        #expect(result.origins.last == .year(2023))
        for h in 1...2 {
            let naive = try #require(result.pooled.first { $0.model == .naive && $0.horizon == h })
            let drift = try #require(result.pooled.first { $0.model == .drift && $0.horizon == h })
            #expect(abs(naive.mase - Double(h)) < 1e-12)
            #expect(drift.mae < 1e-9)
            #expect(drift.coverage == [1, 1])
            // 6 origins × 3 units at h = 1; one origin fewer at h = 2.
            #expect(naive.n == (h == 1 ? 18 : 15))
        }
        #expect(result.bestByHorizon.map(\.model) == [.drift, .drift])
    }

    @Test func unitsLastSeenEarlierAreForecastFurtherAhead() throws {
        let csv = "unit,period,indicator,value\nHà Nội,2020,x,80\nHà Nội,2021,x,82\nHà Nội,2022,x,81\nHà Nội,2023,x,83\nHà Nội,2024,x,84\nHuế,2020,x,80\nHuế,2021,x,82\nHuế,2022,x,81\n"
        let result = try PanelAnalysis.forecast(try Fixtures.panel(csv), ForecastRequest(indicator: "x", model: .naive, levels: [80]))
        #expect(result.periods == [.year(2025)])
        let hanoi = try result.rows[0].outcome.get(), hue = try result.rows[1].outcome.get()
        #expect(hanoi.points == [84])
        #expect(hue.points == [81])
        // Huế's 2025 is three steps past its data: the naive interval grows with √h.
        #expect(hue.upper[0][0] - hue.points[0] > hanoi.upper[0][0] - hanoi.points[0])
    }

    @Test func modelsNeverFitAcrossADeclaredBreak() throws {
        let catalog = [Indicator(id: "total", label: LocalizedText("total"), measure: .score, breaks: [2018])]
        var csv = "unit,period,indicator,value\n"
        for year in 2013...2022 { csv += "Hà Nội,\(year),total,\(year < 2018 ? 35.0 : 44.0 + 0.2 * Double(year - 2018))\n" }
        let result = try PanelAnalysis.forecast(try Fixtures.panel(csv, catalog: catalog), ForecastRequest(model: .drift, levels: [80]))
        #expect(result.firstPeriod == .year(2018))
        // Drift over 2018–2022 only: 44.8 + 0.2.
        #expect(abs(try result.rows[0].outcome.get().points[0] - 45.0) < 1e-12)
    }

    @Test func aFailingSeriesIsARowNotAnAbort() throws {
        let csv = "unit,period,indicator,value\nHà Nội,2023,x,80\nHà Nội,2024,x,82\nHuế,2024,x,81\n"
        let result = try PanelAnalysis.forecast(try Fixtures.panel(csv), ForecastRequest(units: ["Hà Nội", "Huế", "Cà Mau"], model: .naive))
        #expect(result.rows.map(\.unit.name) == ["Hà Nội", "Thừa Thiên Huế", "Cà Mau"])
        if case .success = result.rows[1].outcome { Issue.record("one value forecast") }
        #expect(result.failureSummary == "2 of 3 series not forecast: 1 no data, 1 too short")
        let table = result.table
        #expect(table.rows.count == 3)
        #expect(table.rows[2].last == .text("no data: no observations"))
    }
}
