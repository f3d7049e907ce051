import ChisoCore
import ChisoSpreadsheets
extension TabularFile {
    /// A worksheet as a table, in the shapes provinces and index publishers lay them out
    /// (`SheetLayout`): title rows, a group row over the header, a row of variable codes and blank
    /// rows are skipped; footer rows (Min, Max, Trung vị, Tổng cộng, a repeated header or province,
    /// sources) and one-cell group headings are not records; all of it is said in `layoutNotes`.
    /// A summary whose indicators are pairs of (name, value) columns, each sorted by its own
    /// value, is read pair by pair into `unit,indicator,value` rows. Numbers stored as text
    /// (`93,364`, `91,43%`) are read with `decimal`, or with the convention the text cells show,
    /// and every number is written with a decimal point, so the table is then read with `.point`.
    /// Record lines are the sheet's row numbers; `headerRow` (1-based) overrides the header found.
    public static func sheet(_ sheet: Worksheet, decimal: DecimalSeparator?, headerRow: Int? = nil) throws(DataError) -> TabularFile {
        let layout = try SheetLayout.detect(sheet, headerRow: headerRow)
        guard layout.width * max(1, layout.dataRows.count) <= Self.maximumSheetCells else {
            throw .tooLarge(path: sheet.displayName, reason: "the sheet spans \(layout.dataRows.count) rows × \(layout.width) columns (to column \(Worksheet.columnName(layout.width))), too many cells to read as a table; delete stray cells beyond the table")
        }
        let header = layout.header
        var convention = decimal
        if convention == nil { convention = try textConvention(sheet, rows: layout.dataRows) }
        func value(_ row: Int, _ column: Int) -> String {
            guard let cell = sheet.rows[row]?[column] else { return "" }
            if cell.isNumber { return cell.text }
            if let convention, let number = NumberSyntax.parse(cell.text, decimal: convention) { return Worksheet.decimal(number) }
            return cell.text
        }
        var notes = layout.notes
        let period = periodHint(sheet, layout)
        if let paired = PairedColumns.detect(sheet, layout) {
            var records: [CSVRecord] = []
            for row in layout.dataRows {
                for (name, column) in paired.pairs {
                    let unit = SheetLayout.text(sheet, row, name)
                    guard !unit.isEmpty else { continue }
                    let indicator = [header[column - 1], header[name - 1]].first { !$0.isEmpty } ?? "column \(Worksheet.columnName(column))"
                    records.append(CSVRecord(line: row, fields: [unit, indicator, value(row, column)], sourceColumns: [name, column, column]))
                }
            }
            let shown = paired.pairs.prefix(3).map { "\(Worksheet.columnName($0.name))–\(Worksheet.columnName($0.value))" }.joined(separator: ", ")
            notes.append(Note("\(sheet.displayName): each indicator is its own pair of columns (name, value) sorted by its own value, so a row is not one unit: read pair by pair (\(paired.pairs.count) pairs: \(shown)\(paired.pairs.count > 3 ? ", …" : ""))"))
            if !paired.unpaired.isEmpty {
                notes.append(Note("\(sheet.displayName): columns \(paired.unpaired.map(Worksheet.columnName).joined(separator: ", ")) are in no pair and are not read"))
            }
            return TabularFile(displayName: sheet.displayName, header: ["unit", "indicator", "value"], records: records,
                               blankLines: layout.blankRows, layoutNotes: notes, periodHint: period)
        }
        let records = layout.dataRows.map { row in CSVRecord(line: row, fields: (1...layout.width).map { value(row, $0) }) }
        return TabularFile(displayName: sheet.displayName, header: header, records: records, blankLines: layout.blankRows,
                           layoutNotes: notes, periodHint: period)
    }

    /// The year a sheet's name or title gives ("2011_PAPI", "… NĂM 2023"), when it gives one.
    private static func periodHint(_ sheet: Worksheet, _ layout: SheetLayout) -> (period: Period, origin: String)? {
        if let year = PanelLoader.year(inFileName: sheet.name) { return (.year(year), "the sheet's name '\(sheet.name)'") }
        let titleYears = Set(layout.titleRows.flatMap { Self.years(in: $0.text) })
        if titleYears.count == 1, let year = titleYears.first, let title = layout.titleRows.first(where: { Self.years(in: $0.text).contains(year) }) {
            return (.year(year), "the title '\(title.text.count <= 60 ? title.text : String(title.text.prefix(59)) + "…")'")
        }
        return nil
    }

    /// Four-digit numbers from 1990 to 2100 standing alone in a text.
    private static func years(in text: String) -> [Int] {
        text.split(whereSeparator: { !$0.isNumber }).filter { $0.count == 4 }.compactMap { Int($0) }.filter { (1990...2100).contains($0) }
    }

    /// The most cells a sheet read as a table may span (rows with data × columns).
    static let maximumSheetCells = 20_000_000

    /// The decimal separator that numbers stored as text show, nil when none is a number;
    /// refuses to guess when the only evidence is ambiguous, like the CSV readers.
    private static func textConvention(_ sheet: Worksheet, rows: [Int]) throws(DataError) -> DecimalSeparator? {
        var decided: Set<DecimalSeparator> = []
        var ambiguous: (row: Int, column: Int, text: String)?
        for row in rows {
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
