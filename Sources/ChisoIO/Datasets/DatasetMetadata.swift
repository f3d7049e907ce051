import ChisoCore
/// The description of a bundled dataset, read from `datasets/<name>/dataset.json`.
public struct DatasetMetadata: Sendable, Codable, Equatable {
    /// A document a dataset's figures come from.
    public struct Source: Sendable, Codable, Equatable {
        public let title: String
        public let url: String?
    }

    /// A unit a dataset declares for itself instead of provinces.
    public struct DeclaredUnit: Sendable, Codable, Equatable {
        public let code: String
        public let name: String
        public let aliases: [String]?
    }

    /// The directory name, used on the command line (`par`).
    public let name: String
    /// Title in Vietnamese and English.
    public let title: LocalizedText
    /// `panel` for indicator values, `unit-registry` for the province registry.
    public let kind: String
    /// `provinces-63`, `provinces-34` or `custom`.
    public let units: String
    /// Units of a `custom` dataset.
    public let declaredUnits: [DeclaredUnit]?
    /// The long CSV with the values, relative to the dataset folder.
    public let data: String?
    /// The publisher and main documents.
    public let sources: [Source]
    /// What the dataset covers and lacks, in one paragraph.
    public let coverage: String?
    /// The indicator catalog.
    public let indicators: [Indicator]

    /// The unit system of the declared units.
    public var declaredUnitSystem: UnitSystem? {
        guard units == "custom", let declaredUnits else { return nil }
        return UnitSystem(
            id: name,
            units: declaredUnits.map { AdministrativeUnit(code: $0.code, name: $0.name) },
            aliases: declaredUnits.flatMap { unit in (unit.aliases ?? []).map { (alias: $0, code: unit.code) } })
    }
}
