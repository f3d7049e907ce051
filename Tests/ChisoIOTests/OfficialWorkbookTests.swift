import ChisoCore
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// The official PCI and PAPI workbooks as users download them, read in place from
/// ../shared/realdata/official-workbooks and checked against the reference parses there
/// (reference/SOURCE.md): independent readings of the same workbooks.
@Suite(.enabled(if: Fixtures.runSharedTests, "../shared is not beside the repository"))
struct OfficialWorkbookTests {
    static let folder = Fixtures.sharedFolder + "/realdata/official-workbooks/"
    let registry: ProvinceRegistry

    init() throws {
        registry = try Fixtures.registry()
    }

    /// Reference rows (year, province, index, value, rank) as (year, code, indicator) → (value text, rank).
    func reference(_ file: String) throws -> [String: (value: String, rank: Int?)] {
        let table = try TabularFile.read(path: Self.folder + "reference/" + file)
        var rows: [String: (value: String, rank: Int?)] = [:]
        for record in table.records {
            let unit = try registry.provinces63.resolve(table.field(record, 1))
            rows["\(table.field(record, 0))|\(unit.code)|\(table.field(record, 2))"] = (table.field(record, 3), Int(table.field(record, 4)))
        }
        return rows
    }

    /// A value equals a reference printed with d decimals when it rounds to it.
    static func matches(_ value: Double?, _ printed: String) -> Bool {
        guard let value, let reference = Double(printed) else { return false }
        let decimals = printed.split(separator: ".").dropFirst().first?.count ?? 0
        let scale = pow(10, Double(decimals))
        return abs((value * scale).rounded() - reference * scale) < 0.5 || abs(value - reference) <= 0.5 / scale + 1e-9
    }

    @Test(arguments: ["2005.xls", "2007.xls", "2009.xls", "2011.xls", "2012.xlsx", "2014.xlsx", "2016.xlsx", "2017.xlsx", "2019.xlsx"])
    func pciTotalsRanksAndSubIndicesEqualTheReference(_ file: String) throws {
        let imported = try OfficialWorkbookReader(registry: registry).read(path: Self.folder + "pci/PCI " + file, index: .pci)
        let year = imported.year
        #expect("\(year)" == file.prefix(4))
        let reference = try self.reference("pci_2005_2019_from_workbooks.csv").filter { $0.key.hasPrefix("\(year)|") }
        #expect(!reference.isEmpty)
        let byKey = Dictionary(imported.values.map { ("\($0.year)|\($0.unit.code)|\($0.indicator)", $0) }, uniquingKeysWith: { a, _ in a })
        var mismatches: [String] = []
        for (key, expected) in reference.sorted(by: { $0.key < $1.key }) {
            guard let got = byKey[key] else { mismatches.append("\(key): missing"); continue }
            if !Self.matches(got.value, expected.value) { mismatches.append("\(key): \(got.value.map { "\($0)" } ?? "nil") ≠ \(expected.value) (\(got.source))") }
            if let rank = expected.rank, got.rank != rank { mismatches.append("\(key): rank \(got.rank.map(String.init) ?? "nil") ≠ \(rank) (\(got.source))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(12).joined(separator: "; "))")
        // Every province of the year has a total and a rank.
        let totals = imported.values.filter { $0.indicator == "PCI" && $0.value != nil }
        #expect(totals.count == (year == 2005 ? 42 : year <= 2008 ? 64 : 63))
        #expect(totals.allSatisfy { $0.rank != nil })
    }
}

extension OfficialWorkbookTests {
    /// The sub-indices of 2005–2016 against the vietnamdata parse (CC0): every value it has.
    @Test(arguments: ["2005.xls", "2007.xls", "2009.xls", "2011.xls", "2012.xlsx", "2014.xlsx", "2016.xlsx"])
    func pciSubIndicesEqualVietnamdata(_ file: String) throws {
        let imported = try OfficialWorkbookReader(registry: registry).read(path: Self.folder + "pci/PCI " + file, index: .pci)
        let byKey = Dictionary(imported.values.map { ("\($0.unit.code)|\($0.indicator)", $0) }, uniquingKeysWith: { a, _ in a })
        let table = try TabularFile.read(path: Self.folder + "reference/pci_2005_2016_vietnamdata.csv")
        let columns = ["pci_entry": "PCI_ENTRY_COSTS", "pci_land": "PCI_ACCESS_TO_LAND", "pci_transparency": "PCI_TRANSPARENCY",
                       "pci_time": "PCI_TIME_COSTS", "pci_informal": "PCI_INFORMAL_CHARGES", "pci_implement": "PCI_CENTRAL_POLICY",
                       "pci_bias": "PCI_POLICY_BIAS", "pci_proactive": "PCI_PROACTIVITY", "pci_support": "PCI_BUSINESS_SUPPORT",
                       "pci_labor": "PCI_LABOR_POLICY", "pci_legal": "PCI_LAW_AND_ORDER", "pci_weighted": "PCI"]
        var compared = 0
        var mismatches: [String] = []
        for record in table.records where table.field(record, 1) == "\(imported.year)" {
            let unit = try registry.provinces63.resolve(table.field(record, 0))
            for (name, indicator) in columns {
                guard let column = table.header.firstIndex(of: name), let expected = Double(table.field(record, column)) else { continue }
                compared += 1
                let got = byKey["\(unit.code)|\(indicator)"]?.value
                if got.map({ abs($0 - expected) > 1e-4 }) ?? true {
                    mismatches.append("\(unit.name) \(indicator): \(got.map { "\($0)" } ?? "missing") ≠ \(expected)")
                }
            }
        }
        #expect(compared > 300)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(compared): \(mismatches.prefix(10).joined(separator: "; "))")
    }
}

extension OfficialWorkbookTests {
    /// PAPI totals against the reference: the workbooks to 2017 give no total, so it is the sum of
    /// the six dimensions (as the reference's totals are); 2018 gives its unweighted total, and
    /// "KCDL" (no data) for two provinces.
    @Test(arguments: [("PAPI 2011 vie.xlsx", 2011, 6), ("PAPI 2013 vie.xlsx", 2013, 6), ("PAPI 2015 vie.xlsx", 2015, 6),
                      ("PAPI 2017 vie.xlsx", 2017, 6), ("PAPI 2018 FULL vie.xlsx", 2018, 8)])
    func papiTotalsEqualTheReference(_ file: String, _ year: Int, _ dimensions: Int) throws {
        let imported = try OfficialWorkbookReader(registry: registry).read(path: Self.folder + "papi/" + file, index: .papi)
        #expect(imported.year == year)
        let totals = Dictionary(imported.values.filter { $0.indicator == "PAPI_TOTAL" }.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        let reference = try self.reference("papi_totals_2011_2019_from_workbooks.csv").filter { $0.key.hasPrefix("\(year)|") && !$0.key.hasSuffix("WEIGHTED") }
        #expect(reference.count == (year == 2018 ? 61 : 63))
        var mismatches: [String] = []
        for (key, expected) in reference {
            let code = String(key.split(separator: "|")[1])
            if !Self.matches(totals[code]?.value, expected.value) { mismatches.append("\(key): \(totals[code]?.value.map { "\($0)" } ?? "missing") ≠ \(expected.value)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "; "))")
        #expect(totals.values.filter { $0.value != nil }.count == reference.count)
        // Every dimension, and sub-dimensions, for every province with data.
        let indicators = Set(imported.values.map(\.indicator))
        #expect(indicators.isSuperset(of: (1...dimensions).map { "PAPI_D\($0)" }))
        #expect(!indicators.contains("PAPI_D\(dimensions + 1)"))
        #expect(indicators.contains("PAPI_D1_1") && indicators.contains("PAPI_D\(dimensions)_2"))
    }
}
