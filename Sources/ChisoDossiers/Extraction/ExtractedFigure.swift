import ChisoCore
/// A figure a report states, with the sentence it came from.
public struct ExtractedFigure: Sendable, Equatable {
    /// Machine name: a dossier field (`received_new`, `resolved_late`…), `score` (a total),
    /// `score:<component>`, `rank`, `share:<what>`, `rate:<what>`.
    public let figure: String
    public let value: Double
    /// The maximum stated with it (93,364/98 điểm → 98; xếp thứ 15/63 → 63).
    public let maximum: Double?
    /// `dossiers`, `points`, `%` or `rank`.
    public let unit: String
    /// The period the sentence (or else the document) names.
    public let period: Period?
    /// The department or unit the clause (or an earlier one) names.
    public let subject: String?
    public let sentence: String
    /// Position in the text, for ordering.
    let offset: Int
}
