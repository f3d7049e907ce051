import ChisoCore
/// Reads the two wide layouts: indicators as columns (one row per unit, and per period when a
/// period column exists) and periods as columns (one row per unit, and per indicator when an
/// indicator column exists).
enum WideTableReader {
    /// Indicators as columns. Columns whose every non-empty cell is text (a region, a note)
    /// are not read and are reported. A scorecard as provinces publish it has a maximum column
    /// ("Điểm tối đa": each unit's own maximum, stated with every score of its row but the
    /// percentages) and may have a group column (departments, districts).
    static func indicatorColumns(_ table: TabularFile, options: ReadOptions, fallbackPeriod: Period?, report: inout LoadReport) throws(DataError) -> [Observation] {
        let unitColumn = try table.unitColumn()
        let periodColumn = table.column(named: ColumnRole.period)
        if periodColumn == nil && fallbackPeriod == nil { throw .noPeriod(file: table.displayName) }
        let maximumColumn = table.column(named: ColumnRole.maximum)
        let groupColumn = table.column(named: ColumnRole.group)
        var indicatorColumns: [Int] = []
        for column in table.header.indices where ![unitColumn, periodColumn, maximumColumn, groupColumn].contains(column) {
            if table.isRowNumberColumn(column) { report.ignoredColumns.append("'\(table.header[column])' (row numbers)"); continue }
            if table.header[column].isEmpty { report.ignoredColumns.append("\(column + 1) (no header)"); continue }
            let cells = table.records.map { table.field($0, column) }.filter { !NumberSyntax.isMissing($0) }
            if !cells.isEmpty && cells.allSatisfy({ NumberSyntax.evidence($0) == .notANumber }) {
                report.ignoredColumns.append("'\(table.header[column])' (text, not numbers)")
            } else {
                indicatorColumns.append(column)
            }
        }
        var cells: [NumericCell] = []
        for record in table.records {
            for column in indicatorColumns + [maximumColumn].compactMap({ $0 }) {
                cells.append(NumericCell(text: table.field(record, column), location: table.location(record, column)))
            }
        }
        let convention = try DecimalResolver.convention(for: cells, option: options.decimal)
        // Percentages are out of 100, not out of the unit's maximum.
        let percentColumns = Set(indicatorColumns.filter { ScoreKind.isPercentage(table.header[$0]) })
        var observations: [Observation] = []
        observations.reserveCapacity(table.records.count * indicatorColumns.count)
        for record in table.records {
            report.rows += 1
            let unitText = try unitName(table, record, unitColumn)
            let period = try table.period(of: record, column: periodColumn, fallback: fallbackPeriod)
            let maximum = try maximumColumn.map { column throws(DataError) in
                try DecimalResolver.value(of: NumericCell(text: table.field(record, column), location: table.location(record, column)), convention: convention)
            }
            let group = groupColumn.map { table.field(record, $0) }.flatMap { $0.isEmpty ? nil : $0 }
            for column in indicatorColumns {
                let location = table.location(record, column)
                let value = try DecimalResolver.value(of: NumericCell(text: table.field(record, column), location: location), convention: convention)
                report.countMarker(table.field(record, column))
                var provenance = CellProvenance(source: "\(location.file):\(location.line)")
                if let maximum, !maximum.isNaN, !percentColumns.contains(column) { provenance.maximum = maximum }
                observations.append(Observation(
                    unitText: unitText, unitLocation: table.location(record, unitColumn), period: period,
                    indicator: table.header[column], value: value, provenance: provenance, location: location, group: group))
            }
        }
        return observations
    }

    /// Periods as columns; the indicator comes from an indicator column, the option, or the file name.
    static func periodColumns(_ table: TabularFile, options: ReadOptions, fallbackIndicator: String, report: inout LoadReport) throws(DataError) -> [Observation] {
        let unitColumn = try table.unitColumn()
        let indicatorColumn = table.column(named: ColumnRole.indicator)
        var periodColumns: [(Int, Period)] = []
        for (column, name) in table.header.enumerated() where column != unitColumn && column != indicatorColumn {
            if table.isRowNumberColumn(column) { report.ignoredColumns.append("'\(name)' (row numbers)"); continue }
            if let period = Period(header: name) {
                periodColumns.append((column, period))
            } else {
                report.ignoredColumns.append("'\(name)' (not a period)")
            }
        }
        var cells: [NumericCell] = []
        for record in table.records {
            for (column, _) in periodColumns { cells.append(NumericCell(text: table.field(record, column), location: table.location(record, column))) }
        }
        let convention = try DecimalResolver.convention(for: cells, option: options.decimal)
        var observations: [Observation] = []
        for record in table.records {
            report.rows += 1
            let unitText = try unitName(table, record, unitColumn)
            let indicator = indicatorColumn.map { table.field(record, $0) } ?? options.indicator ?? fallbackIndicator
            if let indicatorColumn, indicator.isEmpty { throw .emptyField(at: table.location(record, indicatorColumn), role: "indicator") }
            for (column, period) in periodColumns {
                let location = table.location(record, column)
                let value = try DecimalResolver.value(of: NumericCell(text: table.field(record, column), location: location), convention: convention)
                report.countMarker(table.field(record, column))
                observations.append(Observation(
                    unitText: unitText, unitLocation: table.location(record, unitColumn), period: period,
                    indicator: indicator, value: value,
                    provenance: CellProvenance(source: "\(location.file):\(location.line)"), location: location))
            }
        }
        return observations
    }

    private static func unitName(_ table: TabularFile, _ record: CSVRecord, _ column: Int) throws(DataError) -> String {
        let text = table.field(record, column)
        if text.isEmpty { throw .emptyField(at: table.location(record, column), role: "unit") }
        return text
    }
}
