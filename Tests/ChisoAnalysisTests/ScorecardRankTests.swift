import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoOutput
import ChisoTestSupport
import Foundation
import Testing

/// A province's scorecard of its departments, ranked as the province ranks it: by the % of each
/// department's own maximum, within its group. The reference is the published table (Tây Ninh
/// 2023, QĐ 2729/QĐ-UBND) in `../shared/facts/department_scorecards/`, read in place.
@Suite(.enabled(if: Fixtures.runSharedTests, "../shared/facts is not beside the repository"))
struct ScorecardRankTests {
    static let file = Fixtures.sharedFolder + "/facts/department_scorecards/tayninh_cchc_2021_2023.csv"

    /// The published rows of one year and group: unit → (rank, % reached, rating).
    static func published(year: String, level: String) throws -> [String: (rank: Int, percent: Double, rating: String?)] {
        let table = try TabularFile.open(path: file, options: ReadOptions()).0
        func field(_ record: CSVRecord, _ name: String) -> String { table.field(record, table.header.firstIndex(of: name)!) }
        var result: [String: (Int, Double, String?)] = [:]
        for record in table.records where field(record, "year") == year && field(record, "level") == level && field(record, "indicator") == "TỶ LỆ ĐẠT (%)" {
            let rating = field(record, "note").components(separatedBy: "Xếp loại=").last.map { $0.trimmingCharacters(in: .whitespaces) }
            result[field(record, "unit")] = (Int(field(record, "rank"))!, Double(field(record, "value"))!, rating)
        }
        return result
    }

    static func panel() throws -> Panel {
        try PanelLoader(registry: try Fixtures.registry()).load(path: file).0
    }

    /// All 19 departments: the published rank from the % of each one's own maximum (100, 96.5 or
    /// 71.5), the % to two decimals, and the published rating from the province's bands.
    @Test func departmentsRankAsPublished() throws {
        let expected = try Self.published(year: "2023", level: "department")
        #expect(expected.count == 19)
        let result = try PanelAnalysis.rank(try Self.panel(), RankRequest(indicator: "TOTAL", period: .year(2023), group: "department",
                                                                          ratings: RatingBands(parsing: "80:Tốt,70:Khá,50:Trung bình,0:Kém")))
        #expect(result.scale == .percentOfMaximum(maxima: [71.5, 96.5, 100]))
        #expect(result.n == 19 && result.rows.count == 19)
        for row in result.rows {
            let reference = try #require(expected[row.unit.name], "\(row.unit.name)")
            #expect(row.rank == Double(reference.rank), "\(row.unit.name)")
            #expect(row.publishedRank == reference.rank, "\(row.unit.name)")
            let percent = try #require(row.percent)
            #expect((percent * 100).rounded() / 100 == reference.percent, "\(row.unit.name): \(percent)")
            #expect(row.rating == reference.rating, "\(row.unit.name)")
        }
        // Raw points would put Văn phòng UBND tỉnh (69.25 of 71.5) 17th; it is first.
        #expect(result.rows.first?.unit.name == "Văn phòng UBND tỉnh")
    }

    /// Districts are their own group: ranks among the six whose rows the page gave, as published.
    @Test func districtsAreTheirOwnGroup() throws {
        let expected = try Self.published(year: "2023", level: "district")
        let result = try PanelAnalysis.rank(try Self.panel(), RankRequest(indicator: "TOTAL", period: .year(2023), group: "district"))
        #expect(result.scale == .values)
        // The page gave 6 of the 9 districts: ranks among the 6, out of the 9 the ranking covers.
        #expect(result.n == 6 && result.unitsInScope == 9)
        #expect(result.rows.map(\.unit.name).sorted() == expected.keys.sorted())
        for row in result.rows { #expect(row.rank == Double(expected[row.unit.name]!.rank)) }
    }

    /// Without a group, the file's groups are named rather than ranked together.
    @Test func groupsAreNotMixed() throws {
        #expect(throws: ScorecardError.self) { try PanelAnalysis.rank(try Self.panel(), RankRequest(indicator: "TOTAL", period: .year(2023))) }
        #expect(throws: ScorecardError.self) { try PanelAnalysis.rank(try Self.panel(), RankRequest(indicator: "TOTAL", group: "ward")) }
    }

    /// `rank --all` ranks the group on the same scale, with the % column.
    @Test func rankAllFollowsTheSameRule() throws {
        let expected = try Self.published(year: "2023", level: "department")
        let result = try PanelAnalysis.rankAll(try Self.panel(), RankAllRequest(indicators: ["TOTAL"], group: "department"))
        #expect(result.percentScale)
        let group = try #require(result.groups.first)
        #expect(group.count == 19)
        for row in 0..<group.count {
            let name = result.units[Int(group.unit[row])].name
            #expect(group.rank[row] == Double(expected[name]!.rank), "\(name)")
            #expect((group.percent[row] * 100).rounded() / 100 == expected[name]!.percent, "\(name)")
        }
        // JSON and CSV written directly carry the % column as the table does.
        let writer = TableWriter(language: .en, numbers: NumberStyle())
        #expect(String(decoding: result.json(groups: result.groups), as: UTF8.self) == String(decoding: writer.jsonRows(result.table), as: UTF8.self))
        #expect(String(decoding: result.csv(groups: result.groups, language: .en, numbers: NumberStyle(), header: true), as: UTF8.self)
                    == writer.render(result.table, as: .csv))
    }
}

/// Maxima that differ, hand-made: ranks by the %, and a unit without a maximum is refused.
struct ScorecardScaleTests {
    func panel(_ rows: String) throws -> Panel {
        let folder = try Fixtures.temporaryFolder()
        let path = folder + "/scores.csv"
        try ("unit,year,indicator,value,max\n" + rows).write(toFile: path, atomically: true, encoding: .utf8)
        return try PanelLoader(registry: try Fixtures.registry()).load(path: path).0
    }

    @Test func percentagesDecide() throws {
        // 93.36/98 = 95.27%, 95/100 = 95%, 90/96 = 93.75%: raw points would put B first.
        let panel = try panel("A,2023,TOTAL,93.36,98\nB,2023,TOTAL,95,100\nC,2023,TOTAL,90,96\n")
        let result = try PanelAnalysis.rank(panel, RankRequest(indicator: "TOTAL"))
        #expect(result.rows.map(\.unit.name) == ["A", "B", "C"])
        #expect(result.rows.map { ($0.percent! * 100).rounded() / 100 } == [95.27, 95, 93.75])
    }

    @Test func sameMaximumKeepsPoints() throws {
        let panel = try panel("A,2023,TOTAL,80,100\nB,2023,TOTAL,90,100\n")
        let result = try PanelAnalysis.rank(panel, RankRequest(indicator: "TOTAL"))
        #expect(result.scale == .values)
        #expect(result.rows.map(\.unit.name) == ["B", "A"])
        #expect(result.rows.allSatisfy { $0.percent == nil })
    }

    @Test func aMissingMaximumAmongDifferentOnesIsRefused() throws {
        let panel = try panel("A,2023,TOTAL,80,100\nB,2023,TOTAL,60,71.5\nC,2023,TOTAL,70,\n")
        #expect(throws: ScorecardError.maximaIncomplete(indicator: "TOTAL", period: "2023", maxima: [71.5, 100], without: ["C"])) {
            try PanelAnalysis.rank(panel, RankRequest(indicator: "TOTAL"))
        }
    }

    @Test func ratingBandsParse() throws {
        let bands = try #require(RatingBands(parsing: "80:Tốt, 70:Khá,50:Trung bình,0:Kém"))
        #expect(bands.label(of: 80) == "Tốt" && bands.label(of: 79.99) == "Khá" && bands.label(of: 49) == "Kém" && bands.label(of: -1) == nil)
        #expect(RatingBands(parsing: "80:Tốt,80:Khá") == nil)
        #expect(RatingBands(parsing: "Tốt") == nil)
    }
}

/// The other analyses see a scorecard as its ranking does: one group, % of each unit's maximum.
struct ScorecardViewTests {
    static let rows = """
        unit,year,indicator,value,max,level
        Sở KH&CN,2022,TOTAL,90.2,98,department
        Sở Tư pháp,2022,TOTAL,91,100,department
        Sở Y tế,2022,TOTAL,84,96,department
        UBND huyện A,2022,TOTAL,95,100,district
        Sở KH&CN,2023,TOTAL,93.364,98,department
        Sở Tư pháp,2023,TOTAL,94,100,department
        Sở Y tế,2023,TOTAL,85.5,96,department
        UBND huyện A,2023,TOTAL,97,100,district

        """

    static func panel() throws -> Panel {
        let path = try Fixtures.temporaryFolder() + "/depts.csv"
        try rows.write(toFile: path, atomically: true, encoding: .utf8)
        return try PanelLoader(registry: try Fixtures.registry()).load(path: path, options: ReadOptions(decimal: .point)).0
    }

    @Test func oneGroupInPercentOfEachMaximum() throws {
        let view = try PanelAnalysis.scorecardView(try Self.panel(), group: "department")
        #expect(view.panel.units.map(\.name) == ["Sở KH&CN", "Sở Tư pháp", "Sở Y tế"])
        #expect(view.group == "department")
        #expect(view.converted.map(\.indicator) == ["TOTAL"])
        let p = try #require(view.panel.periodIndex(.year(2023)))
        // 93.364 / 98, 94 / 100, 85.5 / 96.
        let expected: [Double] = [100 * 93.364 / 98, 94, 100 * 85.5 / 96]
        #expect(view.panel.cross(section: p, indicator: 0) == expected)
        #expect(view.panel.indicators[0].measure == .percent)
    }

    /// `target --rank 1` for Sở Y tế: the value that met the goal in 2023 is Sở KH&CN's 95.27%,
    /// not Sở Tư pháp's 94 raw points (nor the district's 97).
    @Test func targetsCompareShares() throws {
        let view = try PanelAnalysis.scorecardView(try Self.panel(), group: "department")
        let result = try PanelAnalysis.target(view.panel, TargetRequest(unit: "Sở Y tế", indicator: "TOTAL", goal: .rank(1), year: 2023))
        let share: Double = 100 * 93.364 / 98
        #expect(result.thresholdThisYear?.value == share)
    }

    @Test func aPanelWithoutScorecardsIsUnchanged() throws {
        let panel = try PanelLoader(registry: try Fixtures.registry()).load(path: RankAllTests.folder + "panel_ties.csv").0
        let view = try PanelAnalysis.scorecardView(panel, group: nil)
        #expect(view.note == nil && view.panel.units.count == panel.units.count)
    }
}
