import ChisoCore
import ChisoSpreadsheets
import ChisoTestSupport
import Foundation
import Testing

/// Old Excel workbooks (BIFF8): fixtures written by xlwt (Tests/Fixtures/xls/make_xls.py) with
/// known cells, damaged and refused variants, and the official PCI workbooks read in place.
struct XLSWorkbookTests {
    static func fixture(_ name: String) -> String { Fixtures.fixturesFolder + "/xls/" + name }

    @Test func cellsOfEveryKindReadAsWritten() throws {
        let workbook = try XLSWorkbook(path: Self.fixture("layout.xls"))
        #expect(workbook.sheetNames == ["2011_PAPI", "Strings"])
        let sheet = try workbook.sheet("2011_PAPI")
        func cell(_ row: Int, _ column: Int) -> Worksheet.Cell? { sheet.rows[row]?[column] }
        #expect(cell(1, 1) == Worksheet.Cell(text: "CHỈ SỐ PAPI NĂM 2011 THEO TỈNH", isNumber: false))
        #expect(cell(5, 1)?.text == "Hà Nội" && cell(5, 2) == Worksheet.Cell(text: "5.25", isNumber: true) && cell(5, 3) == Worksheet.Cell(text: "12", isNumber: true))
        #expect(cell(7, 1)?.text == "Bà Rịa - Vũng Tàu" && cell(7, 2)?.text == "4.125" && cell(7, 3)?.text == "40")
        #expect(cell(9, 2) == Worksheet.Cell(text: "2012-05-22", isNumber: false))  // a date-formatted number
        #expect(cell(10, 2) == Worksheet.Cell(text: "TRUE", isNumber: false))
        #expect(cell(11, 2) == Worksheet.Cell(text: "123456789.125", isNumber: true))
        #expect(cell(2, 1) == nil)
        // "Nội dung 1" spans B3:C3.
        #expect(sheet.merges.contains { $0.rows == 3...3 && $0.columns == 2...3 })
        #expect(sheet.displayName.hasSuffix("layout.xls[2011_PAPI]"))
    }

    /// 600 shared strings continue the string table across CONTINUE records, and the long string's
    /// characters cross a record boundary (the script checks that they do).
    @Test func sharedStringsAcrossContinueRecords() throws {
        let sheet = try XLSWorkbook(path: Self.fixture("layout.xls")).sheet("Strings")
        #expect(sheet.rows[1]?[1]?.text == "chuỗi số 0")
        #expect(sheet.rows[600]?[1]?.text == "chuỗi số 599")
        #expect(sheet.rows[601]?[1]?.text == String(repeating: "Đây là một chuỗi dài bằng tiếng Việt có dấu ", count: 40))
    }

    /// The string table's count is a claim, not a size: 4,294,967,295 claimed, 601 read.
    @Test func aStringCountBeyondTheTable() throws {
        let sheet = try XLSWorkbook(path: Self.fixture("sst-count.xls")).sheet("Strings")
        #expect(sheet.rows[601]?[1]?.text == String(repeating: "Đây là một chuỗi dài bằng tiếng Việt có dấu ", count: 40))
    }

    @Test func datesOfThe1904System() throws {
        let sheet = try XLSWorkbook(path: Self.fixture("dates1904.xls")).sheet(nil)
        #expect(sheet.rows[1]?[1]?.text == "2020-01-31")
    }

    @Test(arguments: [
        ("encrypted.xls", "protected with a password"),
        ("biff5-named.xls", "Excel 5.0/95 workbook"),
        ("not-a-workbook.xls", "a Word 97–2003 document (.doc)"),
        ("chain-loop.xls", "a damaged compound file"),
        ("truncated.xls", "a damaged compound file"),
    ])
    func refusedWithTheReason(_ file: String, _ reason: String) throws {
        do {
            let workbook = try XLSWorkbook(path: Self.fixture(file))
            for index in workbook.sheetNames.indices { _ = try workbook.sheet(at: index) }
            Issue.record("\(file) was read")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
            #expect(error.description.hasPrefix(Self.fixture(file)))
        }
    }

    /// The official PCI workbooks of 2005–2011 read in place: every sheet opens, and the ranking
    /// sheet of 2005 starts with Bình Dương, 76.82, rank 1 (the reference parse says so).
    @Test(.enabled(if: Fixtures.runSharedTests, "../shared is not beside the repository"))
    func theOfficialPCIWorkbooksOpen() throws {
        let folder = Fixtures.sharedFolder + "/realdata/official-workbooks/pci/"
        var sheets = 0
        for year in [2005, 2007, 2009, 2011] {
            let workbook = try Workbook(path: folder + "PCI \(year).xls")
            for index in workbook.sheetNames.indices { _ = try workbook.sheet(at: index); sheets += 1 }
        }
        #expect(sheets == 45)
        let ranking = try Workbook(path: folder + "PCI 2005.xls").sheet("Xếp hạng theo chỉ số PCI")
        #expect(ranking.rows[2]?[1]?.text == "Bình Dương")
        #expect(Double(ranking.rows[2]?[2]?.text ?? "").map { ($0 * 100).rounded() / 100 } == 76.82)
        #expect(ranking.rows[2]?[3]?.text == "1")
    }
}
