import ChisoAnalysis
import ChisoCore
import ChisoTestSupport
import Testing

struct ProfileTests {
    static let provinces = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thừa Thiên Huế", "Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Lào Cai", "An Giang", "Cà Mau"]

    /// Province k scores 70 + k + 0.5·(year − 2020), exactly on a line; in 2024 Hải Phòng (k = 1)
    /// has 73, rank 11 of 12, and the 10th best is Đà Nẵng's 74. On c1 it is best, on c2 worst.
    /// Read as the file's own twelve units, the field is complete and computed ranks stand.
    static func alpha() throws -> Panel {
        var csv = "unit,period,indicator,value\n"
        for (k, name) in provinces.enumerated() {
            for year in 2020...2024 { csv += "\(name),\(year),A,\(70 + Double(k) + 0.5 * Double(year - 2020))\n" }
            csv += "\(name),2024,c1,\(k == 1 ? 100 : k)\n\(name),2024,c2,\(k == 1 ? -1 : k)\n"
        }
        let catalog = [Indicator(id: "A", label: LocalizedText("A"), measure: .score), Indicator(id: "c1", label: LocalizedText("c1"), measure: .score),
                       Indicator(id: "c2", label: LocalizedText("c2"), measure: .score)]
        return try Fixtures.panel(csv, catalog: catalog, withProvinces: false)
    }

    /// A percentage with one year only: Hải Phòng's 84.5 is 5.5 short of group A; Cà Mau has no value.
    static func beta() throws -> Panel {
        let csv = "unit,period,indicator,value\nHải Phòng,2024,B,84.5\nHà Nội,2024,B,91\n"
        return try Fixtures.panel(csv, catalog: [Indicator(id: "B", label: LocalizedText("B"), measure: .percent, lowerBound: 0, upperBound: 100)],
                                  withProvinces: false)
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

    /// On the 63 provinces with a few values: the gap to the top 10 is to the value at published
    /// rank 10, an old value is said to be old, and a forecast many years ahead says how many.
    @Test func publishedRanksOldValuesAndStepsAhead() throws {
        var csv = "unit,period,indicator,value,rank\n"
        for (k, name) in Self.provinces.prefix(10).enumerated() {
            for year in 2020...2024 { csv += "\(name),\(year),P,\(80 + Double(k) + 0.5 * Double(year - 2020)),\(year == 2024 ? String(10 - k) : "")\n" }
        }
        csv += "Cà Mau,2018,P,70,\nCà Mau,2019,P,71,\nCà Mau,2020,P,72,\n"
        let panel = try Fixtures.panel(csv, catalog: [Indicator(id: "P", label: LocalizedText("P"), measure: .percent, lowerBound: 0, upperBound: 100)])
        // Hải Phòng (k = 1) has 83 in 2024 at published rank 9; rank 10 is Hà Nội's 82.
        let haiPhong = try PanelAnalysis.profile([panel], unit: "Hải Phòng").entries[0]
        #expect(haiPhong.rank == nil && haiPhong.publishedRank == 9)
        #expect(haiPhong.gapToTop10 == -1)
        #expect(haiPhong.forecastSteps == 1 && haiPhong.forecastBase == .year(2024))
        let caMau = try PanelAnalysis.profile([panel], unit: "Cà Mau")
        #expect(caMau.entries[0].year == .year(2020) && caMau.entries[0].latestYearOfIndex == .year(2024))
        #expect(caMau.entries[0].forecastSteps == 5 && caMau.entries[0].forecastBase == .year(2020))
        let notes = caMau.table.footnotes.map(\.en)
        #expect(notes.contains { $0.hasSuffix(": Cà Mau's value is from 2020, older than the index's latest year (2024).") })
        #expect(notes.contains { $0.hasSuffix(": the 2025 forecast is 5 periods ahead of the last value (2020), less certain than a one-period forecast.") })
    }
}
