import ChisoCore
import ChisoDossiers
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// Period accounting of records in the one-stop systems' export layout, against pandas computing
/// the definitions period by period (Tests/Fixtures/dossier-exports, made by make_exports.py
/// beside them), against seed 000's report, and against counts worked out by hand.
struct DossierPeriodAccountingTests {
    static let folder = Fixtures.fixturesFolder + "/dossier-exports"
    static let fields: [DossierField] = [.carriedOver, .receivedNew, .receivedOnline, .receivedPostal, .receivedDirect, .resolvedEarly,
                                         .resolvedOnTime, .resolvedLate, .withdrawn, .rejected, .paused, .pendingInTime, .pendingOverdue]

    static func summary(_ file: String, _ options: DossierSummaryOptions) throws -> DossierSummary {
        try DossierRecordSummarizer.summarize(path: folder + "/" + file, options: options)
    }

    @Test(arguments: [("month", Period.Kind.month), ("quarter", .quarter), ("half", .half)])
    func yearOfRecordsMatchesPandas(_ name: String, _ kind: Period.Kind) throws {
        let summary = try Self.summary("year.csv", DossierSummaryOptions(granularity: kind))
        try compare(summary, with: "pandas_period_\(name).csv")
    }

    @Test func customWindowMatchesPandas() throws {
        let summary = try Self.summary("year.csv", DossierSummaryOptions(granularity: .half, window: (from: "15/12/2022", to: "2023-06-14")))
        // 15/12/2022–14/06/2023 is named by the half-year its last day falls in.
        #expect(summary.rows.allSatisfy { $0.period == .half(2023, 1) })
        try compare(summary, with: "pandas_period_window.csv")
    }

    func compare(_ summary: DossierSummary, with referenceFile: String) throws {
        let reference = try TabularFile.read(path: Self.folder + "/" + referenceFile)
        #expect(summary.records == 3000)
        #expect(summary.badRows == 0)
        #expect(summary.rows.count == reference.records.count)
        for (row, record) in zip(summary.rows, reference.records) {
            #expect(row.unit == reference.field(record, 0))
            #expect(row.period.description == reference.field(record, 1))
            for field in Self.fields {
                let column = try #require(reference.header.firstIndex(of: field.rawValue))
                #expect(row[field] == Double(reference.field(record, column)), "\(row.unit) \(row.period) \(field.rawValue)")
            }
        }
    }

    /// Dossiers open at a period's end: pending (in time or overdue) and paused.
    static func openAtEnd(_ row: DossierAggregate) -> Double {
        row[.pendingInTime]! + row[.pendingOverdue]! + row[.paused]!
    }

    @Test(arguments: [Period.Kind.month, .quarter, .half, .year])
    func everyRowBalancesAndCarriesIntoTheNext(_ kind: Period.Kind) throws {
        let summary = try Self.summary("year.csv", DossierSummaryOptions(granularity: kind))
        #expect(!summary.rows.isEmpty)
        for row in summary.rows {
            let outcomes = row.resolvedInTime! + row[.resolvedLate]! + row[.withdrawn]! + row[.rejected]! + Self.openAtEnd(row)
            #expect(row[.carriedOver]! + row[.receivedNew]! == outcomes, "\(row.unit) \(row.period)")
            #expect(row[.received] == row[.carriedOver]! + row[.receivedNew]!)
            #expect(row[.receivedOnline]! + row[.receivedPostal]! + row[.receivedDirect]! == row[.receivedNew]!)
        }
        for (row, next) in zip(summary.rows, summary.rows.dropFirst()) where row.unit == next.unit {
            #expect(Self.openAtEnd(row) == next[.carriedOver], "\(row.unit) \(row.period) → \(next.period)")
        }
    }

    @Test func monthsAddUpToTheirQuarter() throws {
        let months = try Self.summary("year.csv", DossierSummaryOptions(granularity: .month)).rows
        let quarters = try Self.summary("year.csv", DossierSummaryOptions(granularity: .quarter)).rows
        let flows: [DossierField] = [.receivedNew, .receivedOnline, .receivedPostal, .receivedDirect, .resolvedEarly, .resolvedOnTime,
                                     .resolvedLate, .withdrawn, .rejected]
        for quarter in quarters {
            let inside = months.filter { $0.unit == quarter.unit && $0.period.year == quarter.period.year
                && ($0.period.subdivision - 1) / 3 + 1 == quarter.period.subdivision }
            let first = try #require(inside.first), last = try #require(inside.last)
            for field in flows {
                #expect(inside.reduce(0) { $0 + $1[field]! } == quarter[field], "\(quarter.unit) \(quarter.period) \(field.rawValue)")
            }
            // Stocks: the quarter opens with its first month and closes with its last.
            if first.period.subdivision == (quarter.period.subdivision - 1) * 3 + 1 { #expect(first[.carriedOver] == quarter[.carriedOver]) }
            for field in [DossierField.pendingInTime, .pendingOverdue, .paused] where last.period.subdivision == quarter.period.subdivision * 3 || last.period == months.last(where: { $0.unit == quarter.unit })?.period {
                #expect(last[field] == quarter[field], "\(quarter.unit) \(quarter.period) \(field.rawValue)")
            }
        }
    }

    /// Seed 000: "tổng số hồ sơ tiếp nhận 100 (93 hồ sơ mới tiếp nhận, 07 hồ sơ kỳ trước chuyển
    /// qua) … 85 hồ sơ trả kết quả trước hạn và đúng hạn, 05 hồ sơ xin rút, 10 hồ sơ chưa đến hạn,
    /// không có hồ sơ trả trễ hạn" — from the CSV export and from the workbook (title rows above
    /// the header, dates as Excel date-times).
    @Test(arguments: ["seed000.csv", "seed000.xlsx"])
    func firstHalfOf2023GivesSeed000sFigures(_ file: String) throws {
        let summary = try Self.summary(file, DossierSummaryOptions(granularity: .half))
        #expect(summary.badRows == 0)
        let row = try #require(summary.rows.first { $0.period == .half(2023, 1) })
        #expect(row.unit == "Sở Khoa học và Công nghệ")
        #expect(row[.received] == 100)
        #expect(row[.carriedOver] == 7)
        #expect(row[.receivedNew] == 93)
        #expect(row.resolvedInTime == 85)
        #expect(row[.resolvedLate] == 0)
        #expect(row[.withdrawn] == 5)
        #expect(row[.pendingInTime] == 10)
        #expect(row[.pendingOverdue] == 0)
        #expect(row[.paused] == 0 && row[.rejected] == 0)
    }

    @Test func csvAndWorkbookGiveTheSameRows() throws {
        let csv = try Self.summary("seed000.csv", DossierSummaryOptions(granularity: .month))
        let workbook = try Self.summary("seed000.xlsx", DossierSummaryOptions(granularity: .month))
        #expect(csv.rows.map(\.counts) == workbook.rows.map(\.counts))
        #expect(csv.rows.map(\.period) == workbook.rows.map(\.period))
    }

    static let handFile = """
    Mã hồ sơ,Cơ quan/Đơn vị,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái
    1,Sở KH&CN,Trực tuyến,20/12/2022 08:00,10/01/2023,05/01/2023,Đã trả kết quả
    2,Sở KH&CN,Trực tiếp,25/12/2022,05/01/2023,,Đang xử lý
    3,Sở KH&CN,Trực tiếp,05/01/2023,20/01/2023,25/01/2023 10:00,Da tra ket qua
    4,Sở KH&CN,Bưu chính công ích,06/01/2023,20/02/2023,10/02/2023,Công dân rút hồ sơ
    5,Sở KH&CN,TRỰC TUYẾN,10/02/2023,15/02/2023,,Tạm dừng
    6,Sở KH&CN,Fax,10/02/2023,15/02/2023,,Tạm dừng
    7,Sở KH&CN,Trực tiếp,11/02/2023,2023-02-11,2023-02-11T16:00,Đã trả kết quả

    """

    /// Worked out by hand. December: 1 and 2 open, neither due. January: 1 finished before its
    /// due day (early), 3 after (late); 2 open past its due day 05/01 (overdue), 4 open and not
    /// due. February (to 11/02, the latest date): 4 withdrawn, 7 finished on its due day (on
    /// time), 2 still overdue, 5 paused; 6's channel is unknown and it is not counted.
    @Test func periodRulesByHand() throws {
        let path = try Fixtures.temporaryFile("export.csv", Self.handFile)
        let summary = try DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(granularity: .month))
        #expect(summary.asOf == "2023-02-11")
        #expect(summary.records == 6)
        #expect(summary.badRows == 1)
        #expect(summary.unknownValues.map(\.value) == ["Fax"])
        #expect(summary.unknownValues.first?.lines == [7])
        func counts(_ row: DossierAggregate) -> [Double] { Self.fields.map { row[$0]! } }
        // carried, new, online, postal, direct, early, on time, late, withdrawn, rejected, paused, in time, overdue
        #expect(summary.rows.map(counts) == [
            [0, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0],
            [2, 2, 0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1],
            [2, 2, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
        ])
        #expect(summary.rows.map(\.period) == [.month(2022, 12), .month(2023, 1), .month(2023, 2)])
    }

    @Test func asOfCutsTheExport() throws {
        let path = try Fixtures.temporaryFile("export.csv", Self.handFile)
        let summary = try DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(granularity: .month, asOf: "31/01/2023"))
        // On 31/01: 5 and 7 not yet received (6 is a bad row); 4 withdrawn later, so open.
        #expect(summary.receivedAfterAsOf == 2)
        #expect(summary.rows.count == 2)
        #expect(summary.rows[1][.withdrawn] == 0)
        #expect(summary.rows[1][.pendingInTime] == 1)
        #expect(summary.rows[1][.pendingOverdue] == 1)
    }

    @Test func cohortAccountingCountsByThePeriodReceived() throws {
        let path = try Fixtures.temporaryFile("export.csv", Self.handFile)
        let summary = try DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(granularity: .month, accounting: .cohort))
        #expect(summary.rows.map { $0[.carriedOver] } == [0, 0, 0])
        #expect(summary.rows[1][.withdrawn] == 1)  // 4, received in January, withdrawn in February
        #expect(summary.rows[2][.paused] == 1)
    }

    @Test func statusesNeedingDatesAreBadRows() throws {
        let path = try Fixtures.temporaryFile("export.csv", """
        Cơ quan/Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái
        A,05/01/2023,20/01/2023,,Đã trả kết quả
        A,05/01/2023,20/01/2023,04/01/2023,Đã trả kết quả
        A,05/01/2023,20/01/2023,10/01/2023,Đang xử lý
        A,05/01/2023,31/02/2023,10/01/2023,Đã trả kết quả
        A,01/13/2023,20/01/2023,,Đang xử lý
        A,05/01/2023,20/01/2023,10/01/2023,Trả kết quả quá hạn

        """)
        let summary = try DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(granularity: .month))
        #expect(summary.records == 1)
        #expect(summary.firstBadRows.map(\.line) == [2, 3, 4, 5, 6])
        #expect(summary.firstBadRows[0].reason.contains("no finished_date"))
        #expect(summary.firstBadRows[1].reason.contains("before received_date"))
        #expect(summary.firstBadRows[2].reason.contains("a pending dossier has a finished_date"))
        #expect(summary.firstBadRows[3].reason.contains("due_date '31/02/2023' is not a date"))
        #expect(summary.firstBadRows[4].reason.contains("received_date '01/13/2023' is not a date"))
        // Stated late although finished before its due day: counted late, and said.
        #expect(summary.rows[0][.resolvedLate] == 1)
        #expect(summary.timingConflicts.rows == 1 && summary.timingConflicts.lines == [7])
    }

    @Test func aMapFileNamesASystemsOwnWords() throws {
        let records = try Fixtures.temporaryFile("export.csv", """
        DANH SÁCH HỒ SƠ
        Đơn vị xử lý;Ngày nhận HS;Hạn xử lý;Ngày hoàn thành;Tình trạng;Kênh
        Sở Y tế;05/01/2023;20/01/2023;10/01/2023;Đã có kết quả;Cổng DVC
        Sở Y tế;06/01/2023;20/01/2023;;Chờ trả;Một cửa

        """)
        #expect(throws: DossierRecordError.self) {
            try DossierRecordSummarizer.summarize(path: records, options: DossierSummaryOptions(granularity: .month))
        }
        let map = try Fixtures.temporaryFile("map.csv", """
        kind,name,meaning
        column,Ngày nhận HS,received_date
        column,Kênh,channel
        status,Chờ trả,pending
        channel,Cổng DVC,online
        channel,Một cửa,direct

        """)
        let vocabulary = try DossierRecordVocabulary.standard.adding(mapFile: map)
        let summary = try DossierRecordSummarizer.summarize(path: records, options: DossierSummaryOptions(granularity: .month, vocabulary: vocabulary))
        #expect(summary.badRows == 0)
        #expect(summary.rows.count == 1)
        #expect(summary.rows[0][.resolvedEarly] == 1)
        #expect(summary.rows[0][.pendingInTime] == 1)
        #expect(summary.rows[0][.receivedOnline] == 1 && summary.rows[0][.receivedDirect] == 1)
        let badMap = try Fixtures.temporaryFile("bad-map.csv", "status,Chờ trả,waiting\n")
        #expect(throws: DossierRecordError.badMap(file: badMap, line: 1, reason: "'waiting' is not a status; known: resolved, early, on_time, late, withdrawn, rejected, pending, paused")) {
            try DossierRecordVocabulary.standard.adding(mapFile: badMap)
        }
    }

    @Test func withoutAChannelColumnChannelCountsAreUnknown() throws {
        let path = try Fixtures.temporaryFile("export.csv", """
        Cơ quan/Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Trạng thái
        A,05/01/2023,20/01/2023,10/01/2023,Đã trả kết quả

        """)
        let summary = try DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(granularity: .month))
        #expect(!summary.hasChannels)
        #expect(summary.rows[0][.receivedOnline] == nil)
        #expect(summary.rows[0][.resolvedEarly] == 1)
    }
}
