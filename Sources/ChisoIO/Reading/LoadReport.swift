import ChisoCore

/// What a load did beyond storing values: everything skipped, empty or merged is counted here
/// and shown on stderr, so nothing disappears silently.
public struct LoadReport: Sendable, Equatable {
    /// The dataset or file name.
    public var source: String
    /// Data rows read.
    public var rows = 0
    /// Values stored.
    public var values = 0
    /// Cells with no value (empty or a missing marker), kept as missing.
    public var missingValues = 0
    /// Of those, cells that carry a published rank.
    public var rankOnly = 0
    /// Empty lines skipped.
    public var blankLines = 0
    /// Columns not read, with the reason.
    public var ignoredColumns: [String] = []
    /// Files of a folder that were not read, with the reason.
    public var skippedFiles: [String] = []
    /// Duplicate cells resolved by `--on-duplicate`.
    public var duplicatesResolved = 0
    /// How the unit system was chosen, when it was detected.
    public var unitSystemNote: Note?
    /// What reading a sheet's layout decided, and where a period came from.
    public var layoutNotes: [Note] = []

    public init(source: String) {
        self.source = source
    }

    /// One note per noteworthy fact, for stderr.
    public var notes: [Note] {
        var lines: [Note] = layoutNotes
        if missingValues > 0 {
            let ranked = rankOnly > 0 ? ", \(rankOnly) of them with a published rank" : ""
            lines.append(Note("\(source): \(missingValues) cells without a value kept as missing\(ranked)"))
        }
        if blankLines > 0 { lines.append(Note("\(source): \(blankLines) empty lines skipped")) }
        for column in ignoredColumns { lines.append(Note("\(source): column \(column) not read")) }
        for file in skippedFiles { lines.append(Note("\(source): \(file) not read")) }
        if duplicatesResolved > 0 { lines.append(Note("\(source): \(duplicatesResolved) duplicate cells resolved by the duplicate policy")) }
        if let unitSystemNote { lines.append(Note("\(source): \(unitSystemNote.text)", remedy: unitSystemNote.remedy)) }
        return lines
    }

    /// Adds the counts of another report (a file of a folder).
    mutating func absorb(_ other: LoadReport) {
        rows += other.rows
        values += other.values
        missingValues += other.missingValues
        rankOnly += other.rankOnly
        blankLines += other.blankLines
        ignoredColumns += other.ignoredColumns
        skippedFiles += other.skippedFiles
        duplicatesResolved += other.duplicatesResolved
        layoutNotes += other.layoutNotes
    }
}
