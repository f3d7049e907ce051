/// The kinds of score a province's scorecard gives a unit: the score the unit gives itself
/// (tự đánh giá) and the one the province's council appraises, the official score. A file with
/// a kind column keeps self-assessed scores in an indicator of their own beside the official one
/// (`TOTAL (tự đánh giá)` beside `TOTAL`), so both are read and compared.
public enum ScoreKind {
    /// What the indicator of self-assessed scores adds to the criterion's name.
    public static let selfAssessedSuffix = " (tự đánh giá)"

    /// Whether a kind column's text means self-assessed: `self`, `self-assessed`, `tự đánh giá`, `tự chấm`.
    public static func meansSelfAssessed(_ kind: String) -> Bool {
        let words = NameFolding.words(kind).joined(separator: " ")
        return ["self", "self assessed", "self assessment", "tu danh gia", "tu cham", "tu cham diem", "diem tu danh gia"].contains(words)
    }

    /// The indicator that holds the self-assessed scores of `criterion`.
    public static func selfAssessed(of criterion: String) -> String { criterion + selfAssessedSuffix }

    /// Whether an indicator holds self-assessed scores.
    public static func isSelfAssessed(_ indicator: String) -> Bool { indicator.hasSuffix(selfAssessedSuffix) }

    /// Whether a column or indicator of a scorecard holds a share of the maximum rather than
    /// points: `TỶ LỆ ĐẠT (%)`, `Tỷ lệ đạt`, `Percent reached` (out of 100, not of the unit's maximum).
    public static func isPercentage(_ name: String) -> Bool {
        let words = NameFolding.words(name)
        return name.contains("%") || words.starts(with: ["ty", "le"]) || words.first?.hasPrefix("percent") == true
    }
}
