import ChisoCore
import ChisoIO
import ChisoSpreadsheets
import ChisoTestSupport
import Testing

/// Where the table lies in sheets laid out for people, on sheets written cell by cell here, then
/// on the official PCI and PAPI workbooks read in place.
struct SheetLayoutTests {
    /// A sheet from rows of cells: numbers (Double) are numeric cells, strings are text, nil is empty.
    static func sheet(_ rows: [Int: [Any?]], merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = [], name: String = "Sheet1") -> Worksheet {
        var cells: [Int: [Int: Worksheet.Cell]] = [:]
        for (row, values) in rows {
            for (index, value) in values.enumerated() {
                switch value {
                case let number as Double: cells[row, default: [:]][index + 1] = Worksheet.Cell(text: Worksheet.decimal(number), isNumber: true)
                case let text as String: cells[row, default: [:]][index + 1] = Worksheet.Cell(text: text, isNumber: false)
                default: continue
                }
            }
        }
        return Worksheet(name: name, displayName: "book.xlsx[\(name)]", rows: cells, merges: merges)
    }

    @Test func titlesCodesAndFooterAroundTheTable() throws {
        let table = try TabularFile.sheet(Self.sheet([
            1: ["CHỈ SỐ THÀNH PHẦN NĂM 2014"],
            3: ["PCI ID", "Tỉnh", "Sub-Index3", "Tiếp cận tài liệu"],
            5: [nil, "pci_id", "sub3_transparency", "planning_avg"],
            6: [1.0, "Hà Nội", 6.28, 2.1],
            7: [2.0, "Hải Phòng", 5.91, 2.18],
            9: [nil, "Hà Nội", 6.28, 2.1],
            10: [nil, "Median", 5.98, 2.25],
            11: [nil, "Max", 7.14, 2.51],
        ], name: "Tính minh bạch"), decimal: nil)
        #expect(table.header == ["PCI ID", "Tỉnh", "Sub-Index3", "Tiếp cận tài liệu"])
        #expect(table.records.map(\.line) == [6, 7])
        #expect(table.records.map { $0.fields[1] } == ["Hà Nội", "Hải Phòng"])
        let notes = table.layoutNotes.map(\.text)
        #expect(notes.contains("book.xlsx[Tính minh bạch]: header at row 3 (above it: 'CHỈ SỐ THÀNH PHẦN NĂM 2014')"))
        #expect(notes.contains("book.xlsx[Tính minh bạch]: row 5 holds variable codes and is not read"))
        #expect(notes.contains("book.xlsx[Tính minh bạch]: rows 9–11 below the table are not units and not read ('Hà Nội', 'Median', 'Max')"))
        // The year of the title, for a table without a period column.
        #expect(table.periodHint?.period == .year(2014))
    }

    /// A footer label ends the table without a blank row (PCI 2005: "Điểm thấp nhất mẫu"), and
    /// "Công an tỉnh" is a department, not the total "Cộng".
    @Test func footerLabelsButNotDepartments() throws {
        let table = try TabularFile.sheet(Self.sheet([
            1: ["Đơn vị", "Điểm", "Xếp hạng"],
            2: ["Công an tỉnh", 91.2, 1.0],
            3: ["Sở Tư pháp", 88.0, 2.0],
            4: ["Cộng", 179.2, nil],
            5: ["Điểm thấp nhất mẫu", 88.0, nil],
        ]), decimal: nil)
        #expect(table.records.map { $0.fields[0] } == ["Công an tỉnh", "Sở Tư pháp"])
        #expect(table.layoutNotes.map(\.text).contains("book.xlsx[Sheet1]: rows 4–5 below the table are not units and not read ('Cộng', 'Điểm thấp nhất mẫu')"))
    }

    /// Group headings inside the table are not units; units after a blank row still are.
    @Test func headingsAndBlankRowsInsideTheTable() throws {
        let table = try TabularFile.sheet(Self.sheet([
            1: ["Tỉnh", "2022", "2023"],
            2: ["Đồng bằng sông Hồng"],
            3: ["Hà Nội", 88.0, 91.43],
            5: ["Tây Nguyên"],
            6: ["Gia Lai", 84.1, 85.0],
        ]), decimal: nil)
        #expect(table.records.map { $0.fields[0] } == ["Hà Nội", "Gia Lai"])
        #expect(table.blankLines == 1)
        #expect(table.layoutNotes.map(\.text).contains("book.xlsx[Sheet1]: 2 rows with a single text cell are headings, not units ('Đồng bằng sông Hồng', 'Tây Nguyên')"))
    }

    /// A header of machine names (with underscores) is the header when nothing is above it, and a
    /// header of years over the data is a header, not a row of numbers.
    @Test func codeLikeAndYearHeaders() throws {
        let codes = try TabularFile.sheet(Self.sheet([1: ["unit", "period", "received_new"], 2: ["Sở Y tế", "2024-Q2", 410.0], 3: ["Sở Tư pháp", "2024-Q2", 1150.0]]), decimal: nil)
        #expect(codes.header == ["unit", "period", "received_new"] && codes.records.count == 2)
        let years = try TabularFile.sheet(Self.sheet([1: ["Tỉnh", 2023.0], 2: ["Hà Nội", 91.43], 3: ["Hải Phòng", 91.87]]), decimal: nil)
        #expect(years.header == ["Tỉnh", "2023"] && years.records.count == 2)
    }

    /// A group row over the header: merged across columns, or naming the columns the header leaves
    /// empty (PCI 2009: rank and total named only in the upper row).
    @Test func twoRowHeaders() throws {
        let table = try TabularFile.sheet(Self.sheet([
            2: ["Mã PCI", "Thứ hạng PCI 2009", "Tỉnh", "Chỉ số thành phần 1", "PCI 2009 có trọng số"],
            3: ["Mã PCI", nil, "Tỉnh", "Gia nhập thị trường", nil],
            4: [1.0, 33.0, "Hà Nội", 8.35, 58.18],
            5: [3.0, 1.0, "Đà Nẵng", 9.52, 75.96],
        ]), decimal: nil)
        #expect(table.header == ["Mã PCI", "Thứ hạng PCI 2009", "Tỉnh", "Chỉ số thành phần 1 Gia nhập thị trường", "PCI 2009 có trọng số"])
    }

    /// The paired layout: each indicator its own (name, value) pair sorted by its own value. Each
    /// value goes to the name beside it, never to the first name column.
    @Test func pairedColumnsAreReadPairByPair() throws {
        let table = try TabularFile.sheet(Self.sheet([
            1: ["Thứ tự", "Tỉnh", "Gia nhập thị trường", nil, "PCI 2016", nil, "Xếp hạng"],
            2: [1.0, "Quảng Ninh", 9.28, "Đà Nẵng", 70.0, "Đà Nẵng", 1.0],
            3: [2.0, "Vĩnh Long", 9.1, "Quảng Ninh", 65.6, "Quảng Ninh", 2.0],
            4: [3.0, "Đà Nẵng", 8.9, "Vĩnh Long", 64.2, "Vĩnh Long", 3.0],
        ]), decimal: nil)
        #expect(table.header == ["unit", "indicator", "value"])
        let rows = table.records.map { $0.fields }
        #expect(rows.contains(["Đà Nẵng", "PCI 2016", "70"]))
        #expect(rows.contains(["Quảng Ninh", "PCI 2016", "65.6"]))
        #expect(rows.contains(["Quảng Ninh", "Gia nhập thị trường", "9.28"]))
        #expect(rows.contains(["Đà Nẵng", "Xếp hạng", "1"]))
        #expect(rows.count == 9)
        // Errors and notes name the sheet cell: row 2, column E for Đà Nẵng's PCI.
        let daNang = try #require(table.records.first { $0.fields == ["Đà Nẵng", "PCI 2016", "70"] })
        #expect(table.location(daNang, 2).description == "book.xlsx[Sheet1]:2:5 (column 'value')")
        #expect(table.layoutNotes.contains { $0.text.contains("read pair by pair (3 pairs: B–C, D–E, F–G)") })
        #expect(table.layoutNotes.contains { $0.text.contains("columns A are in no pair") })
    }

    /// The row numbers of an unnamed column are never province codes (1 would be Hà Nội).
    @Test func rowNumbersAreNotUnitCodes() throws {
        let named = try Fixtures.panel("STT,Tỉnh,Điểm\n1,Hải Phòng,91.87\n2,Quảng Ninh,92.18\n", options: ReadOptions(period: .year(2023)))
        #expect(named.units.map(\.name) == ["Quảng Ninh", "Hải Phòng"])
        #expect(!named.indicators.map(\.id).contains("STT"))
        #expect(throws: DataError.self) {
            _ = try Fixtures.panel("ID,Điểm\n1,91.87\n2,92.18\n", options: ReadOptions(period: .year(2023)))
        }
        let codes = try Fixtures.panel("Mã tỉnh,Điểm\n31,91.87\n22,92.18\n", options: ReadOptions(period: .year(2023)))
        #expect(codes.units.map(\.name) == ["Quảng Ninh", "Hải Phòng"])
    }

    /// "KCDL" (không có dữ liệu), "-" and "N/A" are missing values, and the note says how many of each.
    @Test func markersOfNoData() throws {
        let (panel, report) = try PanelLoader(registry: try Fixtures.registry()).load(
            table: try TabularFile.parse(bytes: Array("Tỉnh,Điểm\nHà Nội,KCDL\nHải Phòng,-\nQuảng Ninh,91\nĐà Nẵng,KCDL\nHuế,N/A\n".utf8), displayName: "papi.csv"),
            options: ReadOptions(period: .year(2018)))
        #expect(panel.cross(section: 0, indicator: 0).filter { !$0.isNaN } == [91])
        #expect(report.notes.map(\.text).contains("papi.csv: cells marked as having no value, read as missing: 'KCDL' 2, '-' 1, 'N/A' 1"))
    }

    static let pciFolder = Fixtures.sharedFolder + "/realdata/official-workbooks/pci/"

    /// The summaries of 2014 and 2016 read pair by pair: Đà Nẵng leads 2016 with 70.00 (the
    /// reference parse), not the first name column's Quảng Ninh; the footer is no unit.
    @Test(.enabled(if: Fixtures.runSharedTests, "../shared is not beside the repository"), arguments: [("PCI 2014.xlsx", "PCI 2014", "Đà Nẵng", 66.87), ("PCI 2016.xlsx", "PCI 2016", "Đà Nẵng", 70.00)])
    func officialSummariesArePaired(_ file: String, _ indicator: String, _ leader: String, _ value: Double) throws {
        var options = ReadOptions()
        options.sheet = "Summary_VN"
        options.indicator = indicator
        let (panel, report) = try PanelLoader(registry: try Fixtures.registry()).load(path: Self.pciFolder + file, options: options)
        let index = try #require(panel.indicatorIndex(indicator))
        let values = panel.units.indices.map { (panel.units[$0].name, panel.value(unit: $0, period: 0, indicator: index)) }.filter { !$0.1.isNaN }
        #expect(values.count == 63)
        let best = try #require(values.max { $0.1 < $1.1 })
        #expect(best.0 == leader && (best.1 * 100).rounded() / 100 == value)
        #expect(report.notes.contains { $0.text.contains("read pair by pair") })
        #expect(report.notes.contains { $0.text.contains("below the table are not units") })
    }
}
