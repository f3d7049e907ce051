import ChisoCore

/// A bundled dataset's page facts joined with the values imported from official workbooks: where
/// both give a cell, the workbook wins, and every difference beyond rounding is listed.
public struct ImportMerge: Sendable {
    /// A cell where an imported value (or rank) and a bundled page figure differ beyond rounding.
    public struct Disagreement: Sendable, Equatable {
        public let unit: String
        public let period: String
        public let indicator: String
        /// `value` or `rank`.
        public let field: String
        public let bundled: String
        public let imported: String
        public let bundledSource: String
        public let importedSource: String
    }

    /// The workbooks imported.
    public let entries: [ImportStore.Entry]
    /// Cells with an imported value or rank.
    public let importedCells: Int
    /// Of those, cells a bundled page figure also gave.
    public let replacedCells: Int
    public let disagreements: [Disagreement]

    /// The bundled long table (`unit,period,indicator,value,rank,max,source,rank_source,note`) with
    /// the imported rows (`unit,period,indicator,value,rank,source,note`) laid over it: imported
    /// values and ranks replace bundled ones cell by cell, and a bundled rank stays where the
    /// workbook gives none.
    static func merge(bundled: TabularFile, imported: TabularFile, entries: [ImportStore.Entry], registry: ProvinceRegistry) throws(DataError) -> (TabularFile, ImportMerge) {
        func key(_ table: TabularFile, _ record: CSVRecord) throws(DataError) -> String {
            let unit = table.field(record, 0)
            let code: String
            do throws(UnitLookupError) { code = try registry.provinces63.resolve(unit).code } catch {
                throw .unknownUnit(at: table.location(record, 0), lookup: error)
            }
            return "\(code)|\(table.field(record, 1))|\(table.field(record, 2))"
        }
        var positions: [String: Int] = [:]
        var rows = bundled.records.map { record in bundled.header.indices.map { bundled.field(record, $0) } }
        for (index, record) in bundled.records.enumerated() { positions[try key(bundled, record)] = index }
        var replaced = 0
        var disagreements: [Disagreement] = []
        for record in imported.records {
            let field = { (column: Int) in imported.field(record, column) }
            let (value, rank, source, note) = (field(3), field(4), field(5), field(6))
            let cell = try key(imported, record)
            guard let at = positions[cell] else {
                positions[cell] = rows.count
                rows.append([field(0), field(1), field(2), value, rank, "", source, "", note])
                continue
            }
            replaced += 1
            var row = rows[at]
            if !value.isEmpty, !row[3].isEmpty, !Self.agree(bundled: row[3], imported: value) {
                disagreements.append(Disagreement(unit: row[0], period: row[1], indicator: row[2], field: "value", bundled: row[3], imported: value,
                                                  bundledSource: row[6], importedSource: source))
            }
            if !rank.isEmpty, !row[4].isEmpty, rank != row[4] {
                disagreements.append(Disagreement(unit: row[0], period: row[1], indicator: row[2], field: "rank", bundled: row[4], imported: rank,
                                                  bundledSource: row[7].isEmpty ? row[6] : row[7], importedSource: source))
            }
            let bundledRankSource = row[7].isEmpty ? row[6] : row[7]
            let valueFromWorkbook = !value.isEmpty
            if valueFromWorkbook {
                row[3] = value
                row[6] = source
            }
            if !rank.isEmpty {
                row[4] = rank
                row[7] = valueFromWorkbook ? "" : source
            } else if !row[4].isEmpty {
                row[7] = valueFromWorkbook ? bundledRankSource : row[7]
            }
            if !note.isEmpty { row[8] = note }
            rows[at] = row
        }
        let records = rows.enumerated().map { CSVRecord(line: $0.offset + 2, fields: $0.element) }
        let table = TabularFile(displayName: bundled.displayName, header: bundled.header, records: records, blankLines: bundled.blankLines)
        return (table, ImportMerge(entries: entries, importedCells: imported.records.count, replacedCells: replaced, disagreements: disagreements))
    }

    /// Whether a workbook's value rounds to a page's figure at the page's precision (65.15 and 65.2).
    static func agree(bundled: String, imported: String) -> Bool {
        guard let page = Double(bundled), let workbook = Double(imported) else { return bundled == imported }
        let decimals = bundled.split(separator: ".").dropFirst().first?.count ?? 0
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return abs(workbook - page) <= 0.5 / scale + 1e-9
    }
}
