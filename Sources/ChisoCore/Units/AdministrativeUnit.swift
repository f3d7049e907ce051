import Foundation

/// One unit that indicators are reported for: a province, a department, a ministry.
public struct AdministrativeUnit: Hashable, Sendable {
    /// The stable identifier: the two-digit GSO code for provinces, the declared id otherwise.
    public let code: String
    /// The official name, with diacritics (NFC).
    public let name: String
    /// The name without diacritics.
    public let asciiName: String
    /// The socio-economic region of Resolution 81/2023 (six regions), where one applies.
    public let region: String?
    /// The traditional geographic region (eight regions), where one applies.
    public let traditionalRegion: String?
    /// The last year the unit existed and was scored, for a unit merged away (Hà Tây: 2008);
    /// nil for a unit that exists.
    public let lastYear: Int?

    public init(code: String, name: String, asciiName: String? = nil, region: String? = nil, traditionalRegion: String? = nil, lastYear: Int? = nil) {
        self.code = code
        self.name = name.precomposedStringWithCanonicalMapping
        self.asciiName = asciiName ?? NameFolding.words(name).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        self.region = region
        self.traditionalRegion = traditionalRegion
        self.lastYear = lastYear
    }

    /// Whether the unit existed in `period`.
    public func exists(in period: Period) -> Bool { lastYear.map { period.year <= $0 } ?? true }

    /// The unit's region in `system`.
    public func region(in system: RegionSystem) -> String? {
        system == .resolution2023 ? region : traditionalRegion
    }
}
