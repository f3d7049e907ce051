import ChisoCore
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// The user data folder of imported workbooks: idempotent saves, conflicts refused, removal, and
/// the merge over the bundled page figures, on imports built here by hand.
struct ImportStoreTests {
    let registry: ProvinceRegistry

    init() throws {
        registry = try Fixtures.registry()
    }

    func imported(_ file: String, year: Int, _ values: [(String, String, Double?, Int?)]) throws -> OfficialWorkbookImport {
        let rows = try values.map { name, indicator, value, rank in
            ImportedValue(unit: try registry.provinces63.resolve(name), year: year, indicator: indicator, value: value, rank: rank,
                          source: "\(file)[Summary]!C2", note: nil)
        }
        return OfficialWorkbookImport(file: "/downloads/" + file, index: .pci, year: year, values: rows, sheetsRead: [("Summary", "PCI 2")], sheetsSkipped: [], notes: [])
    }

    @Test func savingTwiceChangesNothingAndOtherValuesAreRefused() throws {
        let store = ImportStore(root: try Fixtures.temporaryFolder())
        let first = try imported("PCI 2016.xlsx", year: 2016, [("Đà Nẵng", "PCI", 70.00139617919922, 1), ("Quảng Ninh", "PCI", 65.59555, 2)])
        guard case let .added(entry) = try store.save(first, fingerprint: "00000000000000aa") else { Issue.record("not added"); return }
        #expect(entry.values == 2 && entry.ranks == 2 && entry.year == 2016 && entry.file == "PCI 2016.xlsx")
        let manifest = try String(contentsOfFile: store.root + "/imports/pci/manifest.json", encoding: .utf8)
        // The same bytes again, and another file with the same values: nothing written.
        #expect(try store.save(first, fingerprint: "00000000000000aa") == .unchanged(entry))
        let copy = try imported("PCI 2016 (1).xlsx", year: 2016, [("Đà Nẵng", "PCI", 70.00139617919922, 1), ("Quảng Ninh", "PCI", 65.59555, 2)])
        #expect(try store.save(copy, fingerprint: "00000000000000bb") == .unchanged(entry))
        #expect(try String(contentsOfFile: store.root + "/imports/pci/manifest.json", encoding: .utf8) == manifest)
        // Other values for the same year are refused, naming both files and the cell.
        let other = try imported("PCI 2016 v2.xlsx", year: 2016, [("Đà Nẵng", "PCI", 69.9, 1)])
        #expect { try store.save(other, fingerprint: "00000000000000cc") } throws: { error in
            guard let error = error as? DataError, case .importConflict = error else { return false }
            return error.description.contains("PCI 2016 v2.xlsx: the year's values differ from those of PCI 2016.xlsx, already imported into 'pci'") && error.description.contains("Đà Nẵng 2016 PCI: 70.00139617919922 (rank 1) and 69.9 (rank 1)")
                && error.remedy == .removeImports(dataset: "pci")
        }
        // Removal undoes it.
        #expect(try store.remove("pci").map(\.file) == ["PCI 2016.xlsx"])
        #expect(try store.entries("pci").isEmpty && (try store.table("pci")) == nil)
    }

    /// Over the bundled PCI: the workbook's value is used where both give a cell, a page figure
    /// that rounds to it is no difference (65.2 and 65.15), one that does not is listed, and a
    /// page's rank stays where the workbook gives none.
    @Test func theWorkbookWinsAndDifferencesAreListed() throws {
        let store = ImportStore(root: try Fixtures.temporaryFolder())
        // Bundled facts: Hải Phòng 2017 PCI 65.2 (vov.vn); Hồ Chí Minh 2014 PCI 63.51, rank 4.
        _ = try store.save(try imported("PCI 2017.xlsx", year: 2017, [("Hải Phòng", "PCI", 65.15, nil), ("Hà Giang", "PCI", 59.1, 62)]), fingerprint: "1")
        _ = try store.save(try imported("PCI 2014.xlsx", year: 2014, [("Hồ Chí Minh", "PCI", 62.72781, nil)]), fingerprint: "2")
        let library = DatasetLibrary(root: Fixtures.datasetsFolder)
        let loaded = try library.loadDataset("pci", registry: registry, imports: store)
        let merge = try #require(loaded.imports)
        #expect(merge.importedCells == 3 && merge.replacedCells == 2)
        #expect(merge.disagreements.map { "\($0.unit) \($0.period) \($0.field) \($0.bundled) → \($0.imported)" } == ["Hồ Chí Minh 2014 value 63.51 → 62.72781"])
        let panel = loaded.panel
        let pci = try #require(panel.indicatorIndex("PCI"))
        func cell(_ code: String, _ year: Int) throws -> (Double, CellProvenance?) {
            let u = try #require(panel.unitIndex(code: code)), p = try #require(panel.periodIndex(.year(year)))
            return (panel.value(unit: u, period: p, indicator: pci), panel.provenance(unit: u, period: p, indicator: pci))
        }
        let (hcm, hcmProvenance) = try cell("79", 2014)
        #expect(hcm == 62.72781 && hcmProvenance?.source == "PCI 2014.xlsx[Summary]!C2")
        #expect(hcmProvenance?.publishedRank == 4)  // the page's rank, the workbook giving none
        #expect(try cell("31", 2017).0 == 65.15)
        #expect(try cell("02", 2017).1?.publishedRank == 62)
        #expect(loaded.report.notes.contains { $0.text.contains("pci: 3 values and ranks from 2 imported workbooks, 2 of them over page figures; 1 of them differ") })
    }

    @Test func theFolderFollowsTheEnvironment() {
        #expect(ImportStore.locate(environment: ["CHISO_HOME": "/data/chiso", "XDG_DATA_HOME": "/x"]).root == "/data/chiso")
        #expect(ImportStore.locate(environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/a"]).root == "/x/chiso")
        #expect(ImportStore.locate(environment: ["HOME": "/home/a"]).root == "/home/a/.local/share/chiso")
    }
}
