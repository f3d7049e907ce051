import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// The bundled datasets load, and every value in them is a figure of ../shared/facts with its page.
struct BundledDatasetTests {
    let library = DatasetLibrary(root: Fixtures.datasetsFolder)

    @Test func namesAndKinds() throws {
        #expect(library.names() == ["papi", "par", "pci", "provinces", "sipas", "tayninh-cchc"])
        #expect(try library.metadata("provinces").kind == "unit-registry")
        #expect(try library.metadata("par").indicators.first?.id == "PAR_INDEX")
    }

    /// Tây Ninh's own scorecard: its units, groups and each department's maximum, every value with its page.
    @Test func tayNinhsScorecardKeepsMaximaAndGroups() throws {
        let (panel, metadata, _) = try library.loadPanel("tayninh-cchc", registry: try Fixtures.registry())
        #expect(metadata.units == "custom")
        #expect(panel.groupNames == ["department", "district"])
        let p = try #require(panel.periodIndex(.year(2023)))
        let office = try #require(panel.unitIndex(code: "Văn phòng UBND tỉnh"))
        #expect(panel.value(unit: office, period: p, indicator: 0) == 69.25)
        #expect(panel.provenance(unit: office, period: p, indicator: 0)?.maximum == 71.5)
        let departments = panel.units.indices.filter { panel.unitGroups[$0] == "department" && !panel.value(unit: $0, period: p, indicator: 0).isNaN }
        #expect(departments.count == 19)
        // Spellings of other years are the same unit: "Sở Y tế" (2022) is "Sở Y Tế" (2023).
        #expect(try panel.unitSystem.resolve("Sở Y tế").name == "Sở Y Tế")
        #expect(try panel.unitSystem.resolve("thị xã Hoà Thành").name == "UBND thị xã Hòa Thành")
        for u in panel.units.indices { for q in panel.periods.indices { for i in panel.indicators.indices
            where !panel.value(unit: u, period: q, indicator: i).isNaN {
            #expect(panel.provenance(unit: u, period: q, indicator: i)?.source?.hasPrefix("http") == true)
        } } }
    }

    @Test func par2023HasThirtyOneValuesAndPublishedRanks() throws {
        let (panel, metadata, report) = try library.loadPanel("par", registry: try Fixtures.registry())
        #expect(metadata.units == "provinces-63")
        let p = try #require(panel.periodIndex(.year(2023)))
        let values = panel.cross(section: p, indicator: 0)
        #expect(values.filter { !$0.isNaN }.count == 31)
        let quangNinh = try #require(panel.unitIndex(code: "22"))
        #expect(panel.value(unit: quangNinh, period: p, indicator: 0) == 92.18)
        #expect(panel.provenance(unit: quangNinh, period: p, indicator: 0)?.publishedRank == 1)
        #expect(report.source == "par")
        // Every value has a page.
        for u in panel.units.indices { for q in panel.periods.indices { for i in panel.indicators.indices
            where !panel.value(unit: u, period: q, indicator: i).isNaN {
            #expect(panel.provenance(unit: u, period: q, indicator: i)?.source?.hasPrefix("http") == true)
        } } }
    }

    /// Each (unit, year, indicator, value) of data.csv is stated or derived by a row of the facts
    /// with the same page, and so is each published rank.
    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/facts is not beside the repository"), arguments: ["par", "sipas"])
    func everyFigureComesFromTheFacts(_ name: String) throws {
        let panelFiles = try ["par_sipas_panel_from_pages.csv", "par_sipas_more_from_pages.csv"].map { try TabularFile.read(path: Fixtures.sharedFolder + "/facts/" + $0) }
        let earlier = try TabularFile.read(path: Fixtures.sharedFolder + "/facts/par_index_from_pages.csv")
        var stated = Set<String>()
        for facts in panelFiles {
            for record in facts.records {
                let (year, unit, index, value, rank, url) = (facts.field(record, 0), facts.field(record, 1), facts.field(record, 2), facts.field(record, 3), facts.field(record, 4), facts.field(record, 6))
                let base = index.hasPrefix("PAR_F") && facts.field(record, 7).contains("unit %") ? index + "_PCT" : index
                if let v = Double(value) { stated.insert("\(year)|\(unit)|\(base)|v\(v)|\(url)") }
                if let r = Int(rank) { stated.insert("\(year)|\(unit)|\(base)|r\(r)|\(url)") }
            }
        }
        for record in earlier.records {
            var index = earlier.field(record, 2)
            if let open = index.range(of: "_(max") { index = String(index[..<open.lowerBound]) }
            if index == "PAR_IMPACT_PTS" { index = "PAR_PTS_IMPACT" }
            if let v = Double(earlier.field(record, 3)) { stated.insert("\(earlier.field(record, 0))|\(earlier.field(record, 1))|\(index)|v\(v)|\(earlier.field(record, 5))") }
        }
        let data = try TabularFile.read(path: Fixtures.datasetsFolder + "/\(name)/data.csv")
        #expect(data.header == ["unit", "period", "indicator", "value", "rank", "max", "source", "rank_source", "note"])
        for record in data.records {
            let key = "\(data.field(record, 1))|\(data.field(record, 0))|\(data.field(record, 2))"
            if let v = Double(data.field(record, 3)) {
                #expect(stated.contains("\(key)|v\(v)|\(data.field(record, 6))"), "line \(record.line): \(key) \(v)")
            }
            if let r = Int(data.field(record, 4)) {
                let page = data.field(record, 7).isEmpty ? data.field(record, 6) : data.field(record, 7)
                #expect(stated.contains("\(key)|r\(r)|\(page)"), "line \(record.line): \(key) rank \(r)")
            }
        }
    }

    /// PCI and PAPI figures come from their facts files; a PAPI row may list several dimensions
    /// separated by semicolons (`PAPI_D1..D8`), and named dimensions (`PAPI_D1_PARTICIPATION`) keep their number.
    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/facts is not beside the repository"), arguments: [
        ("pci", ["pci_from_pages.csv", "pci_province_pages.csv", "pci_more_from_pages.csv"]), ("papi", ["papi_from_pages.csv"]),
    ])
    func pciAndPapiFiguresComeFromTheFacts(_ name: String, _ factsFiles: [String]) throws {
        let records = try factsFiles.flatMap { file in
            let table = try TabularFile.read(path: Fixtures.sharedFolder + "/facts/" + file)
            return table.records.map { record in (0..<6).map { table.field(record, $0) } }
        }
        var stated = Set<String>()
        for fields in records {
            let (year, unit, index, url) = (fields[0], fields[1], fields[2], fields[5])
            let values = fields[3].split(separator: ";").map(String.init)
            let names: [String]
            switch index {
            case "PAPI_D1..D8": names = (1...8).map { "PAPI_D\($0)" }
            case "PAPI_D1..D1.4": names = ["PAPI_D1"] + (1...4).map { "PAPI_D1_\($0)" }
            default: names = [index.hasPrefix("PAPI_D") ? String(index.prefix(7)) : index]
            }
            for (name, value) in zip(names, values) { if let v = Double(value) { stated.insert("\(year)|\(unit)|\(name)|v\(v)|\(url)") } }
            if names.count == 1, let r = Int(fields[4]) { stated.insert("\(year)|\(unit)|\(names[0])|r\(r)|\(url)") }
        }
        let data = try TabularFile.read(path: Fixtures.datasetsFolder + "/\(name)/data.csv")
        #expect(data.records.count > 100)
        for record in data.records {
            let key = "\(data.field(record, 1))|\(data.field(record, 0))|\(data.field(record, 2))"
            if let v = Double(data.field(record, 3)) { #expect(stated.contains("\(key)|v\(v)|\(data.field(record, 6))"), "line \(record.line)") }
            if let r = Int(data.field(record, 4)) {
                let page = data.field(record, 7).isEmpty ? data.field(record, 6) : data.field(record, 7)
                #expect(stated.contains("\(key)|r\(r)|\(page)"), "line \(record.line): rank")
            }
        }
    }

    @Test func conflictsKeepTheLosingAlternatives() throws {
        let conflicts = try TabularFile.read(path: Fixtures.datasetsFolder + "/par/conflicts.csv")
        let rows = conflicts.records.map { conflicts.field($0, 0) + " " + conflicts.field($0, 1) + " " + conflicts.field($0, 3) + " " + conflicts.field($0, 4) + "/" + conflicts.field($0, 7) }
        // Hải Phòng 2023: 91.87 stated by four pages beats 91.81 stated by one.
        #expect(rows.contains("2023 Hải Phòng value 91.87/91.81"))
        // Hà Nội 2023: the stated 91.43 beats 91.25 derived from a 2024 change.
        #expect(rows.contains("2023 Hà Nội value 91.43/91.25"))
        // The row flagged AMBIGUOUS is excluded, not used.
        #expect(rows.contains("2015 Điện Biên excluded /74.99"))
    }

    /// The Lâm Đồng page shows Lai Châu's 2010 row (the facts README says so): it is excluded.
    @Test func aRowShownUnderTheWrongProvinceIsExcluded() throws {
        let conflicts = try TabularFile.read(path: Fixtures.datasetsFolder + "/pci/conflicts.csv")
        #expect(conflicts.records.contains { conflicts.field($0, 0) == "2010" && conflicts.field($0, 1) == "Lâm Đồng" && conflicts.field($0, 3) == "excluded" && conflicts.field($0, 7) == "51.77" })
        let data = try TabularFile.read(path: Fixtures.datasetsFolder + "/pci/data.csv")
        #expect(!data.records.contains { data.field($0, 0) == "Lâm Đồng" && data.field($0, 1) == "2010" })
        // The rest of the page is used.
        #expect(data.records.contains { data.field($0, 0) == "Lâm Đồng" && data.field($0, 1) == "2008" && data.field($0, 2) == "PCI" })
    }
}
