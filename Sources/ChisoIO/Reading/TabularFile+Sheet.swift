import ChisoCore
import ChisoSpreadsheets
extension TabularFile {
    /// A worksheet as a table, in the shapes provinces publish: the header is the first row with
    /// two or more cells (title rows above it are skipped); a header with cells merged across
    /// columns over a second header row becomes one row of "group sub-column" names; empty rows
    /// are counted as blank. Numbers stored as text (`93,364`, `91,43%`) are read with `decimal`,
    /// or with the convention the text cells show, and every number is written with a decimal
    /// point, so the table is then read with `.point`. Record lines are the sheet's row numbers.
    public static func sheet(_ sheet: Worksheet, decimal: DecimalSeparator?) throws(DataError) -> TabularFile {
        let rowNumbers = sheet.rows.keys.sorted()
        func text(_ row: Int, _ column: Int) -> String { sheet.rows[row]?[column]?.text.trimmingCharacters(in: .whitespaces) ?? "" }
        func filled(_ row: Int) -> [Int] { (sheet.rows[row] ?? [:]).filter { !$0.value.text.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.key) }
        guard let headerRow = rowNumbers.first(where: { filled($0).count >= 2 }) else {
            throw .emptyFile(file: sheet.displayName)
        }
        // The table is as wide as its rightmost non-empty cell.
        let width = rowNumbers.lazy.compactMap { filled($0).max() }.max() ?? 1
        let dataRows = rowNumbers.filter { $0 > headerRow }
        guard width * max(1, dataRows.count) <= Self.maximumSheetCells else {
            throw .tooLarge(path: sheet.displayName, reason: "the sheet spans \(dataRows.count) rows × \(width) columns (to column \(Worksheet.columnName(width))), too many cells to read as a table; delete stray cells beyond the table")
        }
        let groups = sheet.merges.filter { $0.rows.lowerBound == headerRow && $0.columns.count > 1 }
        let subRow = headerRow + 1
        let twoRows = !groups.isEmpty && groups.contains { group in group.columns.contains { !text(subRow, $0).isEmpty } }
        var header: [String] = []
        for column in 1...width {
            let group = groups.first { $0.columns.contains(column) }
            let top = text(headerRow, group?.columns.lowerBound ?? column)
            let sub = twoRows ? text(subRow, column) : ""
            header.append(sub.isEmpty ? top : top.isEmpty ? sub : top + " " + sub)
        }
        let firstData = twoRows ? subRow + 1 : subRow
        var convention = decimal
        if convention == nil { convention = try textConvention(sheet, from: firstData) }
        var records: [CSVRecord] = []
        var blank = 0
        var expected = firstData
        for row in rowNumbers where row >= firstData {
            // Rows absent from the sheet's XML are empty rows too.
            blank += row - expected
            expected = row + 1
            let fields = (1...width).map { column -> String in
                guard let cell = sheet.rows[row]?[column] else { return "" }
                if cell.isNumber { return cell.text }
                if let convention, let value = NumberSyntax.parse(cell.text, decimal: convention) { return Worksheet.decimal(value) }
                return cell.text
            }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { blank += 1; continue }
            records.append(CSVRecord(line: row, fields: fields))
        }
        return TabularFile(displayName: sheet.displayName, header: header, records: records, blankLines: blank)
    }

    /// The most cells a sheet read as a table may span (rows with data × columns).
    static let maximumSheetCells = 20_000_000

    /// The decimal separator that numbers stored as text show, nil when none is a number;
    /// refuses to guess when the only evidence is ambiguous, like the CSV readers.
    private static func textConvention(_ sheet: Worksheet, from firstRow: Int) throws(DataError) -> DecimalSeparator? {
        var decided: Set<DecimalSeparator> = []
        var ambiguous: (row: Int, column: Int, text: String)?
        for row in sheet.rows.keys.sorted() where row >= firstRow {
            for (column, cell) in sheet.rows[row]!.sorted(by: { $0.key < $1.key }) where !cell.isNumber {
                switch NumberSyntax.evidence(cell.text) {
                case let .decided(separator): decided.insert(separator)
                case .ambiguous: if ambiguous == nil { ambiguous = (row, column, cell.text) }
                default: break
                }
            }
        }
        if decided.count == 1 { return decided.first }
        if let ambiguous, decided.isEmpty {
            throw .ambiguousDecimal(at: SourceLocation(file: sheet.displayName, line: ambiguous.row, column: ambiguous.column), text: ambiguous.text)
        }
        return nil
    }
}
