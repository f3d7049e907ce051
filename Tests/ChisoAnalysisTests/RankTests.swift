import ChisoAnalysis
import ChisoCore
import ChisoNumerics
import ChisoTestSupport
import Testing

/// Rankings of hand-made panels whose answers are known exactly.
struct RankTests {
    /// Five departments of one province; 2023 is complete, 2022 too, with a tie in 2023.
    static let departments = """
    unit,period,indicator,value,rank
    Sở Nội vụ,2022,score,90,
    Sở Tư pháp,2022,score,85,
    Sở Y tế,2022,score,80,
    Sở Tài chính,2022,score,70,
    Sở Xây dựng,2022,score,75,
    Sở Nội vụ,2023,score,88,
    Sở Tư pháp,2023,score,91,
    Sở Y tế,2023,score,88,
    Sở Tài chính,2023,score,72.5,
    Sở Xây dựng,2023,score,,
    """

    @Test func ranksAmongUnitsWithAValueAndSaysHowMany() throws {
        let panel = try Fixtures.panel(Self.departments, withProvinces: false)
        let result = try PanelAnalysis.rank(panel, RankRequest(period: .year(2023)))
        #expect(result.n == 4)
        #expect(result.unitsInScope == 5)
        #expect(result.rows.map(\.unit.name) == ["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế", "Sở Tài chính"])
        #expect(result.rows.map(\.rank) == [1, 2, 2, 4])
        // Percentile 100·(n − rank)/(n − 1) with n = 4; quartile ⌈4·rank/n⌉.
        let twoThirds: Double = 100.0 * 2.0 / 3.0
        let expectedPercentiles: [Double] = [100, twoThirds, twoThirds, 0]
        #expect(result.rows.map(\.percentile) == expectedPercentiles)
        #expect(result.rows.map(\.quartile) == [1, 2, 2, 4])
        // Change in points since 2022.
        let expectedChanges: [Double] = [6, -2, 8, 2.5]
        #expect(result.rows.map(\.change) == expectedChanges)
    }

    @Test(arguments: [
        (TieMethod.min, [1.0, 2, 2, 4]), (.average, [1, 2.5, 2.5, 4]), (.dense, [1, 2, 2, 3]), (.first, [1, 2, 3, 4]), (.max, [1, 3, 3, 4]),
    ])
    func tieRules(_ ties: TieMethod, _ expected: [Double]) throws {
        let panel = try Fixtures.panel(Self.departments, withProvinces: false)
        #expect(try PanelAnalysis.rank(panel, RankRequest(period: .year(2023), ties: ties)).rows.map(\.rank) == expected)
    }

    @Test func rankChangeUsesComputedRanksOnlyWhenBothYearsAreComplete() throws {
        let panel = try Fixtures.panel(Self.departments, withProvinces: false)
        // 2023 lacks Sở Xây dựng, so computed ranks of 2022 and 2023 are not compared.
        #expect(try PanelAnalysis.rank(panel, RankRequest(period: .year(2023))).rows.allSatisfy { $0.rankChange == nil })
        let complete = Self.departments.replacingOccurrences(of: "Sở Xây dựng,2023,score,,", with: "Sở Xây dựng,2023,score,60,")
        let result = try PanelAnalysis.rank(try Fixtures.panel(complete, withProvinces: false), RankRequest(period: .year(2023)))
        // 2022 ranks: Nội vụ 1, Tư pháp 2, Y tế 3, Xây dựng 4, Tài chính 5; 2023: Tư pháp 1, Nội vụ 2, Y tế 2, Tài chính 4, Xây dựng 5.
        #expect(result.rows.map(\.unit.name) == ["Sở Tư pháp", "Sở Nội vụ", "Sở Y tế", "Sở Tài chính", "Sở Xây dựng"])
        #expect(result.rows.map(\.rankChange) == [1, -1, 1, 1, -1])
    }

    @Test func rankChangePrefersPublishedRanks() throws {
        let csv = """
        unit,period,indicator,value,rank
        Hà Nội,2022,PAR,89.58,3
        Hà Nội,2023,PAR,91.43,3
        Quảng Ninh,2022,PAR,90.10,1
        Quảng Ninh,2023,PAR,92.18,1
        Lào Cai,2022,PAR,,11
        Lào Cai,2023,PAR,90.60,7
        Long An,2023,PAR,,8
        """
        let result = try PanelAnalysis.rank(try Fixtures.panel(csv), RankRequest(indicator: "PAR", period: .year(2023)))
        #expect(result.n == 3)
        #expect(result.unitsInScope == 63)
        #expect(result.rows.map(\.unit.name) == ["Quảng Ninh", "Hà Nội", "Lào Cai"])
        #expect(result.rows.map(\.publishedRank) == [1, 3, 7])
        #expect(result.rows.map(\.rankChange) == [0, 0, 4])
        #expect(result.rows[2].change.isNaN)
        #expect(result.rankOnly.map(\.unit.name) == ["Long An"])
        #expect(result.rankOnly.map(\.publishedRank) == [8])
    }

    @Test func lowerIsBetterRanksAscending() throws {
        let catalog = [Indicator(id: "late_rate", label: LocalizedText("late"), measure: .rate, higherIsBetter: false)]
        let csv = "unit,period,indicator,value\nA,2023,late_rate,0.10\nB,2023,late_rate,0.02\nC,2023,late_rate,0.05\n"
        let result = try PanelAnalysis.rank(try Fixtures.panel(csv, catalog: catalog, withProvinces: false), RankRequest())
        #expect(result.rows.map(\.unit.name) == ["B", "C", "A"])
        #expect(result.period == .year(2023))
    }

    @Test func topBottomAndRegion() throws {
        let csv = """
        unit,period,indicator,value
        Hà Nội,2023,PAR,91.43
        Hải Phòng,2023,PAR,91.87
        Quảng Ninh,2023,PAR,92.18
        Nam Định,2023,PAR,87.32
        An Giang,2023,PAR,81.32
        Cần Thơ,2023,PAR,86.15
        """
        let panel = try Fixtures.panel(csv)
        #expect(try PanelAnalysis.rank(panel, RankRequest(top: 2)).rows.map(\.unit.name) == ["Quảng Ninh", "Hải Phòng"])
        #expect(try PanelAnalysis.rank(panel, RankRequest(bottom: 2)).rows.map(\.unit.name) == ["Cần Thơ", "An Giang"])
        let delta = try PanelAnalysis.rank(panel, RankRequest(region: "Mekong River Delta"))
        #expect(delta.rows.map(\.unit.name) == ["Cần Thơ", "An Giang"])
        #expect(delta.rows.map(\.rank) == [1, 2])
        #expect(delta.unitsInScope == 13)
        #expect(delta.region == "Đồng bằng sông Cửu Long")
    }

    @Test func unorderedUnitsGiveTheSameRanking() throws {
        let lines = Self.departments.split(separator: "\n").map(String.init)
        let reversed = ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n")
        let a = try PanelAnalysis.rank(try Fixtures.panel(Self.departments, withProvinces: false), RankRequest(period: .year(2023)))
        let b = try PanelAnalysis.rank(try Fixtures.panel(reversed, withProvinces: false), RankRequest(period: .year(2023)))
        #expect(a.rows.map(\.unit.name).sorted() == b.rows.map(\.unit.name).sorted())
        #expect(Dictionary(uniqueKeysWithValues: a.rows.map { ($0.unit.name, $0.rank) }) == Dictionary(uniqueKeysWithValues: b.rows.map { ($0.unit.name, $0.rank) }))
    }

    @Test func unknownIndicatorAndYearAreErrors() throws {
        let panel = try Fixtures.panel(Self.departments, withProvinces: false)
        #expect(throws: PanelQueryError.self) { try PanelAnalysis.rank(panel, RankRequest(indicator: "nope")) }
        #expect(throws: PanelQueryError.self) { try PanelAnalysis.rank(panel, RankRequest(period: .year(2030))) }
    }
}
