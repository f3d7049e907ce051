import ChisoCore
import ChisoTestSupport
import ChisoSpreadsheets
import Foundation
import Testing

/// Workbooks made by Tests/Fixtures/xlsx/make_xlsx.py (openpyxl 3.1.5), read cell by cell.
struct XLSXWorkbookTests {
    static let published = Fixtures.fixturesFolder + "/xlsx/par-2023.xlsx"

    @Test func sheetsByNameAndPosition() throws {
        let workbook = try XLSXWorkbook(path: Self.published)
        #expect(workbook.sheetNames == ["Ghi chú", "PAR 2023"])
        #expect(try workbook.sheet(nil).name == "Ghi chú")
        #expect(try workbook.sheet("2").name == "PAR 2023")
        #expect(try workbook.sheet("Ghi chú").rows[1]?[1]?.text == "Nguồn: Bộ Nội vụ")
        #expect(throws: DataError.self) { try workbook.sheet("Nope") }
        #expect(throws: DataError.self) { try workbook.sheet("3") }
    }

    @Test func cellsAsWritten() throws {
        let sheet = try XLSXWorkbook(path: Self.published).sheet("PAR 2023")
        #expect(sheet.displayName == Self.published + "[PAR 2023]")
        #expect(sheet.rows[5]?[1] == Worksheet.Cell(text: "Quảng Ninh", isNumber: false))
        #expect(sheet.rows[5]?[2] == Worksheet.Cell(text: "2023", isNumber: true))
        #expect(sheet.rows[5]?[3] == Worksheet.Cell(text: "92.18", isNumber: true))
        #expect(sheet.rows[5]?[4] == Worksheet.Cell(text: "9,44", isNumber: false))
        // 15 April 2024 is serial 45397, shown with a dd/mm/yyyy format.
        #expect(sheet.rows[5]?[6] == Worksheet.Cell(text: "2024-04-15", isNumber: false))
        #expect(sheet.merges.contains { $0.rows == 3...3 && $0.columns == 4...5 })
    }

    @Test func notAWorkbook() throws {
        let file = try Fixtures.temporaryFile("fake.xlsx", "unit,period,x\n")
        #expect(throws: DataError.self) { try XLSXWorkbook(path: file) }
    }

    @Test func writtenSheetsReadBack() throws {
        let data = try XLSXPackageWriter.workbook([
            XLSXPackageWriter.Sheet(name: "Bảng <1>", rows: [[.text("Hải Phòng & Hà Nội"), .number(91.87), .empty, .number(-0.125)], [], [.text("dòng 3")]]),
            XLSXPackageWriter.Sheet(name: "Ghi chú", rows: [[.text("nguồn")]]),
        ])
        let file = try Fixtures.temporaryFile("written.xlsx", "")
        try data.write(to: URL(fileURLWithPath: file))
        let workbook = try XLSXWorkbook(path: file)
        #expect(workbook.sheetNames == ["Bảng <1>", "Ghi chú"])
        let sheet = try workbook.sheet(nil)
        #expect(sheet.rows[1]?[1] == Worksheet.Cell(text: "Hải Phòng & Hà Nội", isNumber: false))
        #expect(sheet.rows[1]?[2] == Worksheet.Cell(text: "91.87", isNumber: true))
        #expect(sheet.rows[1]?[3] == nil)
        #expect(sheet.rows[1]?[4] == Worksheet.Cell(text: "-0.125", isNumber: true))
        #expect(sheet.rows[2] == nil)
        #expect(sheet.rows[3]?[1]?.text == "dòng 3")
        #expect(try workbook.sheet("2").rows[1]?[1]?.text == "nguồn")
    }
}
