import ChisoAnalysis
import ChisoCore
import ChisoTestSupport
import Testing

struct RebaseTests {
    static let catalog = [
        Indicator(id: "received", label: LocalizedText("received"), measure: .count),
        Indicator(id: "score", label: LocalizedText("score"), measure: .percent, lowerBound: 0, upperBound: 100),
        Indicator(id: "population", label: LocalizedText("population"), measure: .count),
    ]
    /// Hà Giang and Tuyên Quang became Tuyên Quang (08); Lào Cai and Yên Bái became Lào Cai (15);
    /// Bắc Giang and Bắc Ninh became Bắc Ninh (24), and Bắc Ninh is not in the file at all;
    /// Hà Nội stayed as it was.
    static let csv = """
        unit,period,indicator,value,rank
        Hà Giang,2024,received,123456789,
        Tuyên Quang,2024,received,987654321,
        Hà Nội,2024,received,5000000,
        Hà Giang,2024,score,80,40
        Tuyên Quang,2024,score,90,12
        Hà Nội,2024,score,91.5,3
        Lào Cai,2024,score,85,
        Hà Giang,2024,population,900000,
        Tuyên Quang,2024,population,800000,
        Hà Nội,2024,population,8700000,
        Lào Cai,2024,population,780000,
        Yên Bái,2024,population,850000,
        Bắc Giang,2024,score,88,

        """

    private func rebased(_ weights: RebaseWeights = .none) throws -> (RebasedPanel, (String, String) -> Double) {
        let result = try PanelAnalysis.rebaseTo2025(try Fixtures.panel(Self.csv, catalog: Self.catalog), registry: try Fixtures.registry(), weights: weights)
        let panel = result.panel
        return (result, { code, indicator in
            guard let u = panel.unitIndex(code: code) else { return .nan }
            return panel.value(unit: u, period: panel.periodIndex(.year(2024))!, indicator: panel.indicatorIndex(indicator)!)
        })
    }

    /// Hà Tây was part of what is Hà Nội in 2025, but only while it existed: 2007's Hà Nội is the
    /// mean of the two, 2010's Hà Nội alone (Hà Tây has no value then, and is not missing).
    @Test func haTayCountsOnlyWhileItExisted() throws {
        let csv = """
            unit,period,indicator,value
            Hà Nội,2007,score,60
            Hà Tây,2007,score,50
            Hà Nội,2010,score,70

            """
        let result = try PanelAnalysis.rebaseTo2025(try Fixtures.panel(csv, catalog: Self.catalog), registry: try Fixtures.registry())
        let panel = result.panel
        let hanoi = try #require(panel.unitIndex(code: "01"))
        let score = try #require(panel.indicatorIndex("score"))
        #expect(panel.value(unit: hanoi, period: panel.periodIndex(.year(2007))!, indicator: score) == 55)
        #expect(panel.value(unit: hanoi, period: panel.periodIndex(.year(2010))!, indicator: score) == 70)
        #expect(result.incompleteCells == 0)
        let rows = result.table.rows
        #expect(rows.contains { $0[2] == .text("2007") && $0[6] == .text("Hà Nội + Hà Tây") })
        #expect(rows.contains { $0[2] == .text("2010") && $0[6] == .text("Hà Nội") })
    }

    @Test func countsAreSummedExactlyAndScoresAveraged() throws {
        let (result, value) = try rebased()
        #expect(result.panel.unitSystem.id == "provinces-34")
        #expect(result.panel.units.map(\.code) == ["01", "08", "15", "24"])
        #expect(value("08", "received") == 1_111_111_110)
        #expect(value("01", "received") == 5_000_000)
        #expect(value("08", "score") == 85)
        #expect(value("01", "score") == 91.5)
        #expect(result.constituents["08"]?.map(\.name) == ["Hà Giang", "Tuyên Quang"])
        #expect(result.rules.first { $0.indicator == "received" }?.rule == "sum")
        #expect(result.rules.first { $0.indicator == "score" }?.rule == "plain mean (no weights given)")
    }

    @Test func aMergedCellNeedsEveryMergedProvince() throws {
        // Yên Bái has no score: the new Lào Cai has none either, and that is counted; so for
        // Bắc Ninh, which the file never mentions.
        let (result, value) = try rebased()
        #expect(value("15", "score").isNaN)
        #expect(value("24", "score").isNaN)
        #expect(result.constituents["24"]?.map(\.name) == ["Bắc Giang", "Bắc Ninh"])
        #expect(value("15", "population") == 1_630_000)
        #expect(result.incompleteCells == 2)
        #expect(result.droppedRanks == 3)
        #expect(result.summary.contains("2 merged cells left missing"))
    }

    @Test func scoresWeightedByAnIndicatorOrAFile() throws {
        // (80 × 900,000 + 90 × 800,000) / 1,700,000 = 144,000,000 / 1,700,000 = 84.70588235294117…,
        // kept to 12 significant digits.
        let (byIndicator, value) = try rebased(.indicator("population"))
        #expect(value("08", "score") == 84.7058823529)
        #expect(byIndicator.rules.first { $0.indicator == "score" }?.rule == "mean weighted by population")
        let file = try Fixtures.temporaryFile("weights.csv", "unit,weight\nha giang,1\nTỉnh Tuyên Quang,3\nHN,1\n")
        let weights = try RebaseWeights.read(path: file, registry: try Fixtures.registry(), decimal: .point)
        let (_, weighted) = try rebased(weights)
        #expect(weighted("08", "score") == 87.5)
        #expect(weighted("01", "score") == 91.5)
        // Lào Cai and Yên Bái have no weight in the file: no weighted mean.
        #expect(weighted("15", "score").isNaN)
    }

    @Test func everyIndicatorGetsABreakAt2025() throws {
        let (result, _) = try rebased()
        #expect(result.panel.indicators.allSatisfy { $0.breaks == [2025] })
        #expect(result.panel.indicators[1].segmentStart(for: 2024) == nil)
    }

    @Test func onlyA63ProvincePanelCanBeRebased() throws {
        let registry = try Fixtures.registry()
        let rebased = try PanelAnalysis.rebaseTo2025(try Fixtures.panel(Self.csv, catalog: Self.catalog), registry: registry).panel
        #expect(throws: RebaseError.notOn63Provinces(panel: rebased.name, system: "provinces-34")) {
            try PanelAnalysis.rebaseTo2025(rebased, registry: registry)
        }
        let badWeights = try Fixtures.temporaryFile("bad-weights.csv", "unit,weight\nHà Giang,-1\n")
        #expect(throws: (any Error).self) { try RebaseWeights.read(path: badWeights, registry: registry, decimal: .point) }
    }
}
