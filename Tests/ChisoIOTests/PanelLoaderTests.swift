import ChisoCore
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// Reading the three layouts and folders into panels, with every error located.
struct PanelLoaderTests {
    let loader: PanelLoader

    init() throws {
        loader = PanelLoader(registry: try Fixtures.registry())
    }

    func load(_ name: String, _ text: String, _ options: ReadOptions = ReadOptions()) throws -> (Panel, LoadReport, String) {
        let path = try Fixtures.temporaryFile(name, text)
        let (panel, report) = try loader.load(path: path, options: options)
        return (panel, report, path)
    }

    func value(_ panel: Panel, _ unit: String, _ period: Period, _ indicator: String) throws -> Double {
        let u = try #require(panel.unitIndex(code: try panel.unitSystem.resolve(unit).code))
        let p = try #require(panel.periodIndex(period))
        let i = try #require(panel.indicatorIndex(indicator))
        return panel.value(unit: u, period: p, indicator: i)
    }

    @Test func longLayoutWithRanksSourcesAndVietnameseNumbers() throws {
        let text = """
        tỉnh;năm;chỉ số;giá trị;xếp hạng;nguồn
        "Hà Nội";2023;PAR;91,43;3;https://example.vn/a
        TP.HCM;2023;PAR;86,97;33;
        Long An;2023;PAR;;8;https://example.vn/b
        """
        let (panel, report, path) = try load("long.csv", text)
        #expect(panel.unitSystem.id == "provinces-63")
        #expect(try value(panel, "Hà Nội", .year(2023), "PAR") == 91.43)
        #expect(try value(panel, "Hồ Chí Minh", .year(2023), "PAR") == 86.97)
        #expect(try value(panel, "Long An", .year(2023), "PAR").isNaN)
        let hcm = try #require(panel.unitIndex(code: "79"))
        let cell = try #require(panel.provenance(unit: hcm, period: 0, indicator: 0))
        #expect(cell.publishedRank == 33)
        #expect(cell.source == "\(path):3")
        let longAn = try #require(panel.unitIndex(code: "80"))
        #expect(panel.provenance(unit: longAn, period: 0, indicator: 0)?.source == "https://example.vn/b")
        #expect(report.values == 2)
        #expect(report.missingValues == 1)
        #expect(report.rankOnly == 1)
        #expect(report.rows == 3)
    }

    @Test func wideIndicatorsWithPeriodColumnAndATextColumn() throws {
        let text = "province,year,region,PAR,SIPAS\nQuảng Ninh,2023,Đông Bắc,92.18,90.61\nHải Phòng,2023,,91.87,\n"
        let (panel, report, _) = try load("wide.csv", text)
        #expect(panel.indicators.map(\.id) == ["PAR", "SIPAS"])
        #expect(try value(panel, "Quảng Ninh", .year(2023), "SIPAS") == 90.61)
        #expect(try value(panel, "Hải Phòng", .year(2023), "SIPAS").isNaN)
        #expect(report.ignoredColumns == ["'region' (text, not numbers)"])
        #expect(report.missingValues == 1)
    }

    @Test func wideYearsTakeTheIndicatorFromTheFileName() throws {
        let text = "unit,2021,2022,2023\nHà Tĩnh,88.60,85.95,88.35\nĐà Nẵng,,87.54,88.68\n"
        let (panel, _, _) = try load("PAR_INDEX.csv", text)
        #expect(panel.periods == [.year(2021), .year(2022), .year(2023)])
        #expect(panel.indicators.map(\.id) == ["PAR_INDEX"])
        #expect(try value(panel, "Đà Nẵng", .year(2022), "PAR_INDEX") == 87.54)
        #expect(try value(panel, "Đà Nẵng", .year(2021), "PAR_INDEX").isNaN)
    }

    @Test func layoutCanBeForced() throws {
        // Without the flag a table of years would be read as years; forcing wide-indicators reads "2021" as an indicator.
        let text = "unit,period,2021\nHà Tĩnh,2023,5\n"
        let (panel, _, _) = try load("forced.csv", text, ReadOptions(layout: .wideIndicators))
        #expect(panel.indicators.map(\.id) == ["2021"])
    }

    @Test func folderOfPerYearFiles() throws {
        let folder = try Fixtures.temporaryFolder()
        try Data("unit,A,B\nHà Nội,1.5,2\nHuế,3,\n".utf8).write(to: URL(fileURLWithPath: folder + "/data_2022.csv"))
        try Data("unit,A,B\nHà Nội,1.75,2.5\n".utf8).write(to: URL(fileURLWithPath: folder + "/2023.csv"))
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/README.md"))
        try Data("unit,A\n".utf8).write(to: URL(fileURLWithPath: folder + "/summary_2011_2024.csv"))
        let (panel, report) = try loader.load(path: folder)
        #expect(panel.periods == [.year(2022), .year(2023)])
        #expect(try value(panel, "Thừa Thiên Huế", .year(2022), "A") == 3)
        #expect(try value(panel, "Hà Nội", .year(2023), "A") == 1.75)
        #expect(report.skippedFiles == ["README.md (not a .csv, .xlsx or .xls file)", "summary_2011_2024.csv (no single year in its name)"])
        // Huế B 2022 is the one empty cell read; Huế has no row in 2023.csv, so nothing there was read.
        #expect(report.missingValues == 1)
    }

    @Test func ambiguousNumbersAreRefusedUnlessAConventionIsGiven() throws {
        let text = "unit,period,indicator,value\nHà Nội,2023,dossiers,3.589\nHuế,2023,dossiers,1.204\n"
        let path = try Fixtures.temporaryFile("amb.csv", text)
        #expect(throws: DataError.ambiguousDecimal(at: SourceLocation(file: path, line: 2, column: 4, columnName: "value"), text: "3.589")) {
            try loader.load(path: path)
        }
        let (comma, _) = try loader.load(path: path, options: ReadOptions(decimal: .comma))
        #expect(comma.value(unit: 0, period: 0, indicator: 0) == 3589)
        let (point, _) = try loader.load(path: path, options: ReadOptions(decimal: .point))
        #expect(point.value(unit: 0, period: 0, indicator: 0) == 3.589)
    }

    @Test func oneDecidingCellSettlesTheFile() throws {
        let (panel, _, _) = try load("d.csv", "unit,period,indicator,value\nHà Nội,2023,x,3.589\nHuế,2023,x,\"91,4\"\n")
        #expect(panel.value(unit: 0, period: 0, indicator: 0) == 3589)
    }

    @Test func mixedConventionsAreRefused() throws {
        let path = try Fixtures.temporaryFile("m.csv", "unit,period,indicator,value\nHà Nội,2023,x,91.43\nHuế,2023,x,\"88,5\"\n")
        #expect(throws: DataError.mixedDecimal(comma: SourceLocation(file: path, line: 3, column: 4, columnName: "value"), commaText: "88,5",
                                               point: SourceLocation(file: path, line: 2, column: 4, columnName: "value"), pointText: "91.43")) {
            try loader.load(path: path)
        }
    }

    @Test func duplicatesAreErrorsUnlessAPolicyIsGiven() throws {
        let text = "unit,period,indicator,value\nHà Nội,2023,x,1\nHN,2023,x,3\nHuế,2023,x,5\n"
        let path = try Fixtures.temporaryFile("dup.csv", text)
        #expect(throws: DataError.duplicate(first: SourceLocation(file: path, line: 2, column: 4, columnName: "value"),
                                            second: SourceLocation(file: path, line: 3, column: 4, columnName: "value"),
                                            unit: "Hà Nội", period: "2023", indicator: "x")) {
            try loader.load(path: path)
        }
        for (policy, expected) in [(DuplicatePolicy.first, 1.0), (.last, 3), (.mean, 2)] {
            let (panel, report) = try loader.load(path: path, options: ReadOptions(onDuplicate: policy))
            #expect(panel.value(unit: 0, period: 0, indicator: 0) == expected)
            #expect(report.duplicatesResolved == 1)
        }
    }

    @Test func unknownProvinceIsLocatedWithSuggestions() throws {
        let path = try Fixtures.temporaryFile("u.csv", "unit,period,indicator,value\nHà Nội,2023,x,1\nHà Tinhh,2023,x,2\nHuế,2023,x,3\n")
        #expect(throws: DataError.unknownUnit(at: SourceLocation(file: path, line: 3, column: 1, columnName: "unit"),
                                              lookup: .unknown(name: "Hà Tinhh", system: "provinces-63", suggestions: ["Hà Tĩnh", "Hòa Bình", "Hà Nội"]))) {
            try loader.load(path: path)
        }
    }

    @Test func departmentsAreReadAsTheirOwnUnits() throws {
        let (panel, report, _) = try load("d.csv", "unit,period,indicator,value\nSở Nội vụ,2023,x,93.364\nSở Tư pháp,2023,x,91.2\n")
        #expect(panel.unitSystem.id == "custom")
        #expect(panel.units.map(\.name) == ["Sở Nội vụ", "Sở Tư pháp"])
        #expect(report.unitSystemNote != nil)
    }

    @Test func mergedProvincesAfterJuly2025() throws {
        let (panel, report, _) = try load("n.csv", "unit,period,indicator,value\nLào Cai,2025,x,1\nHuế,2025,x,2\nTuyên Quang,2025,x,3\n")
        #expect(panel.unitSystem.id == "provinces-34")
        #expect(panel.units.map(\.code) == ["08", "15", "46"])
        #expect(report.unitSystemNote?.text.contains("34 provinces") == true)
    }

    @Test func codebookMapsCodesToNames() throws {
        let codebook = try Fixtures.temporaryFile("codes.csv", "Variable_Code,Variable_Name\nP01,Hanoi\nP50,Ho Chi Minh City\n")
        let (panel, _, _) = try load("2019.csv", "Province,SC11\nP01,1.5\nP50,2.25\n", ReadOptions(unitCodebook: codebook))
        #expect(panel.units.map(\.code) == ["01", "79"])
        #expect(panel.periods == [.year(2019)])
    }

    @Test func rowErrorsAreLocated() throws {
        let ragged = try Fixtures.temporaryFile("r.csv", "unit,period,indicator,value\nHà Nội,2023,x\n")
        #expect(throws: DataError.raggedRow(at: SourceLocation(file: ragged, line: 2), expected: 4, found: 3)) { try loader.load(path: ragged) }
        let badNumber = try Fixtures.temporaryFile("b.csv", "unit,period,indicator,value\nHà Nội,2023,x,9l.5\n")
        #expect(throws: DataError.badNumber(at: SourceLocation(file: badNumber, line: 2, column: 4, columnName: "value"), text: "9l.5", convention: "decimal point")) {
            try loader.load(path: badNumber)
        }
        let badPeriod = try Fixtures.temporaryFile("p.csv", "unit,period,indicator,value\nHà Nội,năm ngoái,x,1\n")
        #expect(throws: DataError.badPeriod(at: SourceLocation(file: badPeriod, line: 2, column: 2, columnName: "period"), text: "năm ngoái")) {
            try loader.load(path: badPeriod)
        }
        let noPeriod = try Fixtures.temporaryFile("scores.csv", "unit,A\nHà Nội,1\n")
        #expect(throws: DataError.noPeriod(file: noPeriod)) { try loader.load(path: noPeriod) }
        #expect(throws: DataError.fileNotFound(path: "/no/such/file.csv")) { try loader.load(path: "/no/such/file.csv") }
    }

    @Test func yearInFileNames() {
        #expect(PanelLoader.year(inFileName: "2023.csv") == 2023)
        #expect(PanelLoader.year(inFileName: "papi_2019.csv") == 2019)
        #expect(PanelLoader.year(inFileName: "dimensions_2011_2024.csv") == nil)
        #expect(PanelLoader.year(inFileName: "notes.csv") == nil)
    }
}
