import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Reads the workbooks VCCI (PCI) and CECODES/UNDP (PAPI) publish, in every layout generation:
/// a summary of totals, ranks and sub-indices (one row per province, or one pair of name and
/// value columns per indicator) and one sheet per sub-index. Every sheet is read with the sheet
/// reader (`TabularFile.sheet`), so titles, codes rows and footers are handled alike; a column is
/// imported when its header names an indicator of the index in any year's wording, and a value
/// goes to the province named in its own row or pair.
public struct OfficialWorkbookReader {
    public let registry: ProvinceRegistry

    public init(registry: ProvinceRegistry) {
        self.registry = registry
    }

    /// Reads `path` as a workbook of `index` for `year` (from the file name, else from the sheet
    /// names, when nil).
    /// - Throws: `DataError` for a file that is no workbook, no year, a province name that is no
    ///   province, a value that is no number.
    public func read(path: String, index: OfficialIndex, year requestedYear: Int? = nil, limits: WorkbookLimits = WorkbookLimits()) throws(DataError) -> OfficialWorkbookImport {
        let workbook = try Workbook(path: path, limits: limits)
        let fileName = (path as NSString).lastPathComponent
        var notes: [Note] = []
        let year = try self.year(fileName: fileName, sheets: workbook.sheetNames, requested: requestedYear, path: path, notes: &notes)
        var spellings: [String: (unit: String, first: SourceLocation, count: Int)] = [:]
        var sheets: [SheetValues] = []
        var skipped: [(String, String)] = []
        for (position, name) in workbook.sheetNames.enumerated() {
            let table: TabularFile
            do { table = try TabularFile.sheet(try workbook.sheet(at: position), decimal: nil) } catch {
                skipped.append((name, Self.reason(error)))
                continue
            }
            let cells: [SheetCell]
            do { cells = try self.cells(of: table, sheet: name, index: index) } catch let refusal as SheetRefusal {
                skipped.append((name, refusal.reason))
                continue
            } catch let error as DataError {
                throw error
            } catch {
                skipped.append((name, "\(error)"))
                continue
            }
            if cells.isEmpty {
                skipped.append((name, "no column of \(index.rawValue.uppercased()) totals, ranks or sub-indices"))
                continue
            }
            var values = SheetValues(name: name)
            for cell in cells {
                let unit = try resolve(cell.unitText, at: cell.unitLocation, spellings: &spellings)
                let text = cell.text.trimmingCharacters(in: .whitespaces)
                if NumberSyntax.isMissing(text) { continue }
                guard let number = NumberSyntax.parse(text, decimal: .point) else { throw .badNumber(at: cell.location, text: text, convention: "") }
                if cell.column == .rank {
                    guard number >= 1, number == number.rounded(), number < 1000 else { throw .badRank(at: cell.location, text: text) }
                }
                let indicator = cell.column == .rank ? index.totalIndicator : cell.indicator!
                let key = Key(unit: unit.code, indicator: indicator, isRank: cell.column == .rank)
                if values.cells[key] == nil {
                    values.order.append(key)
                    values.cells[key] = (unit, number, "\(fileName)[\(name)]!\(Worksheet.columnName(cell.location.column ?? 1))\(cell.location.line)")
                }
            }
            sheets.append(values)
        }
        // A sheet whose values contradict the other sheets' holds other figures (the English
        // summary of PCI 2014 and 2016 is 2013's): the sheet that disagrees most goes first, until
        // every sheet left agrees with the others on most cells they share.
        while let worst = Self.mostContradicting(sheets) {
            let sheet = sheets.remove(at: worst.index)
            let found = worst.agreement
            skipped.append((sheet.name, "its values differ from the other sheets' in \(found.disagree) of \(found.disagree + found.agree) cells they share (e.g. \(found.example)): it holds other figures, such as another year's"))
        }
        var collected: [Key: ImportedValue] = [:]
        var order: [Key] = []
        var disagreements: [Disagreement: (count: Int, example: String)] = [:]
        var read: [(String, String)] = []
        for sheet in sheets {
            var imported: [String: Int] = [:]
            for key in sheet.order {
                let (unit, number, source) = sheet.cells[key]!
                let valueKey = Key(unit: key.unit, indicator: key.indicator, isRank: false)
                var entry = collected[valueKey] ?? ImportedValue(unit: unit, year: year, indicator: key.indicator, value: nil, rank: nil, source: source)
                if collected[valueKey] == nil { order.append(valueKey) }
                if key.isRank {
                    if let rank = entry.rank, rank != Int(number) {
                        disagreements[Disagreement(indicator: "rank", kept: Self.sheet(of: entry.source), other: sheet.name), default: (0, "\(unit.name) \(rank) vs \(Int(number))")].count += 1
                    } else if entry.rank == nil {
                        entry.rank = Int(number)
                    }
                } else if let value = entry.value {
                    if abs(value - number) > Self.tolerance {
                        disagreements[Disagreement(indicator: key.indicator, kept: Self.sheet(of: entry.source), other: sheet.name),
                                      default: (0, "\(unit.name) \(DecimalText.shortest(value)) vs \(DecimalText.shortest(number))")].count += 1
                    }
                } else {
                    entry.value = number
                    entry.source = source
                }
                collected[valueKey] = entry
                imported[key.isRank ? "rank" : key.indicator, default: 0] += 1
            }
            read.append((sheet.name, imported.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        }
        for (spelling, found) in spellings.sorted(by: { $0.key < $1.key }) {
            notes.append(Note("\(found.first): '\(spelling)' read as \(found.unit), one letter apart (\(found.count) cells)"))
        }
        for (key, found) in disagreements.sorted(by: { ($0.key.indicator, $0.key.other) < ($1.key.indicator, $1.key.other) }) {
            notes.append(Note("\(fileName): \(found.count) \(key.indicator) values of sheet '\(key.other)' differ from sheet '\(key.kept)' (e.g. \(found.example)); those of '\(key.kept)' are kept"))
        }
        var values = order.map { collected[$0]! }
        if index == .papi { values += derivedPAPITotals(values, year: year, fileName: fileName, notes: &notes) }
        return OfficialWorkbookImport(file: path, index: index, year: year, values: values, sheetsRead: read, sheetsSkipped: skipped, notes: notes)
    }

    /// Two sheets that give one indicator differently.
    private struct Disagreement: Hashable {
        let indicator: String
        let kept: String
        let other: String
    }

    /// The sheet of a source `file[sheet]!A1`.
    private static func sheet(of source: String) -> String {
        guard let open = source.firstIndex(of: "["), let close = source.lastIndex(of: "]"), open < close else { return source }
        return String(source[source.index(after: open)..<close])
    }

    /// One cell to import: the province's name and where it is, the value's text and where it is.
    private struct SheetCell {
        let unitText: String
        let unitLocation: SourceLocation
        let text: String
        let location: SourceLocation
        let column: OfficialIndex.Column
        var indicator: String? { if case let .indicator(id) = column { return id }; return nil }
    }

    /// A sheet that holds nothing to import, and why.
    private struct SheetRefusal: Error {
        let reason: String
    }

    /// The cells of a sheet's table that an indicator column holds, each with its province: the
    /// row's name in a table of one province per row, the pair's name in a paired summary.
    private func cells(of table: TabularFile, sheet: String, index: OfficialIndex) throws -> [SheetCell] {
        let subIndex = index.sheetIndicator(sheet)
        // A sub-index sheet: only its score column ("Điểm chỉ số thành phần", "Sub-Index3"),
        // whatever its sub-indicators' headers say; a column named for the sub-index itself when
        // no score column is named so.
        let headers = table.header == ["unit", "indicator", "value"] ? Set(table.records.map { table.field($0, 1) }).sorted() : table.header
        let scoreNamed = headers.contains { index.isSubIndexScore(header: $0) }
        func meaning(_ header: String) -> OfficialIndex.Column? {
            if let subIndex {
                let isScore = scoreNamed ? index.isSubIndexScore(header: header) : index.column(header: header) == .indicator(subIndex)
                return isScore ? .indicator(subIndex) : nil
            }
            return index.column(header: header)
        }
        if table.header == ["unit", "indicator", "value"] {
            // Pairs of (name, value) columns, rearranged by the sheet reader into rows.
            var chosen: [String: OfficialIndex.Column] = [:]
            var taken: Set<OfficialIndex.Column> = []
            for header in headers {
                guard let column = meaning(header), !taken.contains(column) else { continue }
                chosen[header] = column
                taken.insert(column)
            }
            return table.records.compactMap { record in
                chosen[table.field(record, 1)].map { column in
                    SheetCell(unitText: table.field(record, 0), unitLocation: table.location(record, 0), text: table.field(record, 2),
                              location: table.location(record, 2), column: column)
                }
            }
        }
        guard let unitColumn = provinceColumn(table) else { throw SheetRefusal(reason: "no column of province names") }
        var columns: [(Int, OfficialIndex.Column)] = []
        for column in table.header.indices where column != unitColumn {
            guard let meaning = meaning(table.header[column]), !columns.contains(where: { $0.1 == meaning }) else { continue }
            columns.append((column, meaning))
        }
        var cells: [SheetCell] = []
        for record in table.records {
            let name = table.field(record, unitColumn)
            if name.isEmpty { continue }
            for (column, meaning) in columns {
                cells.append(SheetCell(unitText: name, unitLocation: table.location(record, unitColumn), text: table.field(record, column),
                                       location: table.location(record, column), column: meaning))
            }
        }
        return cells
    }

    /// The column most of whose cells name provinces, skipping row numbers and IDs.
    private func provinceColumn(_ table: TabularFile) -> Int? {
        table.header.indices.first { column in
            guard !table.isRowNumberColumn(column) else { return false }
            let names = table.records.map { table.field($0, column) }.filter { !$0.isEmpty }
            guard !names.isEmpty, names.allSatisfy({ NumberSyntax.evidence($0) == .notANumber }) else { return false }
            let known = names.filter { (try? registry.provinces63.resolve($0)) != nil }.count
            return known * 10 >= names.count * 8
        }
    }

    /// The province a workbook's spelling names; a spelling one letter away from a single
    /// province's name ("Haải Dương") is read as that province and said in a note.
    private func resolve(_ text: String, at location: SourceLocation, spellings: inout [String: (unit: String, first: SourceLocation, count: Int)]) throws(DataError) -> AdministrativeUnit {
        do throws(UnitLookupError) { return try registry.provinces63.resolve(text) } catch {
            let key = NameFolding.key(text)
            let close = registry.provinces63.units.filter { key.count >= 6 && NameFolding.editDistance(key, NameFolding.key($0.name)) <= 1 }
            if close.count == 1 {
                spellings[text, default: (close[0].name, location, 0)].count += 1
                return close[0]
            }
            throw .unknownUnit(at: location, lookup: error)
        }
    }

    /// The workbook's year: the one asked for, else the file name's, else the one year the sheet
    /// names give; sheet names that say another year than the file name are noted.
    private func year(fileName: String, sheets: [String], requested: Int?, path: String, notes: inout [Note]) throws(DataError) -> Int {
        let sheetYears = Set(sheets.compactMap { PanelLoader.year(inFileName: $0) ?? Self.leadingYear($0) })
        if let requested { return requested }
        if let fileYear = PanelLoader.year(inFileName: fileName) {
            for other in sheetYears.sorted() where other != fileYear {
                notes.append(Note("\(fileName): a sheet name says \(other), the file name \(fileYear); read as \(fileYear)"))
            }
            return fileYear
        }
        if sheetYears.count == 1 { return sheetYears.first! }
        throw .noPeriod(file: path)
    }

    /// "2012PAPI- Bảng tổng hợp" → 2012: a year that starts a sheet name.
    private static func leadingYear(_ name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(digits), (1990...2100).contains(year) else { return nil }
        return year
    }

    private static func reason(_ error: any Error) -> String {
        let text = (error as? DataError)?.description ?? "\(error)"
        return text.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
    }
}
