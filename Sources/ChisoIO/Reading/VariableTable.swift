import ChisoCore
import ChisoNumerics
import Foundation

/// Named numeric variables observed on the same rows: the input of a regression.
///
/// Read from a plain CSV (one column per variable, optional unit and period columns), the numbers
/// are kept to double-double precision exactly as written in decimal; joined from panels, a row
/// is one (unit, period) and a column one indicator. Missing values are NaN.
public struct VariableTable: Sendable {
    /// The file or datasets the table comes from.
    public let source: String
    /// Variable names, in file or catalog order.
    public let names: [String]
    /// One column per name; a value's `hi` is NaN when missing.
    public let columns: [[DoubleDouble]]
    /// The unit of each row, when the table has a unit column (fixed effects, clusters).
    public let units: [String]?
    /// The period of each row, when the table has a period column.
    public let periods: [String]?
    /// Columns not read because they hold text.
    public let textColumns: [String]

    public init(source: String, names: [String], columns: [[DoubleDouble]], units: [String]?, periods: [String]?, textColumns: [String] = []) {
        self.source = source
        self.names = names
        self.columns = columns
        self.units = units
        self.periods = periods
        self.textColumns = textColumns
    }

    /// Number of rows.
    public var rowCount: Int { columns.first?.count ?? units?.count ?? 0 }

    /// The column of a variable by name, ignoring case and diacritics.
    public func column(named name: String) -> Int? {
        if let exact = names.firstIndex(of: name) { return exact }
        let key = NameFolding.key(name)
        return names.firstIndex { NameFolding.key($0) == key }
    }

    /// Reads a CSV file or a workbook sheet whose columns are variables. A unit and a period column
    /// are recognised by their headers; text columns are set aside; numbers are read to
    /// double-double precision.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(DataError) -> VariableTable {
        let (table, decimalPoint) = try TabularFile.open(path: path, options: options)
        var options = options
        if decimalPoint { options.decimal = .point }
        let unitColumn = table.column(named: ColumnRole.unit)
        let periodColumn = table.column(named: ColumnRole.period)
        var numeric: [Int] = []
        var text: [String] = []
        for column in table.header.indices where column != unitColumn && column != periodColumn {
            let cells = table.records.map { table.field($0, column) }.filter { !NumberSyntax.isMissing($0) }
            if !cells.isEmpty && cells.allSatisfy({ NumberSyntax.evidence($0) == .notANumber }) {
                text.append(table.header[column])
            } else {
                numeric.append(column)
            }
        }
        var cells: [NumericCell] = []
        for record in table.records { for column in numeric { cells.append(NumericCell(text: table.field(record, column), location: table.location(record, column))) } }
        let convention = try DecimalResolver.convention(for: cells, option: options.decimal)
        var columns: [[DoubleDouble]] = []
        for column in numeric {
            var values: [DoubleDouble] = []
            values.reserveCapacity(table.records.count)
            for record in table.records {
                let text = table.field(record, column)
                if NumberSyntax.isMissing(text) { values.append(DoubleDouble(.nan)); continue }
                guard let plain = NumberSyntax.plainDecimal(text, decimal: convention), let value = DoubleDouble(decimal: plain) else {
                    throw .badNumber(at: table.location(record, column), text: text, convention: "decimal \(convention.rawValue)")
                }
                values.append(value)
            }
            columns.append(values)
        }
        return VariableTable(
            source: table.displayName, names: numeric.map { table.header[$0] }, columns: columns,
            units: unitColumn.map { c in table.records.map { table.field($0, c) } },
            periods: periodColumn.map { c in table.records.map { table.field($0, c) } }, textColumns: text)
    }

    /// Joins panels on (unit, period): one row per pair observed in any panel, one column per
    /// indicator. An indicator id that occurs in several panels is prefixed with the panel's name.
    public static func joining(_ panels: [Panel]) -> VariableTable {
        var rowKeys: [String: Int] = [:]
        var rows: [(unit: AdministrativeUnit, period: Period)] = []
        var allIds: [String: Int] = [:]
        for panel in panels { for indicator in panel.indicators { allIds[indicator.id, default: 0] += 1 } }
        var names: [String] = []
        var cells: [[(row: String, value: Double)]] = []
        for panel in panels {
            for (i, indicator) in panel.indicators.enumerated() {
                names.append(allIds[indicator.id]! > 1 ? "\(panel.name).\(indicator.id)" : indicator.id)
                var column: [(String, Double)] = []
                for u in panel.units.indices {
                    for p in panel.periods.indices {
                        let value = panel.value(unit: u, period: p, indicator: i)
                        guard !value.isNaN else { continue }
                        let key = "\(panel.units[u].code)|\(panel.periods[p])"
                        if rowKeys[key] == nil { rowKeys[key] = rows.count; rows.append((panel.units[u], panel.periods[p])) }
                        column.append((key, value))
                    }
                }
                cells.append(column)
            }
        }
        let order = rows.indices.sorted { (rows[$0].unit.code, rows[$0].period) < (rows[$1].unit.code, rows[$1].period) }
        var position = [Int](repeating: 0, count: rows.count)
        for (newIndex, oldIndex) in order.enumerated() { position[oldIndex] = newIndex }
        let columns = cells.map { column -> [DoubleDouble] in
            var values = [DoubleDouble](repeating: DoubleDouble(.nan), count: rows.count)
            for (key, value) in column { values[position[rowKeys[key]!]] = DoubleDouble(value) }
            return values
        }
        return VariableTable(
            source: panels.map(\.name).joined(separator: "+"), names: names, columns: columns,
            units: order.map { rows[$0].unit.name }, periods: order.map { rows[$0].period.description })
    }
}
