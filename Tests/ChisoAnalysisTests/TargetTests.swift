import ChisoAnalysis
import ChisoCore
import ChisoNumerics
import ChisoTestSupport
import Testing

struct TargetTests {
    /// Exact straight lines: every unit's own model forecasts it without error, so the forecasts
    /// are deterministic: 2025 is Đà Nẵng 78, Hà Nội 76, Huế 75, Cần Thơ 70 (2024: 76.7, 74.4, 74.5, 68).
    /// Read as the file's own four units, the field is complete: every unit ranked is forecast.
    static let lines: String = {
        var csv = "unit,period,indicator,value\n"
        for (unit, start, slope) in [("Hà Nội", 60.0, 1.6), ("Huế", 70.0, 0.5), ("Cần Thơ", 50.0, 2.0), ("Đà Nẵng", 65.0, 1.3)] {
            for year in 2015...2024 { csv += "\(unit),\(year),x,\(start + slope * Double(year - 2015))\n" }
        }
        return csv
    }()

    @Test func withDeterministicForecastsTheThresholdIsTheKthForecast() throws {
        let panel = try Fixtures.panel(Self.lines, withProvinces: false)
        let second = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .rank(2)))
        #expect(second.year == .year(2024) && second.nextPeriod == .year(2025))
        #expect(second.current == 74.5)
        #expect(abs(second.forecast - 75) < 1e-9)
        #expect(abs(second.forecastUpper - second.forecastLower) < 1e-9)
        #expect(second.thresholdThisYear?.value == 74.5)
        #expect(abs(second.thresholdNextYear.value! - 76) < 1e-9)
        #expect(abs(second.gainNeeded.value! - 1) < 1e-9)
        #expect(second.probability == 0)
        #expect(second.unitsForecast == 4)

        let third = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .rank(3)))
        #expect(abs(third.thresholdNextYear.value! - 75) < 1e-9)
        #expect(third.thresholdThisYear?.value == 74.4)
        #expect(third.probability == 1)

        let score = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .score(76)))
        #expect(score.thresholdNextYear.value == 76 && score.probability == 0)
        let improve = try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .improve(0.4)))
        #expect(improve.thresholdNextYear.value == 74.9 && improve.probability == 1)
        #expect(abs(improve.gainNeeded.value! + 0.1) < 1e-9)
    }

    @Test func lowerIsBetterCountsRanksFromTheBottom() throws {
        let catalog = [Indicator(id: "x", label: LocalizedText("x"), measure: .score, higherIsBetter: false)]
        let result = try PanelAnalysis.target(try Fixtures.panel(Self.lines, catalog: catalog, withProvinces: false), TargetRequest(unit: "Huế", goal: .rank(1)))
        // Cần Thơ's 70 is the best forecast when lower is better; Huế must come down 5 from 75.
        #expect(abs(result.thresholdNextYear.value! - 70) < 1e-9)
        #expect(result.thresholdThisYear?.value == 68)
        #expect(abs(result.gainNeeded.value! - 5) < 1e-9)
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
        let scale = ForecastScale.logit(lower: 0, upper: 100)
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
        let result = try PanelAnalysis.target(try Fixtures.panel(csv, catalog: catalog, withProvinces: false), TargetRequest(unit: "Huế", indicator: "x", goal: .group("A")))
        #expect(result.components.map(\.indicator) == ["f3", "f8"])
        #expect(result.components.map(\.headroom) == [2.75, 6.5 - 5.09])
        #expect(result.componentsWithoutMaximum == ["f9"])
        #expect(result.methodologyNotes == ["f3: maximum 14.5 in 2017, 13 in 2024 (methodology changed)"])
        #expect(result.thresholdThisYear?.value == 90 && result.thresholdNextYear.value == 90)
    }

    @Test func impossibleGoalsAreErrors() throws {
        let panel = try Fixtures.panel(Self.lines, withProvinces: false)
        #expect(throws: TargetError.rankOutOfRange(rank: 5, units: 4)) { try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .rank(5))) }
        #expect(throws: TargetError.unknownGroup("D")) { try PanelAnalysis.target(panel, TargetRequest(unit: "Huế", goal: .group("D"))) }
        #expect(throws: (any Error).self) { try PanelAnalysis.target(panel, TargetRequest(unit: "Hà Tĩnh", goal: .rank(1))) }
    }

    /// The same four provinces among the 63: ranks 1…4 are published, and ranks 5…63 exist too.
    /// A rank goal then reads the published ranking, and the probability over a field that lacks
    /// 59 units is refused, with its bounds.
    @Test func anIncompleteFieldUsesPublishedRanksAndBoundsTheProbability() throws {
        var csv = "unit,period,indicator,value,rank\n"
        for (unit, start, slope) in [("Hà Nội", 60.0, 1.6), ("Huế", 70.0, 0.5), ("Cần Thơ", 50.0, 2.0), ("Đà Nẵng", 65.0, 1.3)] {
            for year in 2015...2023 { csv += "\(unit),\(year),x,\(start + slope * Double(year - 2015)),\n" }
        }
        // 2024: published ranks of the four, and Hà Giang's rank 3 without a value.
        csv += "Đà Nẵng,2024,x,76.7,1\nHuế,2024,x,74.5,2\nHà Giang,2024,x,,3\nHà Nội,2024,x,74.4,4\nCần Thơ,2024,x,68,9\n"
        let panel = try Fixtures.panel(csv)
        let second = try PanelAnalysis.target(panel, TargetRequest(unit: "Hà Nội", goal: .rank(2)))
        #expect(second.thresholdThisYear?.value == 74.5)  // Huế, published rank 2
        #expect(second.probability == nil)
        #expect(second.unitsMissingFromField == 59)
        // Among the four forecast Hà Nội's 76 is second to Đà Nẵng's 78 (probability 1); if the 59
        // others all outranked it, it could not be second (0).
        #expect(second.probabilityBounds?.upper == 1 && second.probabilityBounds?.lower == 0)
        // Rank 3 is Hà Giang's, without a value: between Huế's 74.5 (rank 2) and Hà Nội's 74.4 (rank 4).
        let third = try PanelAnalysis.target(panel, TargetRequest(unit: "Cần Thơ", goal: .rank(3)))
        #expect(third.thresholdThisYear?.lower == 74.4 && third.thresholdThisYear?.upper == 74.5)
        #expect(third.thresholdThisYear?.value == nil)
        // Next year's threshold moves by the median forecast change: (1.3, 0.5, 1.6, 2.0) → 1.45.
        #expect(abs(third.thresholdNextYear.lower - 75.85) < 1e-9 && abs(third.thresholdNextYear.upper - 75.95) < 1e-9)
        // Cần Thơ's own forecast is exactly 70, below both ends: no chance of reaching it.
        #expect(third.probabilityOfReachingThreshold?.upper == 0)
        // Asked to rank among the available units, the old reading comes back: the 3rd of four.
        let available = try PanelAnalysis.target(panel, TargetRequest(unit: "Cần Thơ", goal: .rank(3), amongAvailable: true))
        #expect(abs(available.thresholdNextYear.value! - 75) < 1e-9)
        #expect(available.probability == 0)
    }
}
