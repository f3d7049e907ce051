import ChisoCore
import Foundation

/// The provinces of Vietnam before and after the merger of 1 July 2025, read from
/// `datasets/provinces/` (built from checked facts; sources in its dataset.json).
public struct ProvinceRegistry: Sendable {
    /// The 63 provinces and centrally-run cities, 2004 – 30 June 2025, by GSO code, with the
    /// provinces merged away before (Hà Tây, into Hà Nội on 1 August 2008) and their last year.
    public let provinces63: UnitSystem
    /// The 34 provincial units from 1 July 2025 (Resolution 202/2025/QH15).
    public let provinces34: UnitSystem
    /// For each of the 63 codes, the code of the unit it belongs to from 1 July 2025.
    public let mergedInto: [String: String]

    /// Reads `provinces_63.csv`, `merger_2025.csv`, `aliases.csv`, `regions.csv` and (when
    /// present) the traditional regions `regions_traditional.csv` and the provinces merged away
    /// before 2025 `historical_units.csv` from `folder`.
    public init(folder: String) throws(DataError) {
        func table(_ file: String) throws(DataError) -> TabularFile {
            try TabularFile.read(path: (folder as NSString).appendingPathComponent(file))
        }
        func column(_ t: TabularFile, _ name: String) throws(DataError) -> Int {
            guard let index = t.header.firstIndex(of: name) else { throw .missingColumn(file: t.displayName, role: name, headers: t.header) }
            return index
        }
        let provinces = try table("provinces_63.csv")
        let (code, name, ascii, region) = (try column(provinces, "code"), try column(provinces, "name"), try column(provinces, "name_ascii"), try column(provinces, "region"))
        // The traditional regions, when the registry has them.
        var traditional: [String: String] = [:]
        var traditionalAliases: [(alias: String, region: String)] = []
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("regions_traditional.csv")) {
            let regions = try table("regions_traditional.csv")
            let (regionCode, regionName) = (try column(regions, "code"), try column(regions, "region"))
            for record in regions.records { traditional[regions.field(record, regionCode)] = regions.field(record, regionName) }
            let aliases = try table("regions_traditional_aliases.csv")
            let (aliasRegion, aliasName) = (try column(aliases, "region"), try column(aliases, "alias"))
            traditionalAliases = aliases.records.map { (alias: aliases.field($0, aliasName), region: aliases.field($0, aliasRegion)) }
        }
        var units63 = provinces.records.map {
            AdministrativeUnit(code: provinces.field($0, code), name: provinces.field($0, name), asciiName: provinces.field($0, ascii),
                               region: provinces.field($0, region), traditionalRegion: traditional[provinces.field($0, code)])
        }
        // Provinces merged away before 2025, each with its last year and the province it joined.
        var joined: [String: String] = [:]
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("historical_units.csv")) {
            let historical = try table("historical_units.csv")
            let columns = (code: try column(historical, "code"), name: try column(historical, "name"), ascii: try column(historical, "name_ascii"),
                           region: try column(historical, "region"), traditional: try column(historical, "traditional_region"),
                           last: try column(historical, "last_year"), into: try column(historical, "merged_into"))
            for record in historical.records {
                guard let last = Int(historical.field(record, columns.last)) else {
                    throw .invalidMetadata(file: historical.displayName, reason: "line \(record.line): last_year is not a year")
                }
                units63.append(AdministrativeUnit(
                    code: historical.field(record, columns.code), name: historical.field(record, columns.name),
                    asciiName: historical.field(record, columns.ascii), region: historical.field(record, columns.region),
                    traditionalRegion: historical.field(record, columns.traditional), lastYear: last))
                joined[historical.field(record, columns.code)] = historical.field(record, columns.into)
            }
            units63.sort { $0.code < $1.code }
        }
        let regionOf = Dictionary(uniqueKeysWithValues: units63.map { ($0.code, $0.region) })

        let merger = try table("merger_2025.csv")
        let (newCode, newName, oldCode) = (try column(merger, "new_code"), try column(merger, "new_name"), try column(merger, "old_code"))
        var units34: [AdministrativeUnit] = []
        var mergedInto: [String: String] = [:]
        for record in merger.records {
            let code = merger.field(record, newCode)
            mergedInto[merger.field(record, oldCode)] = code
            if !units34.contains(where: { $0.code == code }) {
                // A merged unit takes the region of the province that hosts its capital (same code).
                units34.append(AdministrativeUnit(code: code, name: merger.field(record, newName), region: regionOf[code] ?? nil, traditionalRegion: traditional[code]))
            }
        }
        units34.sort { $0.code < $1.code }
        // A province merged away earlier is part of what its successor became in 2025.
        for (old, successor) in joined {
            guard let code = mergedInto[successor] else {
                throw .invalidMetadata(file: (folder as NSString).appendingPathComponent("historical_units.csv"), reason: "\(old) merged into \(successor), which is not a province of the merger")
            }
            mergedInto[old] = code
        }

        let aliases = try table("aliases.csv")
        let (system, alias, aliasCode) = (try column(aliases, "system"), try column(aliases, "alias"), try column(aliases, "code"))
        func aliasPairs(_ id: String) -> [(alias: String, code: String)] {
            aliases.records.filter { aliases.field($0, system) == id }.map { (alias: aliases.field($0, alias), code: aliases.field($0, aliasCode)) }
        }
        let regions = try table("regions.csv")
        let (regionName, regionAlias) = (try column(regions, "region"), try column(regions, "alias"))
        let regionPairs = regions.records.map { (alias: regions.field($0, regionAlias), region: regions.field($0, regionName)) }

        self.provinces63 = UnitSystem(id: "provinces-63", units: units63, aliases: aliasPairs("provinces-63"), regionAliases: regionPairs,
                                      traditionalRegionAliases: traditionalAliases)
        self.provinces34 = UnitSystem(id: "provinces-34", units: units34, aliases: aliasPairs("provinces-34"), regionAliases: regionPairs,
                                      traditionalRegionAliases: traditionalAliases)
        self.mergedInto = mergedInto
    }
}
