import ChisoAnalysis
import ChisoCore
import ChisoNumerics
import ChisoTestSupport
import Testing

struct ShowTests {
    static let csv = """
    unit,period,indicator,value,rank
    Hà Nội,2022,PAR,89.58,3
    Hà Nội,2023,PAR,91.43,3
    Hà Nội,2023,SIPAS,84.1,
    Long An,2023,PAR,,8
    Huế,2021,PAR,87.1,
    """

    @Test func yearsBecomeColumnsAndUnitsWithoutDataAreCounted() throws {
        let table = try PanelAnalysis.show(try Fixtures.panel(Self.csv), ShowRequest(indicators: ["PAR"], years: YearRange(first: 2022, last: 2023))).table
        #expect(table.columns.map(\.id) == ["unit", "code", "indicator", "2022", "2023"])
        #expect(table.rows == [[.text("Hà Nội"), .text("01"), .text("PAR"), .number(89.58, precision: 2), .number(91.43, precision: 2)]])
        // Huế (no value in range) and Long An (rank only) are counted, not silently dropped.
        #expect(table.footnotes.first?.en == "2 unit × indicator rows without data in range are not shown.")
    }

    @Test func publishedRanksInsteadOfValues() throws {
        let table = try PanelAnalysis.show(try Fixtures.panel(Self.csv), ShowRequest(indicators: ["PAR"], years: YearRange(first: 2023, last: 2023), ranks: true)).table
        #expect(table.rows.map { $0[0] } == [.text("Hà Nội"), .text("Long An")])
        #expect(table.rows.map { $0[3] } == [.integer(3), .integer(8)])
    }

    @Test func requestedUnitsAreAlwaysListedInAnySpelling() throws {
        let table = try PanelAnalysis.show(try Fixtures.panel(Self.csv), ShowRequest(units: ["ha noi", "TT-Huế"], indicators: ["PAR", "SIPAS"])).table
        #expect(table.rows.map { [$0[0], $0[2]] } == [
            [.text("Hà Nội"), .text("PAR")], [.text("Thừa Thiên Huế"), .text("PAR")],
            [.text("Hà Nội"), .text("SIPAS")], [.text("Thừa Thiên Huế"), .text("SIPAS")],
        ])
        #expect(table.rows[3].dropFirst(3).allSatisfy { $0 == .missing })
    }

    @Test func aUnitOutsideThePanelIsAnError() throws {
        let panel = try Fixtures.panel(Self.csv)
        #expect(throws: PanelQueryError.unitNotInPanel(unit: "Cà Mau", panel: panel.name)) {
            try PanelAnalysis.show(panel, ShowRequest(units: ["Ca Mau"], indicators: ["PAR"]))
        }
    }
}
