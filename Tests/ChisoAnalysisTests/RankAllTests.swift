import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoNumerics
import ChisoOutput
import ChisoTestSupport
import Foundation
import Testing

/// A whole panel ranked at once, against pandas' `rank(method=…, ascending=False)` and `diff()`
/// on a panel of ties, a missing value and a missing year (Tests/Fixtures/ranking/
/// make_panel_ranks.py writes both files).
struct RankAllTests {
    struct Expected: Hashable {
        let method: String, indicator: String, unit: String, year: Int
    }

    static let folder = Fixtures.fixturesFolder + "/ranking/"

    /// pandas' rank and rank change by (method, indicator, unit, year).
    static func expected() throws -> [Expected: (rank: Double, change: Double?)] {
        let text = try String(contentsOfFile: folder + "panel_ranks_pandas.csv", encoding: .utf8)
        var result: [Expected: (Double, Double?)] = [:]
        for line in text.split(separator: "\n").dropFirst(2) {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            result[Expected(method: f[0], indicator: f[1], unit: f[2], year: Int(f[3])!)] = (Double(f[4])!, f[5].isEmpty ? nil : Double(f[5])!)
        }
        return result
    }

    static func panel() throws -> Panel {
        try PanelLoader(registry: try Fixtures.registry()).load(path: folder + "panel_ties.csv").0
    }

    @Test(arguments: TieMethod.allCases)
    func ranksAndRankChangesArePandas(_ ties: TieMethod) throws {
        let expected = try Self.expected().filter { $0.key.method == ties.rawValue }
        let result = try PanelAnalysis.rankAll(try Self.panel(), RankAllRequest(ties: ties))
        #expect(result.count == expected.count)
        for group in result.groups {
            for row in 0..<group.count {
                let key = Expected(method: ties.rawValue, indicator: group.indicator.id, unit: result.units[Int(group.unit[row])].name,
                                   year: result.periods[Int(group.period[row])].year)
                let reference = try #require(expected[key], "\(key)")
                #expect(group.rank[row] == reference.rank, "\(key)")
                let change: Double? = group.rankChange[row].isNaN ? nil : group.rankChange[row]
                #expect(change == reference.change, "\(key)")
            }
        }
    }

    /// `rank` of one year gives the same rank changes: 57.5 → 55-style moves by halves are kept.
    @Test func oneYearsRankChangeIsTheSame() throws {
        let expected = try Self.expected()
        let result = try PanelAnalysis.rank(try Self.panel(), RankRequest(indicator: "B", period: .year(2020), ties: .average))
        #expect(result.rows.contains { $0.rankChange == 3.5 })
        for row in result.rows {
            let reference = try #require(expected[Expected(method: "average", indicator: "B", unit: row.unit.name, year: 2020)])
            #expect(row.rankChange == reference.change)
        }
    }

    @Test func rowsAreSortedByIndicatorUnitAndPeriod() throws {
        let result = try PanelAnalysis.rankAll(try Self.panel(), RankAllRequest())
        #expect(result.groups.map(\.indicator.id) == ["A", "B"])
        for group in result.groups {
            let keys = (0..<group.count).map { Int(group.unit[$0]) * 1000 + Int(group.period[$0]) }
            #expect(keys == keys.sorted())
        }
    }

    /// The year before the first asked for is read for the first year's rank change.
    @Test func yearsKeepTheFirstRankChange() throws {
        let result = try PanelAnalysis.rankAll(try Self.panel(), RankAllRequest(indicators: ["b"], years: YearRange(first: 2020, last: 2021), ties: .average))
        #expect(result.groups.map(\.indicator.id) == ["B"])
        #expect(Set(result.groups[0].period.map { result.periods[Int($0)].year }) == [2020, 2021])
        let changes = result.groups[0].rankChange.filter { !$0.isNaN }
        #expect(!changes.isEmpty)
    }

    /// The CSV written row by row is the table's CSV, in both languages and number styles.
    @Test(arguments: [(Language.en, false), (.vi, true)])
    func bytesAreTheTablesCSV(_ language: Language, _ decimalComma: Bool) throws {
        let result = try PanelAnalysis.rankAll(try Self.panel(), RankAllRequest(ties: .average))
        let numbers = NumberStyle(decimalComma: decimalComma)
        let direct = result.csv(groups: result.groups(0..<1), language: language, numbers: numbers, header: true)
            + result.csv(groups: result.groups(1..<2), language: language, numbers: numbers, header: false)
        let viaTable = TableWriter(language: language, numbers: numbers).render(result.table, as: .csv)
        #expect(String(decoding: direct, as: UTF8.self) == viaTable)
    }

    /// JSON written in batches is the table's JSON.
    @Test func jsonBatchesAreTheTablesJSON() throws {
        let result = try PanelAnalysis.rankAll(try Self.panel(), RankAllRequest(ties: .average))
        let writer = TableWriter(language: .en, numbers: NumberStyle())
        let batched = "[\n" + String(decoding: writer.jsonRows(result.table(groups: result.groups(0..<1))), as: UTF8.self) + ",\n"
            + String(decoding: writer.jsonRows(result.table(groups: result.groups(1..<2))), as: UTF8.self) + "\n]\n"
        #expect(batched == writer.render(result.table, as: .json))
        // The direct writer gives the same bytes.
        let direct = "[\n" + String(decoding: result.json(groups: result.groups(0..<1)), as: UTF8.self) + ",\n"
            + String(decoding: result.json(groups: result.groups(1..<2)), as: UTF8.self) + "\n]\n"
        #expect(direct == batched)
    }
}
