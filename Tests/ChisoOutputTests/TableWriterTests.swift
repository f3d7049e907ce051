import ChisoCore
import ChisoOutput
import Foundation
import Testing

struct TableWriterTests {
    let table = Table(
        title: LocalizedText(vi: "Xếp hạng", en: "Ranking"),
        columns: [
            Table.Column("unit", LocalizedText(vi: "Đơn vị", en: "Unit"), alignment: .left),
            Table.Column("value", LocalizedText(vi: "Giá trị", en: "Value")),
            Table.Column("n", LocalizedText("n"), visibility: .dataOnly),
        ],
        rows: [
            [.text("Hà Nội"), .number(91.43, precision: 2), .integer(2)],
            [.text("Sở \"A\", B"), .missing, .integer(2)],
        ],
        footnotes: [LocalizedText(vi: "Ghi chú", en: "Note")])

    @Test func csvUsesColumnIdsFullPrecisionAndRFC4180Quoting() {
        let text = TableWriter(language: .en).render(table, as: .csv)
        #expect(text == "unit,value,n\nHà Nội,91.43,2\n\"Sở \"\"A\"\", B\",,2\n")
    }

    /// In Vietnamese the CSV headers are the labels a spreadsheet user reads.
    @Test func vietnameseCSVHeadersAreTheLabels() {
        let text = TableWriter(language: .vi).render(table, as: .csv)
        #expect(text.hasPrefix("Đơn vị,Giá trị,n\nHà Nội,91.43,2\n"))
    }

    /// OWASP's CSV injection payloads come out inert; negative numbers stay numbers.
    @Test func formulaLikeTextIsNeutralised() throws {
        let hostile = Table(columns: [Table.Column("unit", LocalizedText("unit")), Table.Column("value", LocalizedText("value"))], rows: [
            [.text("=HYPERLINK(\"http://evil\",\"click\")"), .number(-2.5, precision: 1)],
            [.text("+cmd|' /C calc'!A0"), .integer(-3)],
            [.text("@SUM(1+1)"), .missing],
            [.text("-2+3"), .missing],
            [.text("\tx"), .missing],
            [.text("Hà Nội = 1"), .missing],
        ])
        let csv = TableWriter().render(hostile, as: .csv)
        #expect(csv == "unit,value\n\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",-2.5\n'+cmd|' /C calc'!A0,-3\n'@SUM(1+1),\n'-2+3,\n'\tx,\nHà Nội = 1,\n")
        let markdown = TableWriter().render(hostile, as: .markdown)
        #expect(markdown.contains("| '=HYPERLINK(\"http://evil\",\"click\") | -2.5 |"))
        #expect(markdown.contains("| '@SUM(1+1) |"))
        let json = TableWriter().render(hostile, as: .json)
        #expect(json.contains("\"unit\": \"=HYPERLINK("))  // JSON is data for programs, left as written
    }

    @Test func byteOrderMarkOnlyWhenAsked() throws {
        var writer = TableWriter()
        #expect(try writer.encoded(table, as: .csv).prefix(3) != Data([0xEF, 0xBB, 0xBF]))
        writer.byteOrderMark = true
        #expect(try writer.encoded(table, as: .csv).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(try writer.encoded(table, as: .json).first == UInt8(ascii: "["))
    }

    @Test func csvWithDecimalCommaUsesSemicolons() {
        let text = TableWriter(numbers: NumberStyle(decimalComma: true)).render(table, as: .csv)
        #expect(text == "unit;value;n\nHà Nội;91,43;2\nSở \"\"A\"\", B;;2\n".replacingOccurrences(of: "Sở \"\"A\"\", B", with: "\"Sở \"\"A\"\", B\""))
    }

    @Test func jsonHasNullForMissingAndKeepsColumnOrder() {
        let text = TableWriter().render(table, as: .json)
        #expect(text == "[\n  {\"unit\": \"Hà Nội\", \"value\": 91.43, \"n\": 2},\n  {\"unit\": \"Sở \\\"A\\\", B\", \"value\": null, \"n\": 2}\n]\n")
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
    }

    @Test func terminalTableAlignsByCharactersAndHidesOffScreenColumns() {
        let nfd = Table(columns: table.columns, rows: [[.text("Hà Nội".decomposedStringWithCanonicalMapping), .number(1, precision: 2), .integer(1)], [.text("Huế"), .number(10.5, precision: 2), .integer(1)]])
        let text = TableWriter(language: .en).render(nfd, as: .table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Unit    Value")
        #expect(lines[1] == "──────  ─────")
        #expect(lines[2].precomposedStringWithCanonicalMapping == "Hà Nội   1.00")
        #expect(lines[3] == "Huế     10.50")
    }

    @Test func terminalTableInVietnameseWithDecimalCommaTitleAndFootnote() {
        let text = TableWriter(language: .vi, numbers: NumberStyle(decimalComma: true)).render(table, as: .table)
        #expect(text == "Xếp hạng\n\nĐơn vị     Giá trị\n─────────  ───────\nHà Nội       91,43\nSở \"A\", B        –\n\nGhi chú\n")
    }

    @Test func markdownEscapesPipes() {
        let t = Table(columns: [Table.Column("a", LocalizedText("A|B"), alignment: .left)], rows: [[.text("x|y")]])
        #expect(TableWriter().render(t, as: .markdown) == "| A\\|B |\n| :--- |\n| x\\|y |\n")
    }

    @Test func fullPrecisionRoundTrips() {
        let style = NumberStyle()
        #expect(style.full(92) == "92")
        #expect(style.full(0.1 + 0.2) == "0.30000000000000004")
        #expect(Double(style.full(96.55172413793103)) == 96.55172413793103)
        #expect(style.fixed(-0.001, precision: 2) == "0.00")
    }

    @Test func atomicWriteLeavesNoTemporaryFile() throws {
        let folder = NSTemporaryDirectory() + "chiso-atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write("a,b\n", to: folder + "/out.csv")
        #expect(try String(contentsOfFile: folder + "/out.csv", encoding: .utf8) == "a,b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
        #expect(throws: DataError.self) { try AtomicFile.write("x", to: folder + "/missing/out.csv") }
    }
}
