import ChisoCore
import ChisoOutput
import Testing

/// A workbook Excel could not open is never written.
struct XLSXLimitTests {
    @Test func theLimitsAreExcels() {
        // 1,048,576 rows less the title, a blank row and the header; 16,384 columns (XFD).
        #expect(XLSXSheetLimits.fits(rows: 1_048_573, columns: 16_384))
        #expect(!XLSXSheetLimits.fits(rows: 1_048_574, columns: 1))
        #expect(!XLSXSheetLimits.fits(rows: 1, columns: 16_385))
    }

    @Test func aTableWiderThanASheetIsRefused() throws {
        let columns = (0..<16_385).map { Table.Column("c\($0)", LocalizedText("c\($0)")) }
        let table = Table(columns: columns, rows: [columns.map { _ in .integer(1) }])
        #expect(throws: DataError.tooLargeForSheet(rows: 1, columns: 16_385)) { _ = try XLSXWriter().workbook(table) }
        let fitting = Table(columns: Array(columns.prefix(16_384)), rows: [Array(repeating: .integer(1), count: 16_384)])
        #expect(try !XLSXWriter().workbook(fitting).isEmpty)
    }
}
