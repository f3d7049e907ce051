import ChisoCore
import ChisoSpreadsheets

/// The layout of summary sheets that list each indicator as its own pair of columns — names, then
/// values — each pair sorted by its own value, so that a row holds a different province in every
/// pair (the PCI summaries of 2011–2016). Reading the first name column as the unit of every
/// value would put values on the wrong provinces; each value belongs to the name beside it.
struct PairedColumns {
    /// (name column, value column) pairs, 1-based sheet columns.
    let pairs: [(name: Int, value: Int)]
    /// Columns of the table in no pair (row numbers, text), for the notes.
    let unpaired: [Int]

    /// The pairs of a sheet's table, or nil when its rows are one unit each. Name columns are
    /// columns of distinct texts; the layout is paired when two of them hold the same names in a
    /// different order. Each column of numbers belongs to the nearest name column on its left.
    static func detect(_ sheet: Worksheet, _ layout: SheetLayout) -> PairedColumns? {
        let rows = layout.dataRows
        guard rows.count >= 3 else { return nil }
        var names: [(column: Int, keys: [String])] = []
        var numeric: [Int] = []
        for column in 1...layout.width {
            let cells = rows.map { SheetLayout.text(sheet, $0, column) }.enumerated().filter { !$0.element.isEmpty }
            guard cells.count * 2 >= rows.count else { continue }
            let numbers = cells.filter { SheetLayout.isNumeric(sheet, rows[$0.offset], column) || NumberSyntax.isMissing($0.element) }.count
            if numbers * 10 >= cells.count * 8 { numeric.append(column); continue }
            let keys = rows.map { NameFolding.key(SheetLayout.text(sheet, $0, column)) }
            let distinct = Set(keys.filter { !$0.isEmpty })
            if numbers == 0 && distinct.count * 10 >= cells.count * 8 { names.append((column, keys)) }
        }
        guard let first = names.first else { return nil }
        let firstSet = Set(first.keys.filter { !$0.isEmpty })
        let reordered = names.dropFirst().contains { other in
            let otherSet = Set(other.keys.filter { !$0.isEmpty })
            let shared = firstSet.intersection(otherSet).count
            guard shared * 10 >= max(firstSet.count, otherSet.count) * 8 else { return false }
            let sameRow = zip(first.keys, other.keys).filter { $0 == $1 && !$0.isEmpty }.count
            return sameRow * 2 < rows.count
        }
        guard reordered else { return nil }
        var pairs: [(name: Int, value: Int)] = []
        var unpaired: [Int] = []
        let nameColumns = names.map(\.column)
        for column in numeric {
            if let name = nameColumns.last(where: { $0 < column }) { pairs.append((name, column)) } else { unpaired.append(column) }
        }
        for column in 1...layout.width where !numeric.contains(column) && !nameColumns.contains(column) {
            if rows.contains(where: { !SheetLayout.text(sheet, $0, column).isEmpty }) { unpaired.append(column) }
        }
        return PairedColumns(pairs: pairs, unpaired: unpaired.sorted())
    }
}
