import ChisoCore
import ChisoIO
import ChisoTestSupport
import Testing

/// Column names as users' files have them: codes and names of provinces, years in Vietnamese,
/// and years as wide headers the way exports write them.
struct ColumnNameTests {
    @Test(arguments: ["province_code", "ma_tinh", "Mã tỉnh", "tinh", "tỉnh", "unit code"])
    func unitColumns(_ header: String) throws {
        let panel = try Fixtures.panel("\(header),nam,indicator,value\n01,2023,PAR,89.5\n31,2023,PAR,91.87\n")
        #expect(panel.units.map(\.name) == ["Hà Nội", "Hải Phòng"])
        #expect(panel.cross(section: 0, indicator: 0) == [89.5, 91.87])
    }

    @Test(arguments: ["nam", "năm", "Năm", "year", "period"])
    func periodColumns(_ header: String) throws {
        let panel = try Fixtures.panel("tinh,\(header),indicator,value\nHà Nội,2022,PAR,88\nHà Nội,2023,PAR,89.5\n")
        #expect(panel.periods == [.year(2022), .year(2023)])
    }

    @Test(arguments: [("y2014", "y2015"), ("2014.0", "2015.0"), ("Năm 2014", "Năm 2015"), ("Year 2014", "Year 2015"), ("2014", "2015")])
    func yearHeadersOfWideFiles(_ first: String, _ second: String) throws {
        let panel = try Fixtures.panel("unit,\(first),\(second)\nHà Nội,1.5,2\nHải Phòng,3,4.25\n", options: ReadOptions(indicator: "PAR"))
        #expect(panel.periods == [.year(2014), .year(2015)])
        #expect(panel.cross(section: 1, indicator: 0) == [2, 4.25])
    }

    @Test(arguments: ["y201", "2014.00", "Năm 14", "x2014", "20145"])
    func notYearHeaders(_ header: String) {
        #expect(Period(header: header) == nil)
    }
}
