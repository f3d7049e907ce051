import ChisoDossiers
import ChisoOutput
import ChisoTestSupport
import Foundation
import Testing

/// Figures read from report prose: the seeds in ../shared/seeds and paragraphs written in their style.
struct ReportExtractorTests {
    static func text(_ x: Double) -> String { NumberStyle().full(x) }

    func figures(_ text: String) -> [String] {
        ReportExtractor.extract(text).map { f in
            "\(f.figure)=\(Self.text(f.value))\(f.maximum.map { "/\(Self.text($0))" } ?? "")@\(f.period?.description ?? "-")@\(f.subject ?? "-")"
        }
    }

    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/seeds is not beside the repository"))
    func everyDossierFigureOfSeed000() throws {
        let text = try String(contentsOfFile: Fixtures.sharedFolder + "/seeds/000_0268014d83580f92.txt", encoding: .utf8)
        let all = ReportExtractor.extract(text)
        let dossiers = all.filter { $0.unit == "dossiers" || $0.figure.hasPrefix("share:") }
        // 100 received: 93 new + 7 carried over; 85 early or on time, 5 withdrawn, 10 not yet due, none late;
        // and, for the first half of 2022, 44 of 65 dossiers online (67,7%).
        #expect(dossiers.prefix(10).map { "\($0.figure)=\(Self.text($0.value))\($0.maximum.map { "/\(Self.text($0))" } ?? "")@\($0.period!)" } == [
            "received=100@2023-H1", "received_new=93@2023-H1", "carried_over=7@2023-H1", "resolved_in_time=85@2023-H1",
            "withdrawn=5@2023-H1", "pending_in_time=10@2023-H1", "resolved_late=0@2023-H1",
            "received_online=44/65@2022-H1", "received=65@2022-H1", "share:received_online=67.7/100@2022-H1",
        ])
        // The parts add up: 93 + 7 = 100.
        #expect(ReportExtractor.checks(all).map { "\($0.total.figure) \($0.addsUp)" } == ["received true"])
        #expect(dossiers[0].sentence.contains("Sở đã tiếp nhận 100 số hồ sơ"))
        // The 3.589 documents and 1.564 documents issued are not dossiers and are not read as such.
        #expect(!all.contains { $0.value == 3589 || $0.value == 1564 })
    }

    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/seeds is not beside the repository"))
    func everyScoreOfSeed003() throws {
        let text = try String(contentsOfFile: Fixtures.sharedFolder + "/seeds/003_c0f49c67738a1428.txt", encoding: .utf8)
        // "Sở KH&CN" is Sở Khoa học và Công nghệ; the rank is of the index the sentence names.
        let all = ReportExtractor.extract(text)
        #expect(all.filter { $0.kind == .score || $0.kind == .rank }.map { f in
            "\(f.figure)=\(Self.text(f.value))\(f.maximum.map { "/\(Self.text($0))" } ?? "")@\(f.period?.description ?? "-")@\(f.subject ?? "-")@\(f.index ?? "-")"
        } == [
            "rank=1@2023@Sở Khoa học và Công nghệ@par_index",
            "score=93.364/98@2023@Sở Khoa học và Công nghệ@par_index", "rank=1@2023@Sở Khoa học và Công nghệ@par_index",
            "score:cải cách thủ tục hành chính=13.969/14@2023@Sở Khoa học và Công nghệ@-",
            "score:cải cách tổ chức bộ máy hành chính=11.5/11.5@2023@Sở Khoa học và Công nghệ@-",
            "score:cải cách tài chính công=7.5/8@2023@Sở Khoa học và Công nghệ@-",
            "score:công tác triển khai cchc=8.495/10@2023@Sở Khoa học và Công nghệ@-",
            "score:xây dựng và phát triển chính quyền điện tử, chính quyền số=17.487/18.5@2023@Sở Khoa học và Công nghệ@-",
            "score:mức độ hài lòng của người dân, doanh nghiệp=5/5@2023@Sở Khoa học và Công nghệ@sipas",
        ])
        // "hoàn thành 37/37 nhiệm vụ"; "Tỷ lệ hồ sơ tiếp nhận và thực hiện trên môi trường điện tử trên 95%" (a hedge).
        #expect(all.contains { $0.kind == .count && $0.value == 37 && $0.maximum == 37 })
        #expect(all.contains { $0.kind == .rate && $0.value == 95 && $0.approximate && $0.text == "95%" })
    }

    /// A quarterly report with thousands dots and other phrasings, two departments.
    static let quarterly = """
    Báo cáo kết quả giải quyết thủ tục hành chính quý II năm 2024

    Trong quý II năm 2024, Sở Tư pháp tiếp nhận 1.204 hồ sơ, trong đó 1.150 hồ sơ mới tiếp nhận và 54 hồ sơ từ kỳ trước chuyển sang; 640 hồ sơ giải quyết trước hạn, 459 hồ sơ giải quyết đúng hạn, 3 hồ sơ giải quyết quá hạn; 10 hồ sơ xin rút; 85 hồ sơ đang giải quyết chưa đến hạn và 7 hồ sơ đang giải quyết quá hạn. Số hồ sơ tiếp nhận trực tuyến là 980 hồ sơ (chiếm 81,4%), 120 hồ sơ tiếp nhận qua dịch vụ bưu chính công ích.

    Sở Nội vụ tiếp nhận 350 hồ sơ (345 hồ sơ mới, 5 hồ sơ kỳ trước chuyển qua), giải quyết đúng hạn và trước hạn 330 hồ sơ, không có hồ sơ trả quá hạn, rút 2 hồ sơ, 18 hồ sơ chưa đến hạn.
    """

    @Test func quarterlyReportOfTwoDepartments() {
        #expect(figures(Self.quarterly) == [
            "received=1204@2024-Q2@Sở Tư pháp", "received_new=1150@2024-Q2@Sở Tư pháp", "carried_over=54@2024-Q2@Sở Tư pháp",
            "resolved_early=640@2024-Q2@Sở Tư pháp", "resolved_on_time=459@2024-Q2@Sở Tư pháp", "resolved_late=3@2024-Q2@Sở Tư pháp",
            "withdrawn=10@2024-Q2@Sở Tư pháp", "pending_in_time=85@2024-Q2@Sở Tư pháp", "pending_overdue=7@2024-Q2@Sở Tư pháp",
            "received_online=980@2024-Q2@Sở Tư pháp", "share:received_online=81.4/100@2024-Q2@Sở Tư pháp", "received_postal=120@2024-Q2@Sở Tư pháp",
            "received=350@2024-Q2@Sở Nội vụ", "received_new=345@2024-Q2@Sở Nội vụ", "carried_over=5@2024-Q2@Sở Nội vụ",
            "resolved_in_time=330@2024-Q2@Sở Nội vụ", "resolved_late=0@2024-Q2@Sở Nội vụ", "withdrawn=2@2024-Q2@Sở Nội vụ",
            "pending_in_time=18@2024-Q2@Sở Nội vụ",
        ])
    }

    @Test func halfYearScoresRanksAndComponents() {
        let text = """
        6 tháng cuối năm 2023, Sở Y tế đạt 88,75/100 điểm Chỉ số CCHC, xếp thứ 7/20 sở, ngành. Lĩnh vực cải cách thủ tục hành chính đạt 12,5/13 điểm; lĩnh vực cải cách tài chính công đạt 7,25/8 điểm. Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,6%.
        """
        #expect(figures(text) == [
            "score=88.75/100@2023-H2@Sở Y tế", "rank=7/20@2023-H2@Sở Y tế",
            "score:lĩnh vực cải cách thủ tục hành chính=12.5/13@2023-H2@Sở Y tế", "score:lĩnh vực cải cách tài chính công=7.25/8@2023-H2@Sở Y tế",
            "rate:resolved_on_time=98.6/100@2023-H2@Sở Y tế",
        ])
    }

    @Test func numbersThatFitNoPatternAreNotGuessed() {
        let text = """
        Thực hiện Kế hoạch số 110/KH-SKHCN ngày 30/01/2023 về công tác cải cách hành chính năm 2023. Còn 11/348 hồ sơ đã số hóa nhưng chưa đủ thành phần hồ sơ. Sở đã cử 182 lượt công chức tham gia các lớp bồi dưỡng.
        """
        #expect(figures(text).isEmpty)
    }

    @Test func nfdTextReadsLikeNfc() {
        let nfd = Self.quarterly.decomposedStringWithCanonicalMapping
        #expect(figures(nfd) == figures(Self.quarterly))
    }
}
