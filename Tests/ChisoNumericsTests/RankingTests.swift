import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// Tie rules against pandas' `Series.rank`, recorded in Tests/Fixtures/ranking/pandas_ranks.json
/// by make_pandas_ranks.py beside it.
struct RankingTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let values: [Double?]
        let ascending: Bool
        let method: String
        let ranks: [Double?]
        var testDescription: String { "\(name) \(method) \(ascending ? "ascending" : "descending")" }
    }
    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: Fixtures.fixturesFolder + "/ranking/pandas_ranks.json")
        guard let data = try? Data(contentsOf: url), let fixture = try? JSONDecoder().decode(Fixture.self, from: data) else { return [] }
        return fixture.cases
    }()

    @Test func fixtureHasEveryMethodInBothDirections() {
        #expect(Self.cases.count == 8 * 5 * 2)
    }

    @Test(arguments: cases)
    func matchesPandas(_ reference: Case) throws {
        let method = try #require(TieMethod(rawValue: reference.method))
        let values = reference.values.map { $0 ?? .nan }
        let computed = ranks(of: values, direction: reference.ascending ? .ascending : .descending, ties: method)
        #expect(computed == reference.ranks, "values \(values)")
    }

    @Test func missingValuesStayUnrankedAndDoNotCount() {
        let computed = ranks(of: [5, .nan, 7], direction: .descending, ties: .min)
        #expect(computed == [2, nil, 1])
    }
}
