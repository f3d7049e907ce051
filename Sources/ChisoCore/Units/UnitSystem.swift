/// A closed set of units with spelling-insensitive lookup: the 63 provinces, the 34 provinces
/// from 1 July 2025, or the units a dataset declares.
///
/// A name resolves when its `NameFolding.key` matches a unit's name, ASCII name, code
/// (`1` and `01` alike), a declared alias, or its initials (`HCM`, `BRVT`); initials that
/// several units share are reported as ambiguous.
public struct UnitSystem: Sendable {
    /// `provinces-63`, `provinces-34` or a dataset's own id.
    public let id: String
    /// Units in their canonical order (GSO code order for provinces).
    public let units: [AdministrativeUnit]
    /// Regions of 2023 in order of first appearance among `units`.
    public let regions: [String]
    /// Traditional regions in order of first appearance among `units`.
    public let traditionalRegions: [String]
    private let indexByKey: [String: Set<Int>]
    private let regionByKey: [RegionSystem: [String: String]]

    /// Builds a system; `aliases` maps alternative spellings to unit codes,
    /// `regionAliases` maps alternative names of the regions of 2023 to region names, and
    /// `traditionalRegionAliases` those of the traditional regions.
    public init(id: String, units: [AdministrativeUnit], aliases: [(alias: String, code: String)] = [], regionAliases: [(alias: String, region: String)] = [],
                traditionalRegionAliases: [(alias: String, region: String)] = []) {
        self.id = id
        self.units = units
        var index: [String: Set<Int>] = [:]
        func add(_ key: String, _ unitIndex: Int) {
            guard !key.isEmpty else { return }
            index[key, default: []].insert(unitIndex)
        }
        let positionByCode = Dictionary(units.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (i, unit) in units.enumerated() {
            add(NameFolding.key(unit.name), i)
            add(NameFolding.key(unit.asciiName), i)
            add(NameFolding.key(unit.code), i)
            if let number = Int(unit.code) { add(String(number), i) }
        }
        for (alias, code) in aliases {
            if let i = positionByCode[code] { add(NameFolding.key(alias), i) }
        }
        // Initials (Bà Rịa - Vũng Tàu → brvt) unless they are already another unit's key;
        // initials shared by several units (HG) resolve to an ambiguity error. Units merged away
        // (Hà Tây) have none: HT is Hà Tĩnh.
        var initials: [String: Set<Int>] = [:]
        for (i, unit) in units.enumerated() where unit.lastYear == nil {
            let words = NameFolding.words(unit.name)
            if words.count >= 2 { initials[words.map { String($0.prefix(1)) }.joined(), default: []].insert(i) }
        }
        for (key, owners) in initials where index[key] == nil {
            index[key] = owners
        }
        self.indexByKey = index
        func names(_ system: RegionSystem) -> [String] {
            var names: [String] = []
            for unit in units { if let r = unit.region(in: system), !names.contains(r) { names.append(r) } }
            return names
        }
        regions = names(.resolution2023)
        traditionalRegions = names(.traditional)
        func keys(_ names: [String], _ aliases: [(alias: String, region: String)]) -> [String: String] {
            var keys: [String: String] = [:]
            for r in names { keys[NameFolding.key(r)] = r }
            for (alias, region) in aliases where names.contains(region) { keys[NameFolding.key(alias)] = region }
            return keys
        }
        regionByKey = [.resolution2023: keys(regions, regionAliases), .traditional: keys(traditionalRegions, traditionalRegionAliases)]
    }

    /// The units that exist today (every unit but those merged away, such as Hà Tây).
    public var currentUnits: [AdministrativeUnit] { units.filter { $0.lastYear == nil } }

    /// How many units the system had in `period`: 64 provinces in 2006–2008, 63 after.
    public func unitCount(in period: Period) -> Int { units.filter { $0.exists(in: period) }.count }

    /// The unit with exactly this code.
    public func unit(code: String) -> AdministrativeUnit? {
        units.first { $0.code == code }
    }

    /// The unit a spelling refers to.
    /// - Throws: `UnitLookupError.unknown` with the three closest names, or `.ambiguous`.
    public func resolve(_ text: String) throws(UnitLookupError) -> AdministrativeUnit {
        let key = NameFolding.key(text)
        if let owners = indexByKey[key] {
            if owners.count == 1 { return units[owners.first!] }
            throw .ambiguous(name: text, system: id, candidates: owners.sorted().map { units[$0].name })
        }
        throw .unknown(name: text, system: id, suggestions: closestNames(to: text))
    }

    /// Whether `text` names exactly one unit (what `resolve` accepts), without the suggestions
    /// an error would carry.
    public func knows(_ text: String) -> Bool {
        indexByKey[NameFolding.key(text)]?.count == 1
    }

    /// The `count` unit names closest to `text` by edit distance between keys; ties in unit order.
    public func closestNames(to text: String, count: Int = 3) -> [String] {
        let key = NameFolding.key(text)
        let scored = units.enumerated().map { (i, unit) -> (Int, Int) in
            let distance = min(NameFolding.editDistance(key, NameFolding.key(unit.name)),
                               NameFolding.editDistance(key, NameFolding.key(unit.code)) + 1)
            return (distance, i)
        }
        return scored.sorted { $0 < $1 }.prefix(count).map { units[$0.1].name }
    }

    /// The region a spelling refers to (Vietnamese name, ASCII or English alias), in `system` when
    /// given, else in whichever system knows the name. A name both systems know with different
    /// provinces (Đồng bằng sông Hồng: with Quảng Ninh in 2023, without it traditionally) is
    /// ambiguous unless the system is given.
    public func resolveRegion(_ text: String, system: RegionSystem? = nil) throws(UnitLookupError) -> Region {
        let key = NameFolding.key(text)
        let systems = system.map { [$0] } ?? RegionSystem.allCases
        let found = systems.compactMap { s in regionByKey[s]?[key].map { Region(name: $0, system: s) } }
        let distinct = found.filter { region in !found.contains { $0.system.rawValue < region.system.rawValue && members($0) == members(region) } }
        if distinct.count == 1 { return distinct[0] }
        if distinct.count > 1 {
            throw .ambiguousRegion(name: text, options: distinct.map { "\($0.name) (\($0.system.label), \(members($0).count) units)" })
        }
        throw .unknownRegion(name: text, regions: regions + traditionalRegions.filter { !regions.contains($0) })
    }

    /// The codes of the units in a region that existed in `period` (Hà Tây in the Red River Delta
    /// to 2008), or, without a period, of the units in it today.
    public func members(_ region: Region, in period: Period? = nil) -> Set<String> {
        Set(units.filter { $0.region(in: region.system) == region.name && (period.map($0.exists(in:)) ?? ($0.lastYear == nil)) }.map(\.code))
    }
}

/// The two ways Vietnam is cut into regions.
public enum RegionSystem: String, Sendable, CaseIterable, Hashable {
    /// The six socio-economic regions of Resolution 81/2023/QH15.
    case resolution2023 = "2023"
    /// The eight traditional geographic regions.
    case traditional

    /// The system in words.
    public var label: String { self == .resolution2023 ? "six regions of 2023" : "eight traditional regions" }
}

/// A region of one of the two systems.
public struct Region: Sendable, Hashable {
    public let name: String
    public let system: RegionSystem

    public init(name: String, system: RegionSystem) {
        self.name = name
        self.system = system
    }
}
