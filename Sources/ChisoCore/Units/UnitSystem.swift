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
    /// Regions in order of first appearance among `units`.
    public let regions: [String]
    private let indexByKey: [String: Set<Int>]
    private let regionByKey: [String: String]

    /// Builds a system; `aliases` maps alternative spellings to unit codes,
    /// `regionAliases` maps alternative region names to region names.
    public init(id: String, units: [AdministrativeUnit], aliases: [(alias: String, code: String)] = [], regionAliases: [(alias: String, region: String)] = []) {
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
        // initials shared by several units (HG) resolve to an ambiguity error.
        var initials: [String: Set<Int>] = [:]
        for (i, unit) in units.enumerated() {
            let words = NameFolding.words(unit.name)
            if words.count >= 2 { initials[words.map { String($0.prefix(1)) }.joined(), default: []].insert(i) }
        }
        for (key, owners) in initials where index[key] == nil {
            index[key] = owners
        }
        self.indexByKey = index
        var regions: [String] = []
        for unit in units { if let r = unit.region, !regions.contains(r) { regions.append(r) } }
        self.regions = regions
        var regionKeys: [String: String] = [:]
        for r in regions { regionKeys[NameFolding.key(r)] = r }
        for (alias, region) in regionAliases where regions.contains(region) { regionKeys[NameFolding.key(alias)] = region }
        self.regionByKey = regionKeys
    }

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

    /// The region a spelling refers to (Vietnamese name, ASCII or English alias).
    public func resolveRegion(_ text: String) throws(UnitLookupError) -> String {
        if let region = regionByKey[NameFolding.key(text)] { return region }
        throw .unknownRegion(name: text, regions: regions)
    }
}
