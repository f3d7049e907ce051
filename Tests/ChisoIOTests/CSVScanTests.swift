import ChisoCore
@testable import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// The byte-level reader of long and wide CSV files gives exactly what the general reader gives: the same
/// panel (values to the bit, sources, published ranks), the same notes, the same errors.
struct CSVScanTests {
    /// What a load gave, in a form two loads can be compared by.
    struct Outcome: Equatable, CustomStringConvertible {
        var error: String?
        var units: [String] = []
        var periods: [Period] = []
        var indicators: [String] = []
        var values: [UInt64] = []
        var provenance: [CellProvenance?] = []
        var report: LoadReport?

        var description: String {
            error ?? "\(units.count) units × \(periods.count) periods × \(indicators.count) indicators"
        }
    }

    static func outcome(_ path: String, reader: PanelLoader.Reader, options: ReadOptions = ReadOptions(), filter: PanelFilter = PanelFilter(),
                        registry: ProvinceRegistry?) -> Outcome {
        do {
            let (panel, report) = try PanelLoader(registry: registry).load(path: path, options: options, filter: filter, reader: reader)
            var outcome = Outcome(units: panel.units.map { "\($0.code) \($0.name)" }, periods: panel.periods, indicators: panel.indicators.map(\.id), report: report)
            for u in panel.units.indices {
                for p in panel.periods.indices {
                    for i in panel.indicators.indices {
                        outcome.values.append(panel.value(unit: u, period: p, indicator: i).bitPattern)
                        outcome.provenance.append(panel.provenance(unit: u, period: p, indicator: i))
                    }
                }
            }
            return outcome
        } catch {
            return Outcome(error: "\(error)")
        }
    }

    /// Every CSV file of the repository's fixtures, walkthroughs and datasets, and of the shared
    /// real data when it is beside the repository.
    static var realFiles: [String] {
        var folders = ["Tests/Fixtures", "notebooks-cli", "datasets", "docs"].map { Fixtures.repositoryRoot + "/" + $0 }
        if Fixtures.sharedAvailable { folders += ["realdata", "facts", "seeds"].map { Fixtures.sharedFolder + "/" + $0 } }
        var files: [String] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let entry = walker.nextObject() as? String {
                if entry.lowercased().hasSuffix(".csv") { files.append(folder + "/" + entry) }
            }
        }
        return files.sorted()
    }

    @Test func everyRealFileReadsAsTheGeneralReaderReadsIt() throws {
        let registry = try Fixtures.registry()
        let files = Self.realFiles
        // The repository alone holds 26 CSV files; ../shared, when beside it, adds its real data.
        #expect(files.count > (Fixtures.sharedAvailable ? 40 : 20))
        for file in files {
            let fast = Self.outcome(file, reader: .fastest, registry: registry)
            let general = Self.outcome(file, reader: .general, registry: registry)
            #expect(fast == general, "\(file): \(fast) ≠ \(general)")
        }
    }

    /// Files written by other tools and by hand: R's write.csv (every text quoted), Excel's
    /// semicolons and decimal commas, CRLF, a byte-order mark, blank lines, trailing separators,
    /// markers of no data, ranks and maxima, a quoted line break, and broken files.
    @Test(arguments: [
        "\"unit\",\"year\",\"indicator\",\"value\"\n\"Hà Nội\",2023,\"PAR\",89.5\n\"Hải Phòng\",2023,\"PAR\",91.87\n",
        "\u{FEFF}tỉnh;năm;chỉ số;giá trị\r\nHà Nội;2023;PAR;89,72\r\n\r\nHải Phòng;2023;PAR;91,87\r\n",
        "unit,year,indicator,value,rank,max,source,note\nHà Nội,2023,PAR,89.5,3,100,http://a,\nHải Phòng,2023,PAR,KCDL,12,,,\"said \"\"late\"\"\"\nĐà Nẵng,2023,PAR,n/a,,,,\n",
        "unit,year,indicator,value,\nHà Nội,2023,PAR,1.234,\nHải Phòng,2023,PAR,2.5,\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,\"multi\nline\"\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,3.589\nHải Phòng,2023,PAR,1.234\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,89,5\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,1.234,5\nHải Phòng,2023,PAR,2.5\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,1e999\n",
        "unit,year,indicator,value\nHà Nội,20x3,PAR,1\n",
        "unit,year,indicator,value\n ,2023,PAR,1\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,1\nHà Nội,2023,PAR,2\n",
        "unit,year,indicator,value\nNowhere,2023,PAR,1\nHà Nội,2023,PAR,2\nHải Phòng,2023,PAR,2\n",
        "unit,year,indicator,value,rank\nHà Nội,2023,PAR,1,0\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,\u{2212}1.5 %\nHải Phòng,2023,PAR,\u{00A0}2.25\u{00A0}\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,0012.50\nHải Phòng,2023,PAR,-0\nĐà Nẵng,2023,PAR,+7\nHuế,2023,PAR,12345678901234567890.5\n",
        "unit,indicator,value\nHà Nội,PAR,1\n",
        "unit,year,indicator,value\n",
        "unit,year,indicator,value\nHà Nội,2023,PAR,1\rHải Phòng,2023,PAR,2\n",
        "STT,tỉnh,năm,PAR,SIPAS,vùng,\n1,Hà Nội,2023,89.5,KCDL,Đồng bằng sông Hồng,\n2,Hải Phòng,2023,91.87,84.1,Đồng bằng sông Hồng,\n",
        "unit,PAR,SIPAS\nHà Nội,89.5,x\nHải Phòng,91.87,84.1\n",
        "tỉnh;chỉ số;2022;2023;ghi chú\nHà Nội;PAR;88,1;89,72;\nHải Phòng;PAR;90;91,87;mới\nHà Nội;SIPAS;-;85,17;\n",
        "province_code,y2014,2015.0,Năm 2016\n01,1,2,3\n31,4,5,6\n",
        "unit,2022,2023\nHà Nội,1.234,2\n",
        "unit,indicator,2022,2023\nHà Nội,,1,2\n",
        "unit,year,PAR\nHà Nội,2023,1\nHà Nội,2023,2\n",
    ])
    func writtenAsUsersWriteThem(_ text: String) throws {
        let path = try Fixtures.temporaryFile("written.csv", text)
        let registry = try Fixtures.registry()
        let fast = Self.outcome(path, reader: .fastest, registry: registry)
        #expect(fast == Self.outcome(path, reader: .general, registry: registry), "\(fast)")
    }

    @Test func theDecimalCommaIsAFileWideDecision() throws {
        let path = try Fixtures.temporaryFile("comma.csv", "unit;year;indicator;value\nHà Nội;2023;PAR;3.589\nHải Phòng;2023;PAR;89,72\n")
        let (panel, _) = try PanelLoader(registry: try Fixtures.registry()).load(path: path)
        #expect(panel.cross(section: 0, indicator: 0) == [3589, 89.72])
    }

    /// A file large enough to be read in many chunks, on one thread and on several: every cell,
    /// line and note the same as the general reader's.
    @Test func manyChunksOnAnyNumberOfThreads() throws {
        let registry = try Fixtures.registry()
        let names = registry.provinces63.units.map(\.name)
        var text = "unit,year,indicator,value\n"
        var state: UInt64 = 42
        for indicator in 0..<50 {
            for year in 2011...2024 {
                for (u, name) in names.enumerated() {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    let draw = Int(state >> 33) % 10_000
                    let cell = draw < 50 ? "" : draw < 80 ? "KCDL" : "\(draw / 100).\(draw % 100)"
                    text += "\(name),\(year),I\(indicator),\(cell)\n"
                    if u == 0 && year == 2015 { text += "\n" }
                }
            }
        }
        let path = try Fixtures.temporaryFile("large.csv", text)
        #expect(text.utf8.count > 1 << 20)
        let general = Self.outcome(path, reader: .general, registry: registry)
        #expect(general.error == nil)
        for threads in [1, 2, 3] {
            let fast = Self.outcome(path, reader: .fastest, options: ReadOptions(threads: threads), registry: registry)
            #expect(fast == general, "\(threads) threads: \(fast)")
        }
        let filter = PanelFilter(indicators: ["i7"], years: 2014...2016)
        var filtered = Self.outcome(path, reader: .fastest, filter: filter, registry: registry)
        var generalFiltered = Self.outcome(path, reader: .general, filter: filter, registry: registry)
        // Dropped rows are not read for their values: only the counts of markers differ.
        #expect((filtered.report?.missingMarkers["KCDL"] ?? 0) < (generalFiltered.report?.missingMarkers["KCDL"] ?? 0))
        (filtered.report, generalFiltered.report) = (nil, nil)
        #expect(filtered == generalFiltered)
        #expect(filtered.indicators == ["I7"])
        #expect(filtered.periods == [.year(2014), .year(2015), .year(2016)])
    }

    /// Wide files of both kinds large enough for many chunks, on one thread and on several.
    @Test func wideFilesInManyChunks() throws {
        let registry = try Fixtures.registry()
        let names = registry.provinces63.units.map(\.name)
        var state: UInt64 = 7
        func cell() -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let draw = Int(state >> 33) % 10_000
            return draw < 50 ? "" : draw < 80 ? "KCDL" : "\(draw / 100).\(draw % 100)"
        }
        var byIndicators = "tỉnh,năm," + (0..<300).map { "I\($0)" }.joined(separator: ",") + ",vùng\n"
        var byYears = "unit,indicator," + (2011...2024).map(String.init).joined(separator: ",") + "\n"
        for year in 2011...2024 {
            for name in names { byIndicators += "\(name),\(year)," + (0..<300).map { _ in cell() }.joined(separator: ",") + ",miền\n" }
        }
        for indicator in 0..<300 {
            for name in names { byYears += "\(name),I\(indicator)," + (2011...2024).map { _ in cell() }.joined(separator: ",") + "\n" }
        }
        for (file, text) in [("by-indicators.csv", byIndicators), ("by-years.csv", byYears)] {
            let path = try Fixtures.temporaryFile(file, text)
            #expect(text.utf8.count > 1 << 20)
            var report = LoadReport(source: path)
            #expect(CSVScan.batch(path: path, options: ReadOptions(), filter: PanelFilter(), report: &report) != nil)
            let general = Self.outcome(path, reader: .general, registry: registry)
            #expect(general.error == nil)
            for threads in [1, 2, 3] {
                #expect(Self.outcome(path, reader: .fastest, options: ReadOptions(threads: threads), registry: registry) == general, "\(file), \(threads) threads")
            }
            let filter = PanelFilter(indicators: ["i7", "I250"], years: 2014...2016)
            #expect(Self.outcome(path, reader: .fastest, filter: filter, registry: registry) == Self.outcome(path, reader: .general, filter: filter, registry: registry))
        }
    }

    @Test func anIndicatorTheFileLacksIsNamedWithTheClosestItHas() throws {
        let path = try Fixtures.temporaryFile("panel.csv", "unit,year,indicator,value\nHà Nội,2023,PAR_INDEX,1\nHà Nội,2023,SIPAS,2\nHà Nội,2023,PAPI,3\nHà Nội,2023,PCI,4\n")
        for reader in [PanelLoader.Reader.fastest, .general] {
            #expect(throws: DataError.unknownIndicator(name: "PAR_IDNEX", file: path, count: 4, closest: ["PAR_INDEX", "PAPI", "PCI"])) {
                _ = try PanelLoader(registry: try Fixtures.registry()).load(path: path, filter: PanelFilter(indicators: ["PAR_IDNEX"]), reader: reader)
            }
        }
    }

    /// The byte reader takes the files it can read exactly — long and wide — and leaves the others to the general
    /// reader (so the comparisons above compare two readers, not one with itself).
    @Test(arguments: [
        ("\"unit\",\"year\",\"indicator\",\"value\"\n\"Hà Nội\",2023,\"PAR\",89.5\n", true),
        ("\u{FEFF}tỉnh;năm;chỉ số;giá trị\r\nHà Nội;2023;PAR;89,72\r\n\r\n", true),
        ("unit,year,indicator,value,rank,max,source,note\nHà Nội,2023,PAR,KCDL,12,,,\"said \"\"late\"\"\"\n", true),
        ("unit,year,indicator,value\nHà Nội,2023,PAR,\u{2212}1.5 %\n", true),
        ("unit,year,indicator,value\nHà Nội,2023,PAR,\"multi\nline\"\n", false),
        ("unit,year,indicator,value\nHà Nội,2023,PAR,89,5\n", false),
        ("unit,year,indicator,value\nHà Nội,2023,PAR,3.589\n", false),
        ("unit,year,PAR,SIPAS\nHà Nội,2023,1,2\n", true),
        ("STT,tỉnh,năm,PAR,vùng\n1,Hà Nội,2023,89.5,Đồng bằng sông Hồng\n", true),
        ("tỉnh,2022,2023\nHà Nội,88.1,89.72\n", true),
        ("Hà Nội,PAR,SIPAS\nHải Phòng,1,2\n", false),
        ("unit,year,PAR\nHà Nội,2023,abc\nHải Phòng,2023,2\n", false),
    ])
    func whichFilesTheByteReaderTakes(_ text: String, _ taken: Bool) throws {
        let path = try Fixtures.temporaryFile("taken.csv", text)
        var report = LoadReport(source: path)
        let batch = CSVScan.batch(path: path, options: ReadOptions(), filter: PanelFilter(), report: &report)
        #expect((batch != nil) == taken)
    }

    /// Cells read from bytes give the evidence and the value `NumberSyntax` reads from text,
    /// under both conventions, on 50,000 cells drawn from digits, separators and signs.
    @Test func byteNumbersAreNumberSyntaxNumbers() {
        let alphabet = Array("0123456789.,-+".utf8)
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<50_000 {
            let length = 1 + next(12)
            let bytes = (0..<length).map { _ in next(4) == 0 ? alphabet[10 + next(4)] : alphabet[next(10)] }
            let text = String(decoding: bytes, as: UTF8.self)
            for convention in DecimalSeparator.allCases {
                guard let reading = bytes.withUnsafeBufferPointer({ ByteNumber.read($0.baseAddress!, $0.count, convention: convention) }) else { continue }
                #expect(reading.evidence == NumberSyntax.evidenceFromText(text), "\(text)")
                #expect(reading.value?.bitPattern == NumberSyntax.parseFromText(text, decimal: convention)?.bitPattern, "\(text) \(convention)")
            }
        }
    }
}
