import ChisoNumerics

/// What the user can do about an error or a note, said as a change to the request rather than
/// as a flag: a program built on chiso renders it in its own terms, and the `chiso` command line
/// renders it as the option that applies it.
public enum Remedy: Sendable, Equatable {
    /// Say which decimal separator the numbers use (93,364 = 93.364, or 3.589 = 3589).
    case chooseDecimalSeparator
    /// Say how to combine values given twice for the same unit, period and indicator.
    case chooseDuplicatePolicy
    /// Read the units as the file's own units rather than as provinces.
    case declareCustomUnits
    /// Read the units as the 63 provinces before 1 July 2025.
    case declareProvinces63
    /// Say the layout of the table (long, indicators as columns, periods as columns).
    case declareLayout
    /// Give the period of a file that has no period column and no year in its name.
    case givePeriod
    /// Name one of the panel's indicators.
    case chooseIndicator
    /// Say where the folder of bundled datasets is.
    case locateDatasets
    /// Look at the list of bundled datasets.
    case listDatasets
    /// Look at the periods an indicator of a dataset covers.
    case showCoverage(dataset: String, indicator: String)
    /// Name at least two units to compare.
    case nameTwoUnits
    /// Give the target rate as a percentage from 0 to 100.
    case giveRateAsPercent
    /// Count bad rows and go on instead of stopping at the first.
    case countBadRows
    /// Name a records file's own columns, statuses or channels in a map file.
    case mapRecordNames
    /// Allow a workbook part to inflate to a larger size.
    case raiseWorkbookLimit
    /// Say which region system a region name belongs to.
    case chooseRegionSystem
    /// Say which row of a sheet is the table's header.
    case chooseHeaderRow
    /// Remove the workbooks imported into a dataset.
    case removeImports(dataset: String)
    /// Look at a dataset's coverage and where its values come from.
    case describeDataset(String)
    /// Name the group of units to rank (departments, districts…).
    case chooseGroup
    /// Name the indicator that is a scorecard's total.
    case chooseTotal
}

/// An error whose fix may be a change to the request: `remedy` says which, and `description`
/// says what is wrong and where without naming any option of a user interface.
public protocol RemediableError: ReportableError {
    /// The change to the request that fixes the error, when there is one.
    var remedy: Remedy? { get }
}

/// A note about what a load or an analysis did, with the change to the request that would make it
/// do otherwise.
public struct Note: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let remedy: Remedy?

    public init(_ text: String, remedy: Remedy? = nil) {
        self.text = text
        self.remedy = remedy
    }

    public var description: String { text }
}
