import ChisoCore
import ChisoOutput

/// Column headers shared by the analyses, in Vietnamese and English.
enum Label {
    static let unit = LocalizedText(vi: "Đơn vị", en: "Unit")
    static let code = LocalizedText(vi: "Mã", en: "Code")
    static let region = LocalizedText(vi: "Vùng", en: "Region")
    static let indicator = LocalizedText(vi: "Chỉ số", en: "Indicator")
    static let value = LocalizedText(vi: "Giá trị", en: "Value")
    static let rank = LocalizedText(vi: "Hạng", en: "Rank")
    static let n = LocalizedText(vi: "Số đơn vị", en: "n")
    static let publishedRank = LocalizedText(vi: "Hạng công bố", en: "Published rank")
    static let change = LocalizedText(vi: "Thay đổi", en: "Change")
    static let rankChange = LocalizedText(vi: "Tăng/giảm hạng", en: "Rank change")
    static let percentile = LocalizedText(vi: "Bách phân vị", en: "Percentile")
    static let quartile = LocalizedText(vi: "Nhóm", en: "Quartile")
}

extension Indicator {
    /// Decimals shown on screen: as the catalog declares, else 2 for percentages and points,
    /// 0 for counts, 2 for amounts, 4 for rates and scores.
    var displayPrecision: Int {
        if let decimals { return decimals }
        switch measure {
        case .percent, .points, .amount, .unspecified: return 2
        case .count: return 0
        case .rate, .score: return 4
        }
    }
}

extension Table.Cell {
    /// A rank: an integer, or one decimal for averaged ties.
    static func rank(_ r: Double) -> Table.Cell {
        r == r.rounded() ? .integer(Int(r)) : .number(r, precision: 1)
    }
}

extension Table.Column {
    /// The first columns of a list of items: a stable id for CSV and JSON, a label for the screen.
    static let itemColumns = [
        Table.Column("item", LocalizedText(vi: "Mục", en: "Item"), alignment: .left, visibility: .dataOnly),
        Table.Column("label", LocalizedText(vi: "Nội dung", en: "Item"), alignment: .left),
    ]
}

extension Table.Tone {
    /// The tone of a column of changes of several indicators: colour only when they agree on direction.
    static func forChanges(of indicators: [Indicator]) -> Table.Tone {
        if indicators.allSatisfy(\.higherIsBetter) { return .upIsGood }
        if indicators.allSatisfy({ !$0.higherIsBetter }) { return .downIsGood }
        return .neutral
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `112th`.
func englishOrdinal(_ n: Int) -> String {
    let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
    return "\(n)\(suffix)"
}
