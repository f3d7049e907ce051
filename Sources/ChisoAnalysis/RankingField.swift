import ChisoCore
import ChisoNumerics

/// A value that reaches a goal, known exactly or only between two bounds: the value at published
/// rank K when that unit's value is known, else between the values of the nearest published
/// ranks whose values are known.
public struct Threshold: Sendable, Equatable {
    /// The smallest value it may be (−∞ when nothing bounds it).
    public let lower: Double
    /// The largest value it may be (+∞ when nothing bounds it).
    public let upper: Double
    /// Where it comes from, in words.
    public let basis: LocalizedText

    public init(lower: Double, upper: Double, basis: LocalizedText) {
        self.lower = min(lower, upper)
        self.upper = max(lower, upper)
        self.basis = basis
    }

    /// A threshold known exactly.
    public static func exact(_ value: Double, basis: LocalizedText) -> Threshold {
        Threshold(lower: value, upper: value, basis: basis)
    }

    /// The value when known exactly.
    public var value: Double? { lower == upper ? lower : nil }

    /// The threshold moved by `shift` (bounds that are infinite stay so).
    func shifted(by shift: Double, basis: LocalizedText) -> Threshold {
        Threshold(lower: roundedToSignificantDigits(lower + shift), upper: roundedToSignificantDigits(upper + shift), basis: basis)
    }
}

/// What is known of the whole ranking of one indicator in one period: every unit's value (NaN
/// where unknown) and the ranks the index's owner published. A computed rank among the units that
/// happen to have a value misleads when most values are unknown (7th of the 12 known is 15th of
/// 63); this is what the published ranking says instead.
struct RankingField {
    let panel: Panel
    let indicator: Int
    let period: Int
    /// (unit, published rank), best first.
    let published: [(unit: Int, rank: Int)]

    init(_ panel: Panel, indicator: Int, period: Int) {
        self.panel = panel
        self.indicator = indicator
        self.period = period
        published = panel.units.indices.compactMap { u in
            panel.publishedRank(unit: u, period: period, indicator: indicator).map { (u, $0) }
        }.sorted { ($0.rank, $0.unit) < ($1.rank, $1.unit) }
    }

    func value(_ unit: Int) -> Double { panel.value(unit: unit, period: period, indicator: indicator) }

    /// The size of the ranking: every unit of the unit system in the period (64 provinces before
    /// Hà Tây joined Hà Nội in 2008, 63 after), or more when a published rank says so.
    var size: Int { max(published.map(\.rank).max() ?? 0, panel.unitSystem.unitCount(in: panel.periods[period])) }

    /// Units of the panel with a value in the period.
    var unitsWithValue: [Int] { panel.units.indices.filter { !value($0).isNaN } }

    /// Whether every unit of the ranking has a value.
    var isComplete: Bool { unitsWithValue.count >= size }

    /// The value that reached rank `k`: the published rank-k unit's value, or the interval between
    /// the nearest published ranks with values; with no published ranks, the k-th value of a
    /// complete field. Nil when nothing bounds it.
    func threshold(rank k: Int, higherIsBetter: Bool) -> Threshold? {
        if published.isEmpty {
            guard isComplete else { return nil }
            let sorted = unitsWithValue.map(value).sorted(by: higherIsBetter ? (>) : (<))
            guard k >= 1 && k <= sorted.count else { return nil }
            return .exact(sorted[k - 1], basis: LocalizedText(vi: "giá trị thứ \(k)", en: "the \(englishOrdinal(k)) value"))
        }
        if let atK = published.first(where: { $0.rank == k && !value($0.unit).isNaN }) {
            let name = panel.units[atK.unit].name
            return .exact(value(atK.unit), basis: LocalizedText(vi: "\(name), hạng công bố \(k)", en: "\(name), published rank \(k)"))
        }
        let better = published.last { $0.rank < k && !value($0.unit).isNaN }
        let worse = published.first { $0.rank > k && !value($0.unit).isNaN }
        guard better != nil || worse != nil else { return nil }
        let infinity = higherIsBetter ? Double.infinity : -.infinity
        let high = better.map { value($0.unit) } ?? infinity
        let low = worse.map { value($0.unit) } ?? -infinity
        func describe(_ entry: (unit: Int, rank: Int)?) -> (vi: String, en: String) {
            guard let entry else { return ("không có", "none") }
            let name = panel.units[entry.unit].name
            return ("\(name) hạng \(entry.rank)", "\(name) at rank \(entry.rank)")
        }
        let (b, w) = (describe(better), describe(worse))
        return Threshold(lower: low, upper: high, basis: LocalizedText(
            vi: "hạng công bố \(k) không có giá trị; nằm giữa \(b.vi) và \(w.vi)",
            en: "published rank \(k) has no value; between \(b.en) and \(w.en)"))
    }
}
