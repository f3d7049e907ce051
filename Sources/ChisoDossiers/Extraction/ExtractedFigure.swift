import ChisoCore

/// What a figure a report states measures.
public enum FigureKind: String, Sendable, CaseIterable {
    /// A count of dossiers (`figure` names the field: received, resolved_late…).
    case dossiers
    /// A percentage achieved: a share, an on-time rate, a satisfaction rate.
    case rate
    /// An index score, with its maximum when stated.
    case score
    /// A position in a ranking, with how many are ranked when stated.
    case rank
    /// A change from another period ("tăng 2,61%", "tăng 26 bậc", "giảm 3,84 điểm").
    case change
    /// A target set for the future ("mục tiêu … 50%", "phấn đấu đạt", "đảm bảo 100%", "cần đạt").
    case target
    /// A forecast or a probability ("dự báo … đạt khoảng 89,9%", "khả năng … 64%").
    case forecast
    /// Tasks or items completed out of a total ("hoàn thành 37/37 nhiệm vụ").
    case count
}

/// A figure a report states, with the text it came from.
public struct ExtractedFigure: Sendable, Equatable {
    public let kind: FigureKind
    /// Machine name: a dossier field (`received_new`, `resolved_late`…), `score` (a total),
    /// `score:<component>`, `rank`, `share:<field>` (a share of the count before it),
    /// `rate:<what>`, `increase:<what>`, `decrease:<what>`, `target:<what>`, `forecast:<what>`,
    /// `completed:<what>`.
    public let figure: String
    public let value: Double
    /// The maximum stated with it (93,364/98 điểm → 98; xếp thứ 15/63 → 63; 4.561/5.650 hồ sơ → 5650).
    public let maximum: Double?
    /// `dossiers`, `points`, `%`, `rank` or `tasks`.
    public let unit: String
    /// The index a score, rank, rate or change is of (`par_index`, `sipas`, `pci`, `papi`, `dti`), when named.
    public let index: String?
    /// Stated with a hedge: "gần 27.000", "hơn 20", "trên 95%".
    public let approximate: Bool
    /// The period the clause, else the sentence, else the document names.
    public let period: Period?
    /// The department, district or province the clause (or an earlier one) names.
    public let subject: String?
    /// The exact text the figure was read from ("4,52 ngàn HS", "xếp thứ 15/63", "gần 98%").
    public let text: String
    public let sentence: String
    /// Position of `text` in the document (UTF-16), for ordering and for locating it.
    public let offset: Int

    public init(kind: FigureKind, figure: String, value: Double, maximum: Double? = nil, unit: String, index: String? = nil, approximate: Bool = false,
                period: Period?, subject: String?, text: String, sentence: String, offset: Int) {
        self.kind = kind
        self.figure = figure
        self.value = value
        self.maximum = maximum
        self.unit = unit
        self.index = index
        self.approximate = approximate
        self.period = period
        self.subject = subject
        self.text = text
        self.sentence = sentence
        self.offset = offset
    }
}
