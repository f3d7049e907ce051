import ChisoCore
import ChisoOutput
import ChisoSpreadsheets
import ChisoTestSupport
import Foundation
import Testing

/// Workbooks as deliverables: formatted, with a native chart where the table is drawn as one,
/// and still read back as the table they hold. (Bold header, frozen rows, number formats and the
/// chart as Excel and LibreOffice see them are checked by scripts/xlsx-check.py with openpyxl
/// and LibreOffice.)
struct XLSXChartTests {
    static func ranking(_ rows: Int) -> Table {
        var table = Table(title: LocalizedText(vi: "Xếp hạng", en: "Ranking"),
                          columns: [Table.Column("unit", LocalizedText(vi: "Đơn vị", en: "Unit"), alignment: .left),
                                    Table.Column("value", LocalizedText(vi: "Điểm", en: "Score"))],
                          rows: (0..<rows).map { [.text("Tỉnh \($0)"), .number(90 - Double($0) / 10, precision: 2)] })
        table.chart = .bars(category: "unit", value: "value")
        return table
    }

    static func parts(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test func aRankingGetsItsChartAndReadsBack() throws {
        let data = try XLSXWriter(language: .vi).workbook(Self.ranking(5))
        let names = Self.parts(data)
        #expect(names.contains("xl/styles.xml") && names.contains("xl/drawings/drawing1.xml") && names.contains("xl/charts/chart1.xml"))
        let path = try Fixtures.temporaryFile("r.xlsx", bytes: [UInt8](data))
        let sheet = try Workbook(path: path).sheet("1")
        #expect(sheet.rows[3]?[1]?.text == "Đơn vị" && sheet.rows[4]?[1]?.text == "Tỉnh 0" && sheet.rows[4]?[2]?.text == "90")
    }

    @Test func aLongTableGetsNoChart() throws {
        let names = Self.parts(try XLSXWriter(language: .en).workbook(Self.ranking(500)))
        #expect(names.contains("xl/styles.xml") && !names.contains("xl/charts/chart1.xml"))
    }

    /// A forecast fan: the chart draws a third sheet of periods with the observed values, the
    /// forecast and its band.
    @Test func aForecastChartsItsOwnData() throws {
        var table = Table(title: LocalizedText("Forecast"),
                          columns: [Table.Column("unit", LocalizedText("Unit")), Table.Column("period", LocalizedText("Period")),
                                    Table.Column("point", LocalizedText("Forecast")), Table.Column("lo", LocalizedText("Lo")), Table.Column("hi", LocalizedText("Hi"))],
                          rows: [[.text("Hà Nội"), .text("2025"), .number(92.5, precision: 2), .number(90, precision: 2), .number(94, precision: 2)]])
        table.chart = .fan(unit: "unit", period: "period", point: "point", bands: [Table.Band(lower: "lo", upper: "hi")],
                           history: [Table.HistoryPoint(unit: "Hà Nội", period: "2023", value: 91.43), Table.HistoryPoint(unit: "Hà Nội", period: "2024", value: 92.57)])
        let data = try XLSXWriter(language: .en).workbook(table)
        let path = try Fixtures.temporaryFile("f.xlsx", bytes: [UInt8](data))
        let workbook = try Workbook(path: path)
        #expect(workbook.sheetNames == ["Table", "Notes", "Chart data"])
        let chartData = try workbook.sheet("3")
        #expect((1...4).map { chartData.rows[$0]?[1]?.text } == ["Period", "2023", "2024", "2025"])
        // The forecast line starts at the last observed value: 92.57 in 2024, then 92.5.
        #expect(chartData.rows[3]?[3]?.text == "92.57" && chartData.rows[4]?[3]?.text == "92.5" && chartData.rows[4]?[4]?.text == "90")
    }
}
