import ChisoTestSupport
import Foundation
import Testing

/// `chiso report`, run as a user runs it.
struct ReportCommandTests {
    /// The index section for Hà Nội on the bundled PAR INDEX (built from the published figures in
    /// ../shared/facts): 92,57% in 2024, 91,43% in 2023, third of 63 — and `extract` reads the
    /// text back into those figures.
    @Test func indexSectionOnTheBundledData() throws {
        let folder = try Fixtures.temporaryFolder()
        let report = try CLIRunner.run(["report", "index", "par", "--unit", "Hà Nội", "--year", "2024", "-q", "-o", folder + "/hn.md"])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try String(contentsOfFile: folder + "/hn.md", encoding: .utf8)
        #expect(text.contains("Năm 2024, Chỉ số cải cách hành chính (PAR INDEX) của Hà Nội đạt 92,57%, tăng 1,14 điểm so với năm 2023, xếp thứ 3/63 tỉnh, thành phố."))
        #expect(text.contains("Dữ liệu không có điểm các lĩnh vực thành phần của năm 2024."))
        let prose = text.components(separatedBy: "\n").filter { !$0.hasPrefix("|") }.joined(separator: "\n")
        let proseFile = try Fixtures.temporaryFile("prose.md", prose)
        let figures = try CLIRunner.run(["extract", proseFile, "--format", "csv", "-q"])
        let rows = figures.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.contains { $0[0] == "score" && $0[2] == "92.57" && $0[5] == "par_index" })
        #expect(rows.contains { $0[0] == "change" && $0[1] == "increase:par_index" && $0[2] == "1.14" })
        #expect(rows.contains { $0[0] == "rank" && $0[2] == "3" && $0[3] == "63" })
    }

    /// Seed 000's own figures (docs/examples/seed-000-report.csv): the sentences match that
    /// report's numbers; the overdue count it never states is worked out by the balance (0).
    @Test func seed000ReportAsWordAndHTML() throws {
        let folder = try Fixtures.temporaryFolder()
        let example = Fixtures.repositoryRoot + "/docs/examples/seed-000-report.csv"
        let markdown = try CLIRunner.run(["report", "dossiers", example, "--unit", "Sở Tư pháp", "--period", "2023-H1", "--unit-system", "custom", "-q"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("Trong 6 tháng đầu năm 2023, Sở Tư pháp tiếp nhận 100 hồ sơ (7 hồ sơ kỳ trước chuyển sang, 93 hồ sơ tiếp nhận mới), trong đó tiếp nhận trực tuyến 44 hồ sơ (chiếm 47,3%)."))
        #expect(markdown.stdout.contains("Đã giải quyết 85 hồ sơ, trong đó trước hạn và đúng hạn 85 hồ sơ, quá hạn 0 hồ sơ."))
        #expect(markdown.stdout.contains("Tổ chức, cá nhân xin rút 5 hồ sơ. Đang giải quyết 10 hồ sơ (chưa đến hạn 10 hồ sơ, quá hạn 0 hồ sơ)."))
        for name in ["r.docx", "r.html"] {
            let written = try CLIRunner.run(["report", "dossiers", example, "--unit", "Sở Tư pháp", "--period", "2023-H1", "--unit-system", "custom", "-q", "-o", folder + "/" + name])
            #expect(written.status == 0)
        }
        let docx = try Data(contentsOf: URL(fileURLWithPath: folder + "/r.docx"))
        #expect(docx.starts(with: [0x50, 0x4B]))
        let fromWord = try CLIRunner.run(["extract", folder + "/r.docx", "--as", "dossiers", "--format", "csv", "-q"])
        #expect(fromWord.stdout.contains("Sở Tư pháp,2023-H1,"))
        let html = try String(contentsOfFile: folder + "/r.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"))
    }

    @Test func aTemplateOfOnesOwnAndItsUnknownKeys() throws {
        let example = Fixtures.repositoryRoot + "/docs/examples/seed-000-report.csv"
        let own = try Fixtures.temporaryFile("mau.mustache", "{{unit}}: {{received}} hồ sơ, {{on_time_pct}} đúng hạn.\n")
        let ok = try CLIRunner.run(["report", "dossiers", example, "--unit", "Sở Tư pháp", "--period", "2023-H1", "--unit-system", "custom", "--template", own, "-q"])
        #expect(ok.stdout == "Sở Tư pháp: 100 hồ sơ, 100% đúng hạn.\n")
        let typo = try Fixtures.temporaryFile("sai.mustache", "{{unit}}: {{recieved}}\n")
        let bad = try CLIRunner.run(["report", "dossiers", example, "--unit", "Sở Tư pháp", "--period", "2023-H1", "--unit-system", "custom", "--template", typo, "-q"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("unknown keys recieved; the report knows: carried_over, convention"))
        let noPeriod = try CLIRunner.run(["report", "dossiers", example, "--unit", "Sở Tư pháp"])
        #expect(noPeriod.status == 64)
    }
}

/// The department section on the bundled Tây Ninh scorecard (from ../shared/facts): Văn phòng
/// UBND tỉnh, 69,25 of its own 71,5 points (96,85%), first of 19 departments; the data hold no
/// criteria, and the section says so rather than inventing where points were lost.
struct ReportScorecardCommandTests {
    @Test func tayNinhDepartmentSection() throws {
        let result = try CLIRunner.run(["report", "scorecard", "tayninh-cchc", "--unit", "Văn phòng UBND tỉnh", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Năm 2023, Văn phòng UBND tỉnh đạt 69,25/71,5 điểm (96,85%), xếp thứ 1/19 trong khối sở, ban, ngành."))
        #expect(result.stdout.contains("Dữ liệu chỉ có tổng điểm, không có điểm từng tiêu chí: bị trừ 2,25 điểm nhưng không rõ ở tiêu chí nào."))
        #expect(!result.stdout.contains("chart:lost"))
    }
}
