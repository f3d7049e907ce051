import ChisoTestSupport
import Testing

/// A file that is not a table, under a name that says it is, gets an error saying what it is.
struct FileKindCommandTests {
    @Test(arguments: [
        ("report-pdf.xlsx", "report-pdf.xlsx: this is a PDF document, not a table chiso reads (CSV, .xlsx or .xls)"),
        ("report-docx.csv", "report-docx.csv: this is a Word document (.docx), not a table"),
        ("report-docx.xlsx", "report-docx.xlsx: this is a Word document (.docx), not a table"),
        ("portal-export.xls", "portal-export.xls: this is an HTML page"),
        ("table.ods", "save it as .xlsx or CSV from LibreOffice"),
    ])
    func namedForWhatItIs(_ file: String, _ message: String) throws {
        for command in [["show"], ["rank"], ["regress", "--y", "a", "--x", "b"]] {
            let result = try CLIRunner.run(command + ["Tests/Fixtures/not-tables/" + file])
            #expect(result.status == 1)
            #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}
