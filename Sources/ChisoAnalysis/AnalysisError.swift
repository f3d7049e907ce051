import ChisoCore
import ChisoNumerics

/// A request the data cannot answer, said in terms of units, indicators and periods.
public enum AnalysisError: RemediableError, Equatable {
    /// No unit has a value of the indicator in the period asked for.
    case noValues(indicator: String, period: String, panel: String)
    /// The indicator has no values at all in the range the analysis needs.
    case noData(panel: String, indicator: String)

    public var description: String {
        switch self {
        case let .noValues(indicator, period, panel):
            return "\(panel) has no values of \(indicator) for \(period)"
        case let .noData(panel, indicator):
            return "\(panel) has no values of \(indicator) in the requested range"
        }
    }

    public var remedy: Remedy? {
        if case let .noValues(indicator, _, panel) = self { return .showCoverage(dataset: panel, indicator: indicator) }
        return nil
    }
}

extension Panel {
    /// The index of `year`, or without one the latest period in which any of `units` has a value
    /// of `indicator`; `subject` names what was looked for in the error.
    func yearIndex(_ year: Int?, latestFor units: [Int], indicator: Int, subject: String) throws -> Int {
        if let year {
            guard let found = periodIndex(.year(year)) else {
                throw PanelQueryError.unknownPeriod(period: String(year), panel: name, available: periods.map(\.description))
            }
            return found
        }
        guard let latest = periods.indices.last(where: { p in units.contains { !value(unit: $0, period: p, indicator: indicator).isNaN } }) else {
            throw AnalysisError.noData(panel: name, indicator: subject)
        }
        return latest
    }

    /// The indicator to analyse: the one named, else the first of a declared catalog
    /// (the dataset's headline index), else the only one.
    public func resolveIndicator(_ name: String?) throws(PanelQueryError) -> Int {
        if units.isEmpty || periods.isEmpty || indicators.isEmpty { throw .emptyPanel(panel: self.name) }
        if let name {
            guard let index = indicatorIndex(name) else {
                throw .unknownIndicator(name: name, panel: self.name, available: indicators.map(\.id))
            }
            return index
        }
        if indicators.count == 1 || indicators.first?.measure != .unspecified { return 0 }
        throw .noIndicatorGiven(panel: self.name, available: indicators.map(\.id))
    }

    /// Whether every unit of the unit system has a value in the period.
    func isComplete(period: Int, indicator: Int, among unitIndices: [Int]) -> Bool {
        unitIndices.allSatisfy { !value(unit: $0, period: period, indicator: indicator).isNaN }
    }
}
