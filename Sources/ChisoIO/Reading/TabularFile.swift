import ChisoCore
import ChisoSpreadsheets
import Foundation

/// A CSV file or a worksheet read into a header and records, with the locations needed for error messages.
public struct TabularFile: Sendable {
    /// The file as the user named it (`-` reads standard input, shown as `<stdin>`).
    public let displayName: String
    /// Header fields, trimmed.
    public let header: [String]
    /// Data records after the header.
    public let records: [CSVRecord]
    /// Empty lines skipped by the tokenizer.
    public let blankLines: Int
    /// What reading a sheet's layout decided (where the header is, rows below the table not
    /// read, a layout rearranged), for the load notes.
    public let layoutNotes: [Note]
    /// The period a sheet's name or title gives, and where it says so, for a table with no
    /// period column.
    public let periodHint: (period: Period, origin: String)?
    /// `NameFolding.key` of each header, for matching column roles; empty for a header longer
    /// than any column name (a 50 MB header cell is data, not a name).
    private let headerKeys: [String]

    /// A table from parts already read; `header` is trimmed as given.
    public init(displayName: String, header: [String], records: [CSVRecord], blankLines: Int, layoutNotes: [Note] = [],
                periodHint: (period: Period, origin: String)? = nil) {
        self.displayName = displayName
        self.header = header
        self.records = records
        self.blankLines = blankLines
        self.layoutNotes = layoutNotes
        self.periodHint = periodHint
        headerKeys = header.map { $0.utf8.count <= 200 ? NameFolding.key($0) : "" }
    }

    /// Reads and tokenizes a CSV file.
    /// - Parameters:
    ///   - path: a file path, or `-` for standard input.
    ///   - separator: the separator byte, detected from the header when nil.
    /// - Throws: `DataError` for missing files, bad encodings, broken quoting and ragged rows, and
    ///   `.notATable` for a file that is not text (a workbook, a PDF, a Word document…).
    public static func read(path: String, separator: UInt8? = nil) throws(DataError) -> TabularFile {
        let displayName = path == "-" ? "<stdin>" : path
        let bytes = try InputFile.bytes(path)
        let kind = FileKind.detect(prefix: Array(bytes.prefix(1024)))
        if kind != .text {
            let refined = path == "-" ? kind : FileKind.detect(path: path)
            let (what, advice) = refined.refusal ?? ("a workbook", path == "-" ? "give its path instead of standard input" : "read it as a workbook")
            throw .notATable(path: displayName, what: what, advice: advice)
        }
        return try parse(bytes: bytes, displayName: displayName, separator: separator)
    }

    /// Tokenizes CSV bytes already in memory.
    public static func parse(bytes: [UInt8], displayName: String, separator: UInt8? = nil) throws(DataError) -> TabularFile {
        let body = try TextDecoding.utf8Body(of: bytes, file: displayName)
        let chosen = separator ?? CSVTokenizer.detectSeparator(body)
        let (records, blankLines) = try CSVTokenizer.records(body, separator: chosen, file: displayName)
        guard let headerRecord = records.first else { throw .emptyFile(file: displayName) }
        let header = headerRecord.fields.map { $0.trimmingSpaces }
        let data = Array(records.dropFirst())
        for record in data where record.fields.count != header.count {
            // A trailing separator that only adds empty fields is tolerated.
            let extra = record.fields.dropFirst(header.count)
            if record.fields.count > header.count && extra.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            throw .raggedRow(at: SourceLocation(file: displayName, line: record.line), expected: header.count, found: record.fields.count)
        }
        return TabularFile(displayName: displayName, header: header, records: data, blankLines: blankLines)
    }

    /// The trimmed field of `record` in `column`, empty when the row is short.
    public func field(_ record: CSVRecord, _ column: Int) -> String {
        column < record.fields.count ? record.fields[column].trimmingSpaces : ""
    }

    /// The location of a cell.
    public func location(_ record: CSVRecord, _ column: Int) -> SourceLocation {
        let sourceColumn = record.sourceColumns.flatMap { column < $0.count ? $0[column] : nil } ?? column + 1
        return SourceLocation(file: displayName, line: record.line, column: sourceColumn, columnName: column < header.count ? header[column] : nil)
    }

    /// The first column whose header matches one of `names` (compared by `NameFolding.key`), in the order of `names`.
    public func column(named names: [String]) -> Int? {
        for name in names {
            if let index = headerKeys.firstIndex(of: NameFolding.key(name)) { return index }
        }
        return nil
    }
}
