import ChisoAnalysis
import ChisoCore
import ChisoTestSupport
import Testing

struct CompareTests {
    static let catalog = [
        Indicator(id: "T", label: LocalizedText("total"), measure: .score, components: ["c1", "c2"]),
        Indicator(id: "c1", label: LocalizedText("c1"), measure: .score),
        Indicator(id: "c2", label: LocalizedText("c2"), measure: .score),
    ]
    /// T = c1 + c2. 2024: Hà Nội 5 + 6 = 11, Hải Phòng 3 + 5 = 8 (both Red River Delta),
    /// Đà Nẵng 5 + 4 = 9, Cần Thơ 2 + 3 = 5; 2023: 4 + 5, 3 + 3, 5 + 5, 2 + 2.
    static let csv: String = {
        var text = "unit,period,indicator,value\n"
        let values: [(String, Int, Double, Double)] = [
            ("Hà Nội", 2023, 4, 5), ("Hải Phòng", 2023, 3, 3), ("Đà Nẵng", 2023, 5, 5), ("Cần Thơ", 2023, 2, 2),
            ("Hà Nội", 2024, 5, 6), ("Hải Phòng", 2024, 3, 5), ("Đà Nẵng", 2024, 5, 4), ("Cần Thơ", 2024, 2, 3),
        ]
        for (unit, year, c1, c2) in values {
            text += "\(unit),\(year),T,\(c1 + c2)\n\(unit),\(year),c1,\(c1)\n\(unit),\(year),c2,\(c2)\n"
        }
        return text
    }()

    @Test func gapsRanksAndChangesByHand() throws {
        let result = try PanelAnalysis.compare(try Fixtures.panel(Self.csv, catalog: Self.catalog), CompareRequest(units: ["HN", "hai phong"]))
        #expect(result.year == .year(2024))
        let total = result.rows.filter { $0.indicator.id == "T" }
        #expect(total.map(\.unit.name) == ["Hà Nội", "Hải Phòng"])
        #expect(total.map(\.value) == [11, 8])
        #expect(total.map(\.rank) == [1, 3])
        #expect(total.map(\.n) == [4, 4])
        #expect(total.map(\.gapToLeader) == [0, -3])
        // National mean 33 / 4 = 8.25; the Red River Delta mean (11 + 8) / 2 = 9.5.
        #expect(total.map(\.gapToNationalMean) == [2.75, -0.25])
        #expect(total.map(\.gapToRegionMean) == [1.5, -1.5])
        #expect(total.map(\.change) == [2, 2])
        #expect(total[0].gapToFirst.isNaN && total[1].gapToFirst == -3)
    }

    @Test func componentsExplainTheTotalsChangeAndGap() throws {
        let result = try PanelAnalysis.compare(try Fixtures.panel(Self.csv, catalog: Self.catalog), CompareRequest(units: ["Hà Nội", "Hải Phòng"], year: 2024))
        func row(_ indicator: String, _ unit: String) -> ComparedValue? { result.rows.first { $0.indicator.id == indicator && $0.unit.name == unit } }
        // Hà Nội's +2 is +1 in each component; Hải Phòng's +2 is all c2.
        #expect(row("c1", "Hà Nội")?.shareOfChange == 50)
        #expect(row("c2", "Hà Nội")?.shareOfChange == 50)
        #expect(row("c1", "Hải Phòng")?.shareOfChange == 0)
        #expect(row("c2", "Hải Phòng")?.shareOfChange == 100)
        // Hải Phòng is 3 behind Hà Nội: 2 of them in c1, 1 in c2.
        #expect(row("c1", "Hải Phòng")?.shareOfGap == 66.6666666667)
        #expect(row("c2", "Hải Phòng")?.shareOfGap == 33.3333333333)
        #expect(row("c1", "Hà Nội")?.shareOfGap == nil)
        #expect(row("T", "Hà Nội")?.shareOfChange == nil)
        #expect(result.decompositions.map(\.unit) == ["Hà Nội", "Hải Phòng"])
        #expect(result.decompositions.allSatisfy { $0.total == "T" && $0.totalChange == 2 && $0.componentChange == 2 && $0.missing.isEmpty })
    }

    @Test func aUnitWithoutAValueKeepsItsRow() throws {
        let csv = Self.csv + "Huế,2023,T,7\n"
        let result = try PanelAnalysis.compare(try Fixtures.panel(csv, catalog: Self.catalog), CompareRequest(units: ["Huế", "Hà Nội"], year: 2024))
        let huế = try #require(result.rows.first { $0.indicator.id == "T" && $0.unit.code == "46" })
        #expect(huế.value.isNaN && huế.rank == nil)
        // The first unit has no value: no gaps to it.
        #expect(result.rows.first { $0.indicator.id == "T" && $0.unit.name == "Hà Nội" }?.gapToFirst.isNaN == true)
    }

    @Test func comparingNeedsTwoUnitsOfThePanel() throws {
        let panel = try Fixtures.panel(Self.csv, catalog: Self.catalog)
        #expect(throws: CompareError.tooFewUnits(1)) { try PanelAnalysis.compare(panel, CompareRequest(units: ["Hà Nội"])) }
        #expect(throws: (any Error).self) { try PanelAnalysis.compare(panel, CompareRequest(units: ["Hà Nội", "Atlantis"])) }
        #expect(throws: (any Error).self) { try PanelAnalysis.compare(panel, CompareRequest(units: ["Hà Nội", "Hải Phòng"], year: 2019)) }
    }
}
