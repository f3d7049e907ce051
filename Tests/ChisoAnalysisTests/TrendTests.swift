import ChisoApproximation
import ChisoAnalysis
import ChisoCore
import ChisoOutput
import ChisoTestSupport
import Testing

struct TrendTests {
    /// Hà Nội rises 1 point a year exactly; Huế falls 0.5 a year; Cần Thơ has two values; Lào Cai one.
    static let csv = """
    unit,period,indicator,value
    Hà Nội,2020,PAR,80
    Hà Nội,2021,PAR,81
    Hà Nội,2022,PAR,82
    Hà Nội,2023,PAR,83
    Huế,2020,PAR,90
    Huế,2021,PAR,89.5
    Huế,2023,PAR,88.5
    Cần Thơ,2022,PAR,85
    Cần Thơ,2023,PAR,86.5
    Lào Cai,2023,PAR,88
    """

    @Test func slopesPerYearWithGapsAndShortSeries() throws {
        let result = try PanelAnalysis.trend(try Fixtures.panel(Self.csv), TrendRequest())
        let byName = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.unit.name, $0.fit) })
        #expect(agree(byName["Hà Nội"]!.slope, 1, relative: 1e-12))
        #expect(agree(byName["Hà Nội"]!.intercept, 80, relative: 1e-12))  // fitted value in 2020, the window's start
        #expect(byName["Hà Nội"]!.rSquared == 1)
        #expect(agree(byName["Thừa Thiên Huế"]!.slope, -0.5, relative: 1e-12))
        #expect(byName["Thừa Thiên Huế"]!.n == 3)
        #expect(byName["Cần Thơ"]!.status == .twoPoints)
        #expect(byName["Lào Cai"]!.status == .tooShort)
        #expect(result.statusSummary == "2 fitted, 1 two points, 1 too short")
    }

    @Test func windowAndFastestImproversFirst() throws {
        let panel = try Fixtures.panel(Self.csv)
        let result = try PanelAnalysis.trend(panel, TrendRequest(years: YearRange(first: 2021, last: 2023), order: .slope))
        #expect(result.periods == [.year(2021), .year(2022), .year(2023)])
        #expect(result.rows.map(\.unit.name) == ["Cần Thơ", "Hà Nội", "Thừa Thiên Huế", "Lào Cai"])
        #expect(agree(result.rows[1].fit.intercept, 81, relative: 1e-12))
    }

    @Test func lowerIsBetterPutsTheSteepestFallFirst() throws {
        let catalog = [Indicator(id: "late", label: LocalizedText("late"), measure: .rate, higherIsBetter: false)]
        let csv = "unit,period,indicator,value\nA,2021,late,0.3\nA,2022,late,0.2\nA,2023,late,0.1\nB,2021,late,0.1\nB,2022,late,0.1\nB,2023,late,0.12\n"
        let result = try PanelAnalysis.trend(try Fixtures.panel(csv, catalog: catalog, withProvinces: false), TrendRequest(order: .slope))
        #expect(result.rows.map(\.unit.name) == ["A", "B"])
    }

    @Test func quarterlyPanelsCountQuarters() throws {
        let csv = "unit,period,indicator,value\nHà Nội,2023-Q3,x,10\nHà Nội,2023-Q4,x,12\nHà Nội,2024-Q1,x,14\n"
        let result = try PanelAnalysis.trend(try Fixtures.panel(csv), TrendRequest())
        #expect(agree(result.rows[0].fit.slope, 2, relative: 1e-12))
        #expect(result.table.columns.map(\.header.en).contains("Slope/quarter"))
    }
}
