/// What an indicator's numbers measure.
public enum Measure: String, Sendable, Codable, CaseIterable {
    /// Percent of the maximum, 0–100.
    case percent
    /// Points out of a maximum that depends on the methodology year.
    case points
    /// A count (dossiers, procedures).
    case count
    /// A positive amount that grows (budget revenue and spending, output), modelled on the log scale.
    case amount
    /// A proportion, 0–1.
    case rate
    /// A score on the index's own scale (PAPI 0.33–3.33 per sub-dimension, PCI 0–100).
    case score
    /// Not declared (indicators read from a plain file).
    case unspecified
}

/// One indicator of a dataset's catalog (`dataset.json`).
public struct Indicator: Sendable, Codable, Equatable {
    /// Short identifier used on the command line and in files (`PAR_INDEX`).
    public let id: String
    /// Label in Vietnamese and English.
    public let label: LocalizedText
    /// What the numbers measure.
    public let measure: Measure
    /// Whether a larger value is better; sets the ranking direction.
    public let higherIsBetter: Bool
    /// Smallest possible value, where bounded.
    public let lowerBound: Double?
    /// Largest possible value, where bounded.
    public let upperBound: Double?
    /// Maximum points by methodology year, keyed by the year (`"2017": 14.5`), for the years a
    /// source states them. Maxima change with the methodology, so no year is filled in from another.
    public let maxPoints: [String: Double]?
    /// Decimals the publisher writes, for display; nil uses the measure's default.
    public let decimals: Int?
    /// First years of a new methodology: values before a break do not compare with values after
    /// it, so models never fit across one (PAPI's total moved from 6 to 8 dimensions in 2018).
    public let breaks: [Int]?
    /// Indicators whose values add up to this one (PAPI's total is the sum of its dimensions), so
    /// that a change or gap in the total splits into the components' changes or gaps.
    public let components: [String]?
    /// Methodology notes.
    public let note: String?

    public init(id: String, label: LocalizedText, measure: Measure = .unspecified, higherIsBetter: Bool = true,
                lowerBound: Double? = nil, upperBound: Double? = nil, maxPoints: [String: Double]? = nil, decimals: Int? = nil, breaks: [Int]? = nil,
                components: [String]? = nil, note: String? = nil) {
        self.id = id
        self.label = label
        self.measure = measure
        self.higherIsBetter = higherIsBetter
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.maxPoints = maxPoints
        self.decimals = decimals
        self.breaks = breaks
        self.components = components
        self.note = note
    }

    /// An indicator known only by the name of its column: higher is better, nothing else declared.
    public static func undeclared(_ id: String) -> Indicator {
        Indicator(id: id, label: LocalizedText(id))
    }

    /// The latest break at or before `year`: the first year of the methodology in force then.
    public func segmentStart(for year: Int) -> Int? {
        breaks?.filter { $0 <= year }.max()
    }

    /// The logit scale for forecasts when the indicator is a bounded percentage or rate.
    public var boundedScale: (lower: Double, upper: Double)? {
        guard let lowerBound, let upperBound, measure == .percent || measure == .rate else { return nil }
        return (lowerBound, upperBound)
    }

    /// The maximum points stated for `year`, or nil where no source states one.
    public func maximum(in year: Int) -> Double? {
        maxPoints?[String(year)]
    }
}
