import ChisoCore
import Testing

struct PeriodTests {
    @Test(arguments: [
        ("2023", Period.year(2023)), ("2023-Q2", .quarter(2023, 2)), ("2023q4", .quarter(2023, 4)),
        ("Q1-2024", .quarter(2024, 1)), ("2023-06", .month(2023, 6)), ("2023-6", .month(2023, 6)),
        ("06/2023", .month(2023, 6)), (" 2019 ", .year(2019)), ("2023-H1", .half(2023, 1)), ("2023-h2", .half(2023, 2)),
    ])
    func parsesEveryWrittenForm(_ text: String, _ expected: Period) {
        #expect(Period(parsing: text) == expected)
    }

    @Test(arguments: ["", "23", "2023-13", "2023-Q5", "năm 2023", "1899", "2023-00", "abc"])
    func refusesWhatIsNotAPeriod(_ text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test func writesCanonicalForms() {
        #expect(Period.month(2023, 6).description == "2023-06")
        #expect(Period.quarter(2023, 2).description == "2023-Q2")
        #expect(Period.year(2023).description == "2023")
    }

    @Test func ordersByStartThenGranularity() {
        let sorted = [Period.month(2023, 4), .year(2024), .quarter(2023, 2), .half(2023, 2), .year(2023), .month(2023, 1)].sorted()
        #expect(sorted == [.year(2023), .month(2023, 1), .quarter(2023, 2), .month(2023, 4), .half(2023, 2), .year(2024)])
    }

    @Test func previousCrossesYearBoundaries() {
        #expect(Period.quarter(2023, 1).previous == .quarter(2022, 4))
        #expect(Period.month(2023, 1).previous == .month(2022, 12))
        #expect(Period.year(2023).previous == .year(2022))
        #expect(Period.half(2023, 1).previous == .half(2022, 2))
        #expect(Period.half(2023, 2).next == .half(2024, 1))
    }

    @Test func yearRanges() {
        #expect(YearRange(parsing: "2018-2024") == YearRange(first: 2018, last: 2024))
        #expect(YearRange(parsing: "2023") == YearRange(first: 2023, last: 2023))
        #expect(YearRange(parsing: "2024-2018") == nil)
        #expect(YearRange(first: 2018, last: 2020).contains(.month(2019, 5)))
    }
}
