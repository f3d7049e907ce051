import ChisoCore
import ChisoIO
import ChisoSpreadsheets
import ChisoTestSupport
import Testing

/// Sheets read as tables and panels, from workbooks made by Tests/Fixtures/xlsx/make_xlsx.py (openpyxl 3.1.5).
struct WorksheetTableTests {
    static let published = Fixtures.fixturesFolder + "/xlsx/par-2023.xlsx"
    static let ambiguous = Fixtures.fixturesFolder + "/xlsx/ambiguous.xlsx"

    @Test func titleRowsSkippedAndTwoRowHeadersJoined() throws {
        let table = try TabularFile.sheet(try XLSXWorkbook(path: Self.published).sheet("PAR 2023"), decimal: nil)
        #expect(table.header == ["Tỉnh", "Năm", "PAR INDEX", "Lĩnh vực Chỉ đạo", "Lĩnh vực Thể chế", "Ngày công bố"])
        // Record lines are the sheet's rows; the empty row 8 is counted as blank.
        #expect(table.records.map(\.line) == [5, 6, 7, 9])
        #expect(table.blankLines == 1)
        // Numbers stored as text with a decimal comma are read as such (the text cells settle it).
        #expect(table.records[0].fields == ["Quảng Ninh", "2023", "92.18", "9.44", "9.38", "2024-04-15"])
        #expect(table.records[1].fields == ["Hải Phòng", "2023", "91.87", "9.1", "8.75", "2024-04-15"])
        #expect(table.records[2].fields[3] == "")
    }

    @Test func aPanelFromASheet() throws {
        var options = ReadOptions()
        options.sheet = "PAR 2023"
        let (panel, report) = try PanelLoader(registry: try Fixtures.registry()).load(path: Self.published, options: options)
        #expect(panel.units.map(\.code) == ["01", "22", "31", "79"])
        #expect(panel.periods == [.year(2023)])
        let par = try #require(panel.indicatorIndex("PAR INDEX")), direction = try #require(panel.indicatorIndex("Lĩnh vực Chỉ đạo"))
        #expect(panel.value(unit: 1, period: 0, indicator: par) == 92.18)
        #expect(panel.value(unit: 2, period: 0, indicator: par) == 91.87)
        #expect(panel.value(unit: 1, period: 0, indicator: direction) == 9.44)
        #expect(panel.value(unit: 3, period: 0, indicator: direction).isNaN)
        #expect(report.notes.contains { $0.text.contains("1 cells without a value kept as missing") })
    }

    @Test func ambiguousTextNumbersAreNotGuessed() throws {
        let sheet = try XLSXWorkbook(path: Self.ambiguous).sheet(nil)
        #expect(throws: DataError.ambiguousDecimal(at: SourceLocation(file: Self.ambiguous + "[Hồ sơ]", line: 2, column: 3), text: "3.589")) {
            try TabularFile.sheet(sheet, decimal: nil)
        }
        #expect(try TabularFile.sheet(sheet, decimal: .comma).records.map { $0.fields[2] } == ["3589", "1204"])
        #expect(try TabularFile.sheet(sheet, decimal: .point).records.map { $0.fields[2] } == ["3.589", "1.204"])
    }
}
