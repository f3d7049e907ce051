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
    /// Cells that say a value is missing ("KCDL", "-", "N/A"), by what they say.
    public var missingMarkers: [String: Int] = [:]
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
        if !missingMarkers.isEmpty {
            let counts = missingMarkers.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "'\($0.key)' \($0.value)" }.joined(separator: ", ")
            lines.append(Note("\(source): cells marked as having no value, read as missing: \(counts)"))
        }
        if blankLines > 0 { lines.append(Note("\(source): \(blankLines) empty lines skipped")) }
        for column in ignoredColumns { lines.append(Note("\(source): column \(column) not read")) }
        for file in skippedFiles { lines.append(Note("\(source): \(file) not read")) }
        if duplicatesResolved > 0 { lines.append(Note("\(source): \(duplicatesResolved) duplicate cells resolved by the duplicate policy")) }
        if let unitSystemNote { lines.append(Note("\(source): \(unitSystemNote.text)", remedy: unitSystemNote.remedy)) }
        return lines
    }

    /// Counts a cell's text when it marks a missing value rather than being empty.
    mutating func countMarker(_ text: String) {
        let trimmed = text.trimmingSpaces
        if !trimmed.isEmpty && NumberSyntax.isMissing(trimmed) { missingMarkers[trimmed, default: 0] += 1 }
    }

    /// Adds the counts of another report (a file of a folder).
    mutating func absorb(_ other: LoadReport) {
        rows += other.rows
        values += other.values
        missingValues += other.missingValues
        rankOnly += other.rankOnly
        missingMarkers.merge(other.missingMarkers, uniquingKeysWith: +)
        blankLines += other.blankLines
        ignoredColumns += other.ignoredColumns
        skippedFiles += other.skippedFiles
        duplicatesResolved += other.duplicatesResolved
        layoutNotes += other.layoutNotes
    }
}
