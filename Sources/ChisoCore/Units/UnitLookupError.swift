import ChisoNumerics

/// A unit name that a unit system cannot resolve.
public enum UnitLookupError: RemediableError, Equatable {
    /// No unit has this name, code or alias; `suggestions` are the closest names.
    case unknown(name: String, system: String, suggestions: [String])
    /// The spelling fits several units (an abbreviation shared by two provinces).
    case ambiguous(name: String, system: String, candidates: [String])
    /// A region name that is not one of the system's regions.
    case unknownRegion(name: String, regions: [String])
    /// A region name of both region systems, with different provinces.
    case ambiguousRegion(name: String, options: [String])

    public var description: String {
        switch self {
        case let .unknown(name, system, suggestions):
            let hint = suggestions.isEmpty ? "" : "; closest: " + suggestions.joined(separator: ", ")
            return "unknown unit '\(name)' in \(system)\(hint)"
        case let .ambiguous(name, system, candidates):
            return "'\(name)' is ambiguous in \(system): it fits " + candidates.joined(separator: ", ") + "; write the full name or the code"
        case let .unknownRegion(name, regions):
            return "unknown region '\(name)'; regions: " + regions.joined(separator: ", ")
        case let .ambiguousRegion(name, options):
            return "'\(name)' names a region in both region systems: " + options.joined(separator: "; ") + "; choose the system"
        }
    }

    public var remedy: Remedy? {
        if case .ambiguousRegion = self { return .chooseRegionSystem }
        return nil
    }
}
