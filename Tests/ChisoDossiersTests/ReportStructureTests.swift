import ChisoDossiers
import ChisoSpreadsheets
import ChisoTestSupport
import Foundation
import Testing

/// What the extractor reads from a clause's structure, by hand-written cases.
struct ReportStructureTests {
    func read(_ text: String) -> [String] {
        ReportExtractor.extract(text).map { f in
            "\(f.kind.rawValue) \(f.figure)=\(ReportExtractorTests.text(f.value))\(f.maximum.map { "/\(ReportExtractorTests.text($0))" } ?? "")\(f.approximate ? "~" : "")"
        }
    }

    /// The list under "đã giải quyết … trong đó" is resolved; under "đang giải quyết", pending;
    /// the keyword stands on either side of its number; zero-padded counts.
    @Test func clauseGivesTheMeaning() {
        let text = "Đã giải quyết 1.180 hồ sơ, trong đó giải quyết trước hạn 402 hồ sơ, đúng hạn 771 hồ sơ, quá hạn 07 hồ sơ; đang giải quyết 60 hồ sơ (trong hạn 58 hồ sơ, quá hạn 02 hồ sơ); rút hồ sơ 05 hồ sơ."
        #expect(read(text) == [
            "dossiers resolved=1180", "dossiers resolved_early=402", "dossiers resolved_on_time=771", "dossiers resolved_late=7",
            "dossiers pending=60", "dossiers pending_in_time=58", "dossiers pending_overdue=2", "dossiers withdrawn=5",
        ])
        let checks = ReportExtractor.checks(ReportExtractor.extract(text))
        #expect(checks.map { "\($0.total.figure):\($0.addsUp)" } == ["resolved:true", "pending:true"])
    }

    @Test func partsThatDoNotAddUpAreSaidNotChanged() {
        let text = "Bộ TN&MT đã tiếp nhận tổng số 164 hồ sơ, trong đó có 116 hồ sơ năm 2018 chuyển sang và 44 hồ sơ tiếp nhận mới."
        let figures = ReportExtractor.extract(text)
        #expect(figures.map(\.value) == [164, 116, 44])
        let check = try! #require(ReportExtractor.checks(figures).first)
        #expect(!check.addsUp)
        #expect(check.description.hasPrefix("116 carried_over + 44 received_new = 160 ≠ 164 received in “Bộ TN&MT"))
        #expect(figures[0].subject == "Bộ Tài nguyên và Môi trường")
    }

    /// "5,65 ngàn", "HS", "gần", changes and targets as their own kinds, a score in percent.
    @Test func numberFormsAndKinds() {
        #expect(read("Trung tâm tiếp nhận 5,65 ngàn hồ sơ (HS), đã giải quyết gần 4.561/5.650 HS (tỷ lệ 80,7%).") == [
            "dossiers received=5650", "dossiers resolved=4561/5650~", "dossiers received=5650~", "rate share:resolved=80.7/100",
        ])
        #expect(read("Chỉ số SIPAS năm 2024 đạt 86,50% (tăng 2,93%); xếp thứ 11/63 tỉnh, thành phố, tăng 10 bậc so với năm 2023.") == [
            "rate rate:sipas=86.5/100", "change increase:sipas=2.93", "rank rank=11/63", "change increase:rank=10",
        ])
        #expect(read("Tỷ lệ hồ sơ được xử lý trực tuyến đạt 29,80%, mục tiêu năm 2021 là 30%.") == [
            "rate rate:received_online=29.8/100", "target target:rate=30/100",
        ])
        #expect(read("Chỉ số CCHC năm 2019 của tỉnh đạt 80,05%, nằm vị trí số 44; PAR INDEX đạt 91.651 điểm, giảm 3,84 điểm.") == [
            "score score=80.05/100", "rank rank=44", "score score=91.651", "change decrease:par_index=3.84",
        ])
    }

    /// Dates, document numbers, list labels, counts of services, people and money are not figures.
    @Test func numbersThatAreNotFigures() {
        let text = "Từ ngày 2.1.2018 đến 17.5.2018, theo Báo cáo số 19/BC-TTPVHCC, dịch vụ công trực tuyến mức độ 3, 4 tăng 15.868 dịch vụ; có 1.129 lượt tổ chức, công dân; thu 4,8 tỷ đồng; năm thứ 2 liên tiếp; nhóm 4."
        #expect(read(text).isEmpty)
    }

    @Test func oneDepartmentWrittenThreeWaysIsOneSubject() {
        let text = "Sở KH&CN tiếp nhận 10 hồ sơ. Sở Khoa học & Công nghệ tiếp nhận 12 hồ sơ. Sở Khoa học và Công nghệ tiếp nhận 14 hồ sơ."
        #expect(Set(ReportExtractor.extract(text).compactMap(\.subject)) == ["Sở Khoa học và Công nghệ"])
    }

    /// The Word report (a paragraph and a table of counts by department, made by
    /// Tests/Fixtures/reports/make_docx.py) gives the figures of its text version.
    @Test func wordTableGivesTheFiguresOfItsText() throws {
        let folder = Fixtures.fixturesFolder + "/reports"
        let word = ReportExtractor.extract(ReportDocument(word: try WordDocument(path: folder + "/quarterly-report.docx")))
        let text = ReportExtractor.extract(try String(contentsOfFile: folder + "/quarterly-report.txt", encoding: .utf8))
        func key(_ f: ExtractedFigure) -> String { "\(f.subject ?? "-")|\(f.period?.description ?? "-")|\(f.figure)=\(f.value)" }
        #expect(word.count == 16)
        #expect(word.map(key) == text.map(key))
    }

    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/seeds is not beside the repository"))
    func seedsWithoutResultsGiveNone() throws {
        // Seed 002 (a quarterly plan report) states no figure; seed 001 is a plan: its
        // percentages are targets or rates, never dossier counts.
        let seed002 = try String(contentsOfFile: Fixtures.sharedFolder + "/seeds/002_114866d0aa756159.txt", encoding: .utf8)
        #expect(ReportExtractor.extract(seed002).isEmpty)
        let seed004 = try String(contentsOfFile: Fixtures.sharedFolder + "/seeds/004_db644a6e68f0f5dc.txt", encoding: .utf8)
        let figures = ReportExtractor.extract(seed004)
        // "đảm bảo tỷ lệ 100%" is a target; "tỷ lệ số hóa … đạt 100%" is a rate; "11/348 hồ sơ đã số hóa nhưng chưa đủ" is not read.
        #expect(figures.map { "\($0.kind.rawValue) \($0.figure)" } == ["target target:digitized", "target target:received_online", "rate rate:digitized"])
    }
}
