import ChisoNumerics

/// A request for something a panel does not hold.
public enum PanelQueryError: RemediableError, Equatable {
    case unknownIndicator(name: String, panel: String, available: [String])
    case unknownPeriod(period: String, panel: String, available: [String])
    case unitNotInPanel(unit: String, panel: String)
    case noIndicatorGiven(panel: String, available: [String])
    case emptyPanel(panel: String)

    public var description: String {
        switch self {
        case let .unknownIndicator(name, panel, available) where available.count > Self.listedNames:
            let key = NameFolding.key(name)
            let closest = available.map { ($0, NameFolding.editDistance(key, NameFolding.key($0))) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
            return "\(panel) has no indicator '\(name)' (it has \(available.count)); closest: \(closest.joined(separator: ", "))"
        case let .unknownIndicator(name, panel, available):
            return "\(panel) has no indicator '\(name)'; indicators: \(available.joined(separator: ", "))"
        case let .unknownPeriod(period, panel, available):
            return "\(panel) has no data for \(period); periods: \(Self.listed(available))"
        case let .unitNotInPanel(unit, panel):
            return "\(panel) has no values for \(unit)"
        case let .emptyPanel(panel):
            return "\(panel) holds no values: it has no units, periods or indicators"
        case let .noIndicatorGiven(panel, available):
            return "\(panel) has several indicators (\(Self.listed(available)))"
        }
    }

    /// Lists longer than this are shortened in messages: a file of 3,000 indicators is not
    /// listed on one line.
    static let listedNames = 40

    /// The names, or the first and last few of a long list with the count.
    static func listed(_ names: [String]) -> String {
        guard names.count > listedNames else { return names.joined(separator: ", ") }
        return (names.prefix(5) + ["…"] + names.suffix(2)).joined(separator: ", ") + " (\(names.count) in all)"
    }

    public var remedy: Remedy? {
        if case .noIndicatorGiven = self { return .chooseIndicator }
        return nil
    }
}
