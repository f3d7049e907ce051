import ChisoTestSupport
import Foundation
import Testing

/// `chiso dossiers`, run as a user runs it.
struct DossiersCommandTests {
    static let report = """
    unit,period,carried_over,received_new,received_online,received_postal,received_direct,resolved_early,resolved_on_time,resolved_late,withdrawn,pending_in_time,pending_overdue
    Sở Tư pháp,2024-Q2,20,100,60,15,25,30,50,8,2,20,10
    Sở Nội vụ,2024-Q2,5,40,30,2,8,10,20,1,0,12,3
    Sở Y tế,2024-Q2,0,50,20,5,20,10,30,0,0,10,0
    """

    @Test func checkReportsEachViolationWithItsLine() throws {
        let file = try Fixtures.temporaryFile("q2.csv", Self.report)
        let result = try CLIRunner.run(["dossiers", "check", file, "--format", "csv"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "location,unit,period,rule,detail")
        // Sở Nội vụ: 5 + 40 = 45 ≠ 30 + 1 + 0 + 12 + 3 + 0 = 46; Sở Y tế: channels 45 ≠ 50.
        #expect(lines[1] == "\(file):3,Sở Nội vụ,2024-Q2,balance,5 + 40 = 45 ≠ 30 + 1 + 0 + 12 + 3 + 0 = 46 (in time + late + withdrawn + pending in time + overdue + paused)")
        #expect(lines[2] == "\(file):4,Sở Y tế,2024-Q2,channels,online + postal + direct = 20 + 5 + 20 = 45 ≠ received in the period = 50")
        #expect(lines.count == 3)
        #expect(result.stderr.contains("2 inconsistencies in 3 rows"))
    }

    @Test func checkPassesAConsistentReport() throws {
        let file = try Fixtures.temporaryFile("ok.csv", Self.report.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n")
        let result = try CLIRunner.run(["dossiers", "check", file])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("1 row: every rule holds"))
    }

    @Test func ratesUnderTheProcessedConvention() throws {
        let file = try Fixtures.temporaryFile("q2.csv", Self.report)
        let result = try CLIRunner.run(["dossiers", "rates", file, "--convention", "processed", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "unit,period,on_time_pct,late_pct,denominator,online_pct,postal_pct,digitized_pct")
        // Sở Tư pháp: (30 + 50 + 20) / (30 + 50 + 8 + 20 + 10) = 100/118.
        #expect(lines[1].hasPrefix("Sở Tư pháp,2024-Q2,\(100 * 100.0 / 118),\(100 * 18.0 / 118),118,60,15,"))
    }

    @Test func summarizeRecordsToCSV() throws {
        let result = try CLIRunner.run(["dossiers", "summarize", Fixtures.fixturesFolder + "/dossiers/records.csv", "--by", "unit,quarter", "--accounting", "cohort", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0].hasPrefix("unit,period,received_new,received_online,received_postal,received_direct,resolved_early,resolved_on_time,resolved_late,withdrawn,rejected,paused,pending_in_time,pending_overdue,on_time_rate"))
        // pandas finds 502 unit-quarters with records (pandas_unit_quarter.csv).
        #expect(lines.count == 1 + 502)
        #expect(result.stderr.contains("3000 records in 502 rows, cohort accounting, as of 2025-01-30"))
    }

    @Test func summarizeStrictAndBadOptions() throws {
        let file = try Fixtures.temporaryFile("bad.csv", "dossier_id,unit,agency,procedure,channel,received_date,due_date,finished_date,status\nA,01,X,P,online,2024-01-05,2024-01-09,2024-01-08,early\nB,01,X,P,online,2024-01-05,2024-01-09,2024-01-08,done\n")
        let counted = try CLIRunner.run(["dossiers", "summarize", file, "--format", "csv"])
        #expect(counted.status == 0)
        #expect(counted.stderr.contains("1 rows with status 'done' not counted (lines 3); name it in a --map file"))
        #expect(counted.stderr.contains("1 bad rows not counted; first: line 3: status 'done' is not known"))
        let strict = try CLIRunner.run(["dossiers", "summarize", file, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("bad.csv:3: status 'done' is not known"))
        let badBy = try CLIRunner.run(["dossiers", "summarize", file, "--by", "unit,week"])
        #expect(badBy.status == 64)
    }
}
