import ChisoDossiers
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// Summaries of 3,000 generated records against pandas (Tests/Fixtures/dossiers, made by
/// make_pandas_summary.py beside them).
struct DossierRecordSummarizerTests {
    static let folder = Fixtures.fixturesFolder + "/dossiers"

    func compare(_ summary: DossierSummary, with referenceFile: String, keys: Int) throws {
        let reference = try TabularFile.read(path: Self.folder + "/" + referenceFile)
        #expect(summary.rows.count == reference.records.count)
        #expect(summary.asOf == "2025-01-30")
        let fields: [DossierField] = [.receivedNew, .receivedOnline, .receivedPostal, .receivedDirect, .resolvedEarly, .resolvedOnTime,
                                      .resolvedLate, .withdrawn, .pendingOverdue, .pendingInTime]
        for (row, record) in zip(summary.rows, reference.records) {
            #expect(row.unit == reference.field(record, 0))
            #expect(row.period.description == reference.field(record, 1))
            if keys == 3 { #expect(row.breakdown == [reference.field(record, 2)]) }
            for field in fields {
                let column = try #require(reference.header.firstIndex(of: field.rawValue))
                #expect(row[field] == Double(reference.field(record, column)), "\(row.unit) \(row.period) \(field.rawValue)")
            }
        }
    }

    @Test func byUnitAndMonthMatchesPandas() throws {
        let summary = try DossierRecordSummarizer.summarize(path: Self.folder + "/records.csv", options: DossierSummaryOptions(granularity: .month, accounting: .cohort))
        #expect(summary.records == 3000)
        #expect(summary.badRows == 0)
        try compare(summary, with: "pandas_unit_month.csv", keys: 2)
    }

    @Test func byUnitAndQuarterMatchesPandas() throws {
        let summary = try DossierRecordSummarizer.summarize(path: Self.folder + "/records.csv", options: DossierSummaryOptions(granularity: .quarter, accounting: .cohort))
        try compare(summary, with: "pandas_unit_quarter.csv", keys: 2)
    }

    @Test func byUnitYearAndAgencyMatchesPandas() throws {
        let summary = try DossierRecordSummarizer.summarize(path: Self.folder + "/records.csv", options: DossierSummaryOptions(granularity: .year, accounting: .cohort, byAgency: true))
        #expect(summary.breakdownNames == ["agency"])
        try compare(summary, with: "pandas_unit_year_agency.csv", keys: 3)
    }

    @Test(arguments: [1, 2, 3, 7], DossierAccounting.allCases)
    func workersDoNotChangeTheResult(_ workers: Int, _ accounting: DossierAccounting) throws {
        let one = try DossierRecordSummarizer.summarize(path: Self.folder + "/records.csv", options: DossierSummaryOptions(accounting: accounting, workers: 1))
        let many = try DossierRecordSummarizer.summarize(path: Self.folder + "/records.csv", options: DossierSummaryOptions(accounting: accounting, workers: workers))
        #expect(one.rows == many.rows)
    }

    static let badFile = """
    dossier_id,unit,agency,procedure,channel,received_date,due_date,finished_date,status
    A1,01,SNV,P1,online,2024-01-05,2024-01-20,2024-01-10,early
    A2,01,SNV,P1,fax,2024-01-06,2024-01-20,2024-01-10,on_time
    A3,Hà Nội,SNV,P1,direct,2024-01-07,2024-01-20,,pending
    A4,01,SNV,P1,direct,2024-13-07,2024-01-20,,pending
    A5,01,SNV,P1,direct,2024-01-08,2024-01-20
    "A6",01,"Sở, Nội vụ",P1,postal,2024-01-09,2024-01-25,2024-01-26,late

    """

    @Test func badRowsAreCountedWithTheirLines() throws {
        let path = try Fixtures.temporaryFile("bad.csv", Self.badFile)
        let summary = try DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(accounting: .cohort, asOf: "2024-02-01"))
        #expect(summary.records == 3)
        #expect(summary.badRows == 3)
        #expect(summary.firstBadRows.map(\.line) == [3, 5, 6])
        #expect(summary.firstBadRows[0].reason == "channel 'fax' is not known (online, direct, postal or their Vietnamese names)")
        // The code 01 and the name "Hà Nội" are kept apart: a records file should use codes.
        #expect(summary.rows.map(\.unit) == ["01", "Hà Nội"])
        #expect(summary.rows[1][.pendingOverdue] == 1)
        #expect(summary.rows[0][.resolvedLate] == 1)
    }

    @Test func strictStopsAtTheFirstBadRow() throws {
        let path = try Fixtures.temporaryFile("bad.csv", Self.badFile)
        #expect(throws: DossierRecordError.badRow(file: path, line: 3, reason: "channel 'fax' is not known (online, direct, postal or their Vietnamese names)")) {
            try DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(accounting: .cohort, strict: true))
        }
    }

    @Test func missingColumnsAreNamed() throws {
        let path = try Fixtures.temporaryFile("r.csv", "id,unit\n1,01\n")
        #expect(throws: DossierRecordError.self) { try DossierRecordSummarizer.summarize(path: path) }
    }
}
