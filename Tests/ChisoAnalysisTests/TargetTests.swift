import ChisoAnalysis
import ChisoCore
import ChisoNumerics
import ChisoTestSupport
import Testing

struct TargetTests {
    /// Exact straight lines: every unit's own model forecasts it without error, so the forecasts
    /// are deterministic: 2025 is Đà Nẵng 78, Hà Nội 76, Huế 75, Cần Thơ 70 (2024: 76.7, 74.4, 74.5, 68).
    static let lines: String = {
        var csv = "unit,period,indicator,value\n"
        for (unit, start, slope) in [("Hà Nội", 60.0, 1.6), ("Huế", 70.0, 0.5), ("Cần Thơ", 50.0, 2.0), ("Đà Nẵng", 65.0, 1.3)] {
            for year in 2015...2024 { csv += "\(unit),\(year),x,\(start + slope * Double(year - 2015))\n" }
        }
        return csv
    }()

    @Test func withDeterministicForecastsTheThresholdIsTheKthForecast() throws {
        let panel = try Fixtures.panel(Self.lines)
        let second = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .rank(2)))
        #expect(second.year == .year(2024) && second.nextPeriod == .year(2025))
        #expect(second.current == 74.5)
        #expect(abs(second.forecast - 75) < 1e-9)
        #expect(abs(second.forecastUpper - second.forecastLower) < 1e-9)
        #expect(second.thresholdThisYear == 74.5)
        #expect(abs(second.thresholdNextYear - 76) < 1e-9)
        #expect(abs(second.gainNeeded - 1) < 1e-9)
        #expect(second.probability == 0)
        #expect(second.unitsForecast == 4)

        let third = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .rank(3)))
        #expect(abs(third.thresholdNextYear - 75) < 1e-9)
        #expect(third.thresholdThisYear == 74.4)
        #expect(third.probability == 1)

        let score = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .score(76)))
        #expect(score.thresholdNextYear == 76 && score.probability == 0)
        let improve = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .improve(0.4)))
        #expect(improve.thresholdNextYear == 74.9 && improve.probability == 1)
        #expect(abs(improve.gainNeeded + 0.1) < 1e-9)
    }

    @Test func lowerIsBetterCountsRanksFromTheBottom() throws {
        let catalog = [Indicator(id: "x", label: LocalizedText("x"), measure: .score, higherIsBetter: false)]
        let result = try PanelAnalysis.target(try Fixtures.panel(Self.lines, catalog: catalog), TargetRequest(unit: "Huế", goal: .rank(1)))
        // Cần Thơ's 70 is the best forecast when lower is better; Huế must come down 5 from 75.
        #expect(abs(result.thresholdNextYear - 70) < 1e-9)
        #expect(result.thresholdThisYear == 68)
        #expect(abs(result.gainNeeded - 5) < 1e-9)
        #expect(result.probability == 0)
    }

    /// Two independent normals: P(X₁ > X₂) = Φ((μ₁ − μ₂) / √(σ₁² + σ₂²)) = Φ(0.6) = 0.7257469;
    /// P(X₁ ≥ 81) = 1 − Φ(0.5) = 0.3085375.
    @Test func jointDrawsMatchTheTwoUnitNormalCase() {
        let simulation = TargetSimulation(
            distributions: [.init(center: 80, shape: .normal(standardDeviation: 2)), .init(center: 78.5, shape: .normal(standardDeviation: 1.5))], higherIsBetter: true)
        let rank = simulation.probability(unit: 0, meets: .rank(1), draws: 10_000, seed: 7)
        #expect(abs(rank - 0.7257469) < 0.01)
        #expect(simulation.probability(unit: 0, meets: .rank(1), draws: 10_000, seed: 7) == rank)
        #expect(simulation.probability(unit: 0, meets: .rank(1), draws: 10_000, seed: 8) != rank)
        #expect(abs(simulation.probability(unit: 1, meets: .rank(1), draws: 10_000, seed: 7) - (1 - 0.7257469)) < 0.01)
        #expect(abs(simulation.probability(unit: 0, meets: .threshold(81), draws: 10_000, seed: 3) - 0.3085375) < 0.01)
        #expect(simulation.probability(unit: 0, meets: .rank(2), draws: 1_000, seed: 3) == 1)
    }

    @Test func boundedDrawsAreMappedBackBeforeComparing() {
        // On the logit scale of 0–100 the median of logit⁻¹(N(0, 1)) is 50: P(value ≥ 50) = 1/2.
        let scale = BoundedScale(lower: 0, upper: 100)
        let simulation = TargetSimulation(distributions: [.init(center: 0, shape: .normal(standardDeviation: 1), scale: scale)], higherIsBetter: true)
        #expect(abs(simulation.probability(unit: 0, meets: .threshold(50), draws: 20_000, seed: 1) - 0.5) < 0.01)
        // logit⁻¹(1.2815516) = 78.27: the 90th percentile of the normal maps to it.
        #expect(abs(simulation.probability(unit: 0, meets: .threshold(scale.inverse(1.2815516)), draws: 20_000, seed: 1) - 0.1) < 0.01)
    }

    @Test func headroomUsesTheMethodologyYearsMaximaAndFlagsAChange() throws {
        let catalog = [
            Indicator(id: "x", label: LocalizedText("x"), measure: .percent),
            Indicator(id: "f3", label: LocalizedText("f3"), measure: .points, maxPoints: ["2017": 14.5, "2024": 13]),
            Indicator(id: "f8", label: LocalizedText("f8"), measure: .points, maxPoints: ["2024": 6.5]),
            Indicator(id: "f9", label: LocalizedText("f9"), measure: .points),
        ]
        let csv = Self.lines + "Huế,2024,f3,10.25\nHuế,2024,f8,5.09\nHuế,2024,f9,3\n"
        let result = try PanelAnalysis.target(try Fixtures.panel(csv, catalog: catalog), TargetRequest(unit: "Huế", indicator: "x", goal: .group("A")))
        #expect(result.components.map(\.indicator) == ["f3", "f8"])
        #expect(result.components.map(\.headroom) == [2.75, 6.5 - 5.09])
        #expect(result.componentsWithoutMaximum == ["f9"])
        #expect(result.methodologyNotes == ["f3: maximum 14.5 in 2017, 13 in 2024 (methodology changed)"])
        #expect(result.thresholdThisYear == 90 && result.thresholdNextYear == 90)
    }

    @Test func impossibleGoalsAreErrors() throws {
        let panel = try Fixtures.panel(Self.lines)
        #expect(throws: TargetError.rankOutOfRange(rank: 5, units: 4)) { try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .rank(5))) }
        #expect(throws: TargetError.unknownGroup("D")) { try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .group("D"))) }
        #expect(throws: (any Error).self) { try PanelAnalysis.target(panel, TargetRequest(unit: "Hà Tĩnh", goal: .rank(1))) }
    }
}
