/// Where one panel value came from and what was published beside it.
public struct CellProvenance: Sendable, Equatable {
    /// The document (URL or file location) that states the value.
    public var source: String?
    /// The document that states the published rank, when it differs from `source`.
    public var rankSource: String?
    /// The rank published with the value, out of all units of the year.
    public var publishedRank: Int?
    /// The maximum points stated with the value.
    public var maximum: Double?
    /// How many units the published ranking covers ("xếp thứ 3/9"), where the file says.
    public var outOf: Int?
    /// How the value was obtained when not read directly (derived, resolved conflict).
    public var note: String?

    public init(source: String? = nil, rankSource: String? = nil, publishedRank: Int? = nil, maximum: Double? = nil, note: String? = nil) {
        self.source = source
        self.rankSource = rankSource
        self.publishedRank = publishedRank
        self.maximum = maximum
        self.note = note
    }

    /// Whether nothing is recorded.
    public var isEmpty: Bool {
        source == nil && rankSource == nil && publishedRank == nil && maximum == nil && outOf == nil && note == nil
    }
}
