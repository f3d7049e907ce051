import ChisoCore

/// The rows of a file a command needs: rows of other indicators or years are never laid out.
public struct PanelFilter: Sendable, Equatable {
    /// Indicator names, matched as written or by `NameFolding.key`; nil keeps every indicator.
    public let indicators: [String]?
    /// Years to keep; nil keeps every period.
    public let years: ClosedRange<Int>?
    /// `NameFolding.key` of each of `indicators`.
    private let indicatorKeys: Set<String>

    public init(indicators: [String]? = nil, years: ClosedRange<Int>? = nil) {
        self.indicators = indicators
        self.years = years
        indicatorKeys = Set((indicators ?? []).map(NameFolding.key))
    }

    /// Whether the filter keeps every row.
    public var keepsEverything: Bool { indicators == nil && years == nil }

    /// Whether rows of indicator `name` are kept.
    public func keeps(indicator name: String) -> Bool {
        guard let indicators else { return true }
        return indicators.contains(name) || indicatorKeys.contains(NameFolding.key(name))
    }

    /// Whether rows of `period` are kept.
    public func keeps(period: Period) -> Bool {
        years?.contains(period.year) ?? true
    }
}
