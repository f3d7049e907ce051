import ChisoCore

/// One value read from an official workbook, with the cell it came from.
public struct ImportedValue: Sendable, Equatable {
    public let unit: AdministrativeUnit
    public let year: Int
    public let indicator: String
    /// Nil for a cell that only carries a published rank.
    public var value: Double?
    public var rank: Int?
    /// `PCI 2016.xlsx[Summary_VN]!E2`: the file, sheet and cell.
    public var source: String
    /// How the value was obtained when it is not a cell as written (a sum of dimensions).
    public var note: String?

    public init(unit: AdministrativeUnit, year: Int, indicator: String, value: Double?, rank: Int?, source: String, note: String? = nil) {
        self.unit = unit
        self.year = year
        self.indicator = indicator
        self.value = value
        self.rank = rank
        self.source = source
        self.note = note
    }
}

/// Everything read from one official workbook.
public struct OfficialWorkbookImport: Sendable {
    public let file: String
    public let index: OfficialIndex
    public let year: Int
    public let values: [ImportedValue]
    /// Sheets read, with what was taken from each; sheets skipped, with why.
    public let sheetsRead: [(name: String, detail: String)]
    public let sheetsSkipped: [(name: String, reason: String)]
    /// What the reading decided: names read with a spelling fix, values two sheets give
    /// differently, a year the sheet names contradict, totals derived.
    public let notes: [Note]

    public init(file: String, index: OfficialIndex, year: Int, values: [ImportedValue], sheetsRead: [(name: String, detail: String)],
                sheetsSkipped: [(name: String, reason: String)], notes: [Note]) {
        self.file = file
        self.index = index
        self.year = year
        self.values = values
        self.sheetsRead = sheetsRead
        self.sheetsSkipped = sheetsSkipped
        self.notes = notes
    }
}
