import ChisoCore
import ChisoSpreadsheets
import ChisoTestSupport
import Testing

/// Files are told apart by their content, not their names (Tests/Fixtures/not-tables/make_not_tables.py).
struct FileKindTests {
    static func fixture(_ name: String) -> String { Fixtures.fixturesFolder + "/not-tables/" + name }

    @Test(arguments: [
        ("report-pdf.xlsx", FileKind.pdf), ("report-docx.csv", .wordDocument), ("report-docx.xlsx", .wordDocument),
        ("table.ods", .openDocumentSpreadsheet), ("portal-export.xls", .html), ("bundle.xlsx", .otherZip),
    ])
    func detectedByContent(_ file: String, _ kind: FileKind) {
        #expect(FileKind.detect(path: Self.fixture(file)) == kind)
    }

    @Test func workbooksAndText() {
        #expect(FileKind.detect(path: Fixtures.fixturesFolder + "/xls/layout.xls") == .compoundFile)
        #expect(FileKind.detect(path: Fixtures.fixturesFolder + "/xlsx/par-2023.xlsx") == .xlsx)
        #expect(FileKind.detect(prefix: Array("unit,period\nHà Nội,2023\n".utf8)) == .text)
        #expect(FileKind.detect(prefix: Array("\u{FEFF}<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">".utf8)) == .excelXML)
    }

    /// Opening any of them as a workbook says what the file is.
    @Test(arguments: [
        ("report-pdf.xlsx", "this is a PDF document, not a table"),
        ("report-docx.xlsx", "this is a Word document (.docx)"),
        ("table.ods", "an OpenDocument spreadsheet (.ods)"),
        ("portal-export.xls", "an HTML page"),
        ("bundle.xlsx", "a ZIP archive that is not a workbook"),
    ])
    func refusedAsWorkbooks(_ file: String, _ message: String) {
        #expect { try Workbook(path: Self.fixture(file)) } throws: { error in
            (error as? DataError)?.description.contains(message) == true
        }
    }
}
