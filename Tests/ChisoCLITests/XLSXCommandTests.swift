import ChisoAnalysis
import ChisoIO
import ChisoSpreadsheets
import ChisoTestSupport
import Foundation
import Testing

/// Commands reading `.xlsx` workbooks (Tests/Fixtures/xlsx/make_xlsx.py).
struct XLSXCommandTests {
    static let published = "Tests/Fixtures/xlsx/par-2023.xlsx"

    @Test func rankASheetOfAPublishedWorkbook() throws {
        let result = try CLIRunner.run(["rank", Self.published, "--sheet", "PAR 2023", "--indicator", "PAR INDEX", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: ",").prefix(4).joined(separator: ",") } == [
            "rank,unit,code,value", "1,Quảng Ninh,22,92.18", "2,Hải Phòng,31,91.87", "3,Hà Nội,01,91.43", "4,Hồ Chí Minh,79,86.07",
        ])
        #expect(result.stderr.contains("column 'Ngày công bố' (text, not numbers) not read"))
    }

    @Test func anUnknownSheetListsTheSheets() throws {
        let result = try CLIRunner.run(["show", Self.published, "--sheet", "2022"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no sheet '2022'; its sheets are 'Ghi chú', 'PAR 2023'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func ambiguousNumbersStoredAsTextNeedADecisionByFlag() throws {
        let file = "Tests/Fixtures/xlsx/ambiguous.xlsx"
        let refused = try CLIRunner.run(["show", file, "--unit-system", "custom"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("ambiguous.xlsx[Hồ sơ]:2:3: '3.589' could be a decimal or a thousands separator"))
        let decided = try CLIRunner.run(["show", file, "--unit-system", "custom", "--decimal-comma", "--format", "csv", "-q"])
        #expect(decided.status == 0)
        #expect(decided.stdout == "unit;code;indicator;2024\nSở Tư pháp;Sở Tư pháp;Tiếp nhận;3589\nSở Y tế;Sở Y tế;Tiếp nhận;1204\n")
    }

    @Test func aDossierReportInExcelIsChecked() throws {
        let result = try CLIRunner.run(["dossiers", "check", "Tests/Fixtures/xlsx/ho-so-quy-II.xlsx", "--unit-system", "custom", "--format", "csv"])
        #expect(result.status == 1)
        // Row 5 of the sheet: 12 + 410 received, 420 accounted for.
        #expect(result.stdout.contains("ho-so-quy-II.xlsx[Quý II]:5,Sở Y tế,2024-Q2,balance,12 + 410 = 422 ≠ 380 + 12 + 3 + 20 + 5 + 0 = 420"))
        #expect(!result.stdout.contains("Sở Tư pháp"))
    }

    /// The workbook reads back with the sheet reader; Tests/Fixtures/xlsx/check_written_xlsx.py
    /// checks the same output with openpyxl.
    @Test func aRankingWrittenAsAWorkbook() throws {
        let folder = try Fixtures.temporaryFolder()
        let result = try CLIRunner.run(["rank", "par", "--year", "2023", "--top", "3", "--output", folder + "/rank.xlsx", "--lang", "vi", "-q"])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let workbook = try XLSXWorkbook(path: folder + "/rank.xlsx")
        #expect(workbook.sheetNames == ["Bảng", "Ghi chú"])
        let table = try TabularFile.sheet(try workbook.sheet("Bảng"), decimal: nil)
        #expect(table.header == ["Hạng", "Đơn vị", "Mã", "Giá trị", "Số đơn vị", "Hạng công bố", "Thay đổi", "Tăng/giảm hạng", "Bách phân vị", "Nhóm"])
        #expect(table.records.map(\.fields) == [
            ["1", "Quảng Ninh", "22", "92.18", "31", "1", "2.08", "0", "100", "1"],
            ["2", "Hải Phòng", "31", "91.87", "31", "2", "1.78", "0", "96.66666666666667", "1"],
            ["3", "Hà Nội", "01", "91.43", "31", "3", "1.85", "0", "93.33333333333333", "1"],
        ])
        #expect(try workbook.sheet("Ghi chú").rows[1]?[1]?.text.hasPrefix("Hạng tính trên 31 đơn vị") == true)
        // Piped, the workbook goes to standard output.
        let piped = try CLIRunner.run(["rank", "par", "--year", "2023", "--format", "xlsx", "-q"])
        #expect(piped.status == 0 && piped.stdout.hasPrefix("PK"))
    }
}
