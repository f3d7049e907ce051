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
        case let .unknownIndicator(name, panel, available):
            return "\(panel) has no indicator '\(name)'; indicators: \(available.joined(separator: ", "))"
        case let .unknownPeriod(period, panel, available):
            return "\(panel) has no data for \(period); periods: \(available.joined(separator: ", "))"
        case let .unitNotInPanel(unit, panel):
            return "\(panel) has no values for \(unit)"
        case let .emptyPanel(panel):
            return "\(panel) holds no values: it has no units, periods or indicators"
        case let .noIndicatorGiven(panel, available):
            return "\(panel) has several indicators (\(available.joined(separator: ", ")))"
        }
    }

    public var remedy: Remedy? {
        if case .noIndicatorGiven = self { return .chooseIndicator }
        return nil
    }
}
