import ChisoTestSupport
import Foundation
import Testing

/// Hostile workbooks made by Tests/Fixtures/hostile/make_hostile.py, each read by the binary under
/// 1 GiB of virtual memory and 20 seconds: a clear error (exit 1), never a crash, a hang or an
/// exhausted memory, and never a value read wrong.
struct HostileWorkbookTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let arguments: [String]
        let message: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "bomb.xlsx", arguments: [], message: "sheet 'Sheet1' inflates more than 1000 times its compressed size, like a zip bomb"),
        Case(file: "bomb.xlsx", arguments: ["--xlsx-max-mb", "8"], message: "sheet 'Sheet1' inflates beyond 8 MiB; raise the limit if the file is trusted; pass --xlsx-max-mb N"),
        Case(file: "beyond-rows.xlsx", arguments: [], message: "row number '1048577' is outside 1…1048576"),
        Case(file: "beyond-columns.xlsx", arguments: [], message: "cell reference 'ZZZZZZZZZZZZ2' is not a cell of a worksheet (A1 to XFD1048576)"),
        Case(file: "huge-row.xlsx", arguments: [], message: "row number '999999999999' is outside 1…1048576"),
        Case(file: "entity.xlsx", arguments: [], message: "xl/sharedStrings.xml is malformed: unknown entity &nbsp;"),
        Case(file: "laughs.xlsx", arguments: [], message: "a document type declaration is not allowed in a workbook part"),
        Case(file: "invalid-utf8.xlsx", arguments: [], message: "the sheet's XML is malformed: the part is not UTF-8"),
        Case(file: "number-not-number.xlsx", arguments: [], message: "cell D2 is stored as a number but holds 'NaN'"),
        Case(file: "header-last-row.xlsx", arguments: [], message: "the table has a header but no data rows"),
        // Found by fuzz/run.sh: a local header of garbage made ZIPFoundation wait forever.
        Case(file: "../fuzz-finds/damaged-local-header.xlsx", arguments: [], message: "the workbook is damaged: the entry xl/_rels/workbook.xml.rels does not start where the zip directory says"),
    ]

    @Test(arguments: cases)
    func refusedWithinLimits(_ c: Case) throws {
        let result = try CLIRunner.runLimited(["show", "Tests/Fixtures/hostile/" + c.file] + c.arguments, virtualMemoryKiB: 1 << 20, seconds: 20)
        #expect(result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains(c.message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// An .xls string table that claims 4,294,967,295 strings (found by fuzzing) is read to its
    /// end, not counted to that number: within the time limit the sheet is read as far as its
    /// date cell, which is no number for the table's value column.
    @Test func anXLSStringCountIsNotTrusted() throws {
        let result = try CLIRunner.runLimited(["show", "Tests/Fixtures/xls/sst-count.xls", "--sheet", "2011_PAPI", "--format", "csv", "-q"],
                                              virtualMemoryKiB: 1 << 20, seconds: 10)
        #expect(result.status == 1)
        #expect(result.stderr.contains("sst-count.xls[2011_PAPI]:9:2 (column 'Nội dung 1 Điểm'): '2012-05-22' is not a number"), "\(result.stderr)")
    }

    /// A stray cell in the sheet's last cell (XFD1048576) neither widens the table to 16,384
    /// columns nor becomes a unit: it is a one-cell heading below the table, and said so.
    @Test func aStrayFarCellIsNoUnit() throws {
        let result = try CLIRunner.runLimited(["show", "Tests/Fixtures/hostile/far-cell.xlsx", "--format", "csv"], virtualMemoryKiB: 1 << 20, seconds: 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "unit,code,indicator,2023\nHà Nội,01,x,1\n")
        #expect(result.stderr.contains("far-cell.xlsx[Sheet1]: row 1048576 has a single text cell: a heading, not a unit ('stray')"))
    }

    /// A date-styled cell holding 1e20 or −5 is no date: it is read as the number it stores, and
    /// written back without an exponent.
    @Test func numbersInDateCellsAreTheirNumbers() throws {
        let result = try CLIRunner.runLimited(["show", "Tests/Fixtures/hostile/date-no-date.xlsx", "--format", "csv", "-q"], virtualMemoryKiB: 1 << 20, seconds: 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "unit,code,indicator,2023\nHà Nội,01,x,100000000000000000000\nHải Phòng,31,x,-5\n")
    }

    /// A limit given explicitly replaces the ratio check: the 64 MiB sheet is then read, within 1 GiB.
    @Test func aRaisedLimitReadsTheInflatedSheetInBoundedMemory() throws {
        let result = try CLIRunner.runLimited(["show", "Tests/Fixtures/hostile/bomb.xlsx", "--xlsx-max-mb", "128", "--format", "csv", "-q"],
                                              virtualMemoryKiB: 1 << 20, seconds: 30)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "unit,code,indicator,2023\nHà Nội,01,x,1\n")
    }
}
