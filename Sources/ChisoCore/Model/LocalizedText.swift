/// The language of labels and headers.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi
    case en
}

/// A text in Vietnamese and English.
public struct LocalizedText: Sendable, Codable, Equatable, Hashable {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The same text in both languages (identifiers, names).
    public init(_ both: String) {
        self.init(vi: both, en: both)
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        language == .vi ? vi : en
    }
}
