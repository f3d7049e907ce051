import ChisoTestSupport
import Foundation
import Testing

/// `chiso extract`, run as a user runs it.
struct ExtractCommandTests {
    static let report = """
    Trong quý II năm 2024, Sở Tư pháp tiếp nhận 1.204 hồ sơ, trong đó 1.150 hồ sơ mới tiếp nhận và 54 hồ sơ từ kỳ trước chuyển sang; 640 hồ sơ giải quyết trước hạn, 459 hồ sơ giải quyết đúng hạn, 3 hồ sơ giải quyết quá hạn; 10 hồ sơ xin rút; 85 hồ sơ đang giải quyết chưa đến hạn và 7 hồ sơ đang giải quyết quá hạn.
    Sở Nội vụ tiếp nhận 350 hồ sơ (345 hồ sơ mới, 5 hồ sơ kỳ trước chuyển qua), giải quyết đúng hạn và trước hạn 330 hồ sơ, không có hồ sơ trả quá hạn, rút 2 hồ sơ, 16 hồ sơ chưa đến hạn.
    """

    @Test func figuresWithTheirSentences() throws {
        let file = try Fixtures.temporaryFile("report.txt", Self.report)
        let result = try CLIRunner.run(["extract", file, "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "kind,figure,value,max,unit,index,approximate,period,subject,text,offset,sentence")
        #expect(lines[1].hasPrefix("dossiers,received,1204,,dossiers,,,2024-Q2,Sở Tư pháp,1.204 hồ sơ,44,\"Trong quý II năm 2024, Sở Tư pháp tiếp nhận 1.204 hồ sơ"))
        #expect(result.stderr.contains("16 figures read"))
    }

    /// The aggregate rows go straight into `dossiers check`: Sở Tư pháp's counts balance
    /// (54 + 1150 = 640 + 459 + 3 + 10 + 85 + 7); Sở Nội vụ states no overdue count, so the
    /// balance works it out (and says so) rather than assuming 0.
    @Test func dossierRowsFeedTheCheck() throws {
        let file = try Fixtures.temporaryFile("report.txt", Self.report)
        let rows = try CLIRunner.run(["extract", file, "--as", "dossiers", "--format", "csv", "-q"])
        #expect(rows.status == 0)
        #expect(rows.stdout.hasPrefix("unit,period,carried_over,received_new,received,resolved_early,resolved_on_time,resolved_in_time,resolved_late,withdrawn,pending_in_time,pending_overdue\n"))
        #expect(rows.stdout.contains("\nSở Tư pháp,2024-Q2,54,1150,1204,640,459,,3,10,85,7\n"))
        let check = try CLIRunner.run(["dossiers", "check", "-", "--unit-system", "custom"], stdin: rows.stdout)
        #expect(check.status == 0)
        #expect(check.stderr.contains("<stdin>:3: pending_overdue not given; the balance makes it 2"))
        #expect(check.stderr.contains("2 rows: every rule holds"))
    }

    @Test func aLegacyEncodedReportIsRefused() throws {
        // "Sở Tư pháp tiếp nhận" in Windows-1258: precomposed vowels and combining tone marks.
        let file = try Fixtures.temporaryFile("old.txt", bytes: [0x53, 0xF5, 0xD2, 0x20, 0x54, 0xDD, 0x20, 0x70, 0x68, 0xE1, 0x70, 0x20,
                                                                 0x74, 0x69, 0xEA, 0xEC, 0x70, 0x20, 0x6E, 0x68, 0xE2, 0xF2, 0x6E])
        let result = try CLIRunner.run(["extract", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the file is not UTF-8"))
    }

    /// A UTF-8 file cut inside a character, and one with a single damaged byte, are said to be so
    /// (not a legacy encoding).
    @Test func aCutOrDamagedUTF8ReportIsSaidToBeSo() throws {
        let cut = try Fixtures.temporaryFile("cut.txt", bytes: Array("Sở Tư pháp tiếp nhận Hu".utf8) + [0xE1, 0xBA])
        #expect(try CLIRunner.run(["extract", cut]).stderr.contains("the file ends inside a UTF-8 character: it was cut short"))
        let damaged = try Fixtures.temporaryFile("damaged.txt", bytes: Array("Sở Tư pháp ".utf8) + [0xFF] + Array(" tiếp nhận".utf8))
        #expect(try CLIRunner.run(["extract", damaged]).stderr.contains("the file is UTF-8 up to here, but this byte is not"))
    }
}
