import ChisoCore
import ChisoSpreadsheets

/// The shape of a table of indicator values.
public enum TableLayout: String, Sendable, CaseIterable {
    /// `unit,period,indicator,value` rows (plus optional `rank`, `max`, `source`, `note`).
    case long
    /// One row per unit (and period), one column per indicator.
    case wideIndicators = "wide-indicators"
    /// One row per unit (and indicator), one column per period.
    case wideYears = "wide-years"
}

/// What to do when a file gives the same (unit, period, indicator) more than once.
public enum DuplicatePolicy: String, Sendable, CaseIterable {
    case first
    case last
    case mean
}

/// Which unit system a file's unit names belong to.
public enum UnitSystemChoice: String, Sendable, CaseIterable {
    /// Provinces when the names resolve as provinces, the file's own units when none do.
    case auto
    /// The 63 provinces before 1 July 2025.
    case provinces63 = "provinces-63"
    /// The 34 provinces from 1 July 2025.
    case provinces34 = "provinces-34"
    /// The distinct names in the file, as written.
    case custom
}

/// How to read a file; every field left nil is detected, and detection refuses to guess.
public struct ReadOptions: Sendable {
    public var layout: TableLayout?
    public var decimal: DecimalSeparator?
    public var separator: UInt8?
    public var onDuplicate: DuplicatePolicy?
    public var units: UnitSystemChoice
    /// A CSV whose first two columns map codes used in the file (P01) to unit names (Hanoi).
    public var unitCodebook: String?
    /// The period of a wide file that has no period column and no year in its name.
    public var period: Period?
    /// The indicator of a years-as-columns file that has no indicator column.
    public var indicator: String?
    /// The sheet of a workbook (`.xlsx` or `.xls`), by name or 1-based position (default: the first).
    public var sheet: String?
    /// The 1-based row of a sheet that holds the table's header (default: found from the layout).
    public var headerRow: Int?
    /// How large a workbook may be, or inflate to.
    public var workbookLimits: WorkbookLimits
    /// Threads that read a large CSV file (one per core by default).
    public var threads: Int

    public init(layout: TableLayout? = nil, decimal: DecimalSeparator? = nil, separator: UInt8? = nil,
                onDuplicate: DuplicatePolicy? = nil, units: UnitSystemChoice = .auto, unitCodebook: String? = nil,
                period: Period? = nil, indicator: String? = nil, sheet: String? = nil, headerRow: Int? = nil,
                workbookLimits: WorkbookLimits = WorkbookLimits(), threads: Int = ParallelWork.processorCount) {
        self.threads = max(1, threads)
        self.layout = layout
        self.decimal = decimal
        self.separator = separator
        self.onDuplicate = onDuplicate
        self.units = units
        self.unitCodebook = unitCodebook
        self.period = period
        self.indicator = indicator
        self.sheet = sheet
        self.headerRow = headerRow
        self.workbookLimits = workbookLimits
    }
}
