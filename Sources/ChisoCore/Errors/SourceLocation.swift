/// Where a value came from in an input file: file, 1-based line and 1-based CSV column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// The physical line where the record starts.
    public let line: Int
    /// The field's position in the record, when the location is a cell.
    public let column: Int?
    /// The header of that column, when known.
    public let columnName: String?

    public init(file: String, line: Int, column: Int? = nil, columnName: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
    }

    /// `file:line:column`, followed by the column's header in parentheses when known.
    public var description: String {
        var text = "\(file):\(line)"
        if let column { text += ":\(column)" }
        if let columnName, !columnName.isEmpty { text += " (column '\(columnName)')" }
        return text
    }
}
