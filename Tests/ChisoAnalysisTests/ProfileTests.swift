import ChisoAnalysis
import ChisoCore
import ChisoTestSupport
import Testing

struct ProfileTests {
    static let provinces = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thừa Thiên Huế", "Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Lào Cai", "An Giang", "Cà Mau"]

    /// Province k scores 70 + k + 0.5·(year − 2020), exactly on a line; in 2024 Hải Phòng (k = 1)
    /// has 73, rank 11 of 12, and the 10th best is Đà Nẵng's 74. On c1 it is best, on c2 worst.
    static func alpha() throws -> Panel {
        var csv = "unit,period,indicator,value\n"
        for (k, name) in provinces.enumerated() {
            for year in 2020...2024 { csv += "\(name),\(year),A,\(70 + Double(k) + 0.5 * Double(year - 2020))\n" }
            csv += "\(name),2024,c1,\(k == 1 ? 100 : k)\n\(name),2024,c2,\(k == 1 ? -1 : k)\n"
        }
        let catalog = [Indicator(id: "A", label: LocalizedText("A"), measure: .score), Indicator(id: "c1", label: LocalizedText("c1"), measure: .score),
                       Indicator(id: "c2", label: LocalizedText("c2"), measure: .score)]
        return try Fixtures.panel(csv, catalog: catalog)
    }

    /// A percentage with one year only: Hải Phòng's 84.5 is 5.5 short of group A; Cà Mau has no value.
    static func beta() throws -> Panel {
        let csv = "unit,period,indicator,value\nHải Phòng,2024,B,84.5\nHà Nội,2024,B,91\n"
        return try Fixtures.panel(csv, catalog: [Indicator(id: "B", label: LocalizedText("B"), measure: .percent, lowerBound: 0, upperBound: 100)])
    }

    @Test func whereTheUnitStandsAndIsHeading() throws {
        let result = try PanelAnalysis.profile([try Self.alpha(), try Self.beta()], unit: "HP")
        #expect(result.unit.name == "Hải Phòng")
        let a = result.entries[0]
        #expect(a.year == .year(2024))
        #expect(a.value == 73 && a.rank == 11 && a.n == 12)
        #expect(a.change == 0.5)
        #expect(abs(a.slopePerYear - 0.5) < 1e-12 && a.trendValues == 5)
        #expect(a.forecastPeriod == .year(2025))
        #expect(abs(a.forecast - 73.5) < 1e-9)
        #expect(a.gapToTop10 == 1)
        #expect(a.gapToGroupA.isNaN)
        #expect(a.strongest == "c1 (1/12)")
        #expect(a.weakest == "c2 (12/12)")

        let b = result.entries[1]
        #expect(b.value == 84.5 && b.rank == 2 && b.n == 2)
        #expect(b.gapToGroupA == 5.5)
        // Fewer than 10 units: no 10th best value to reach.
        #expect(b.gapToTop10.isNaN)
        #expect(b.forecast.isNaN && b.forecastMethod == "not forecast: too short")
    }

    @Test func anEarlierYearAndAUnitWithoutValues() throws {
        let earlier = try PanelAnalysis.profile([try Self.alpha(), try Self.beta()], unit: "Cà Mau", year: 2022)
        #expect(earlier.entries[0].value == 82 && earlier.entries[0].rank == 1)
        // The 10th best in 2022 is Đà Nẵng's 73: Cà Mau is 9 clear of it.
        #expect(earlier.entries[0].gapToTop10 == -9)
        #expect(earlier.entries[0].trendValues == 3)
        #expect(earlier.entries[1].year == nil && earlier.entries[1].value.isNaN)
        #expect(throws: (any Error).self) { try PanelAnalysis.profile([try Self.alpha()], unit: "Atlantis") }
    }
}
