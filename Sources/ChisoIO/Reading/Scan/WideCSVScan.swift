import ChisoCore
import Foundation

/// Reads a wide CSV file from its bytes: indicators as columns (a row per unit, and per period
/// with a period column) or periods as columns (a row per unit, and per indicator with an
/// indicator column). Columns are decided as `WideTableReader` decides them — row numbers and
/// unnamed columns not read, columns of text not read (indicators as columns), headers that are
/// not periods not read (periods as columns) — and every cell of the other columns is a value.
enum WideCSVScan {
    /// The rows of a wide CSV file, or nil when the general reader must read it.
    static func batch(_ source: CSVScan.Source, layout: TableLayout, options: ReadOptions, filter: PanelFilter, report: inout LoadReport) -> ObservationBatch? {
        let (header, table) = (source.header, source.headerTable)
        guard let unit = table.column(named: ColumnRole.unit), !table.isRowNumberColumn(unit) else { return nil }
        let byIndicators = layout == .wideIndicators
        // A scorecard's maximum and group columns come with a few dozen units: the general reader reads them.
        if byIndicators && (table.column(named: ColumnRole.maximum) != nil || table.column(named: ColumnRole.group) != nil) { return nil }
        // The column of each row's period (indicators as columns) or indicator (periods as columns).
        let rowKey = table.column(named: byIndicators ? ColumnRole.period : ColumnRole.indicator)
        if byIndicators && rowKey == nil && source.fallbackPeriod == nil { return nil }
        var notes: [Int: String] = [:]
        var dataColumns: [Int] = []
        var columnPeriods: [Period] = []
        for (column, name) in header.enumerated() where column != unit && column != rowKey {
            if table.isRowNumberColumn(column) { notes[column] = "'\(name)' (row numbers)"; continue }
            if byIndicators {
                if name.isEmpty { notes[column] = "\(column + 1) (no header)"; continue }
                dataColumns.append(column)
            } else if let period = Period(header: name) {
                dataColumns.append(column)
                columnPeriods.append(period)
            } else {
                notes[column] = "'\(name)' (not a period)"
            }
        }
        func scan(_ convention: DecimalSeparator) -> [WideScanChunk] {
            let plan = WideScanPlan(separator: source.separator, fieldCount: header.count, unit: unit, rowKey: rowKey, byIndicators: byIndicators,
                                    dataColumns: dataColumns, convention: convention)
            return CSVScan.scan(source, threads: options.threads) { WideCSVChunkReader(plan: plan) }
        }
        let assumed = options.decimal ?? .point
        var chunks = scan(assumed)
        guard !chunks.contains(where: \.needsGeneralReader) else { return nil }
        // Columns whose every cell with something in it is text are not read (indicators as
        // columns); a column of numbers with a word in it is an error the general reader reports.
        let filled = dataColumns.indices.map { k in chunks.reduce(0) { $0 + $1.filled[k] } }
        let words = dataColumns.indices.map { k in chunks.reduce(0) { $0 + $1.words[k] } }
        let isText = dataColumns.indices.map { k in byIndicators && filled[k] > 0 && words[k] == filled[k] }
        guard !dataColumns.indices.contains(where: { !isText[$0] && words[$0] > 0 }) else { return nil }
        guard let convention = DecimalEvidence.merged(chunks.map(\.evidence)).convention(option: options.decimal) else { return nil }
        if convention != assumed {
            chunks = scan(convention)
            guard !chunks.contains(where: \.needsGeneralReader) else { return nil }
        }
        guard !chunks.contains(where: { chunk in dataColumns.indices.contains { !isText[$0] && chunk.invalid[$0] } }) else { return nil }

        for k in dataColumns.indices where isText[k] { notes[dataColumns[k]] = "'\(header[dataColumns[k]])' (text, not numbers)" }
        report.ignoredColumns += notes.keys.sorted().map { notes[$0]! }
        let read = dataColumns.indices.filter { !isText[$0] }
        let stem = ((source.displayName as NSString).lastPathComponent as NSString).deletingPathExtension
        return gather(chunks, source: source, unitColumn: unit, dataColumns: dataColumns, read: read, columnPeriods: columnPeriods, byIndicators: byIndicators,
                      constantIndicator: options.indicator ?? stem, filter: filter, report: &report)
    }

    /// The cells of the columns read, row by row and column by column as the general reader
    /// lays them out, the rows a filter drops left out.
    private static func gather(_ chunks: [WideScanChunk], source: CSVScan.Source, unitColumn: Int, dataColumns: [Int], read: [Int], columnPeriods: [Period],
                               byIndicators: Bool, constantIndicator: String, filter: PanelFilter, report: inout LoadReport) -> ObservationBatch {
        var batch = ObservationBatch()
        var unitIndex: [String: Int32] = [:], indicatorIndex: [String: Int32] = [:], periodIndex: [Period: Int32] = [:]
        var lines: [Int32] = [], valueColumns: [Int32] = []
        var firstLine: Int32 = 2
        var allNames = Set<String>()
        // What the filter keeps, decided once per column and per row key.
        let columnKept = dataColumns.indices.map { k in byIndicators ? filter.keeps(indicator: source.header[dataColumns[k]]) : filter.keeps(period: columnPeriods[k]) }
        let constantKept = filter.keeps(indicator: constantIndicator)
        // Names and periods numbered once per column, row key or unit text, when first used: in
        // the order of the cells, as numbering each cell would number them.
        var columnIndicator = [Int32](repeating: -1, count: dataColumns.count), columnPeriod = [Int32](repeating: -1, count: dataColumns.count)
        var constantNumber: Int32 = -1, fallbackNumber: Int32 = -1
        for chunk in chunks {
            let keyKept = byIndicators ? chunk.periods.map(filter.keeps(period:)) : chunk.rowKeys.map(filter.keeps(indicator:))
            if filter.indicators != nil { allNames.formUnion(byIndicators ? read.map { source.header[dataColumns[$0]] } : chunk.rowKeys.isEmpty ? [constantIndicator] : chunk.rowKeys) }
            var unitNumber = [Int32](repeating: -1, count: chunk.units.count)
            var keyNumber = [Int32](repeating: -1, count: byIndicators ? chunk.periods.count : chunk.rowKeys.count)
            for row in chunk.unit.indices {
                let rowKept = keyKept.isEmpty ? (byIndicators ? filter.keeps(period: source.fallbackPeriod!) : constantKept) : keyKept[Int(chunk.key[row])]
                guard rowKept else { continue }
                let u = Int(chunk.unit[row])
                for k in read where columnKept[k] {
                    if unitNumber[u] < 0 { unitNumber[u] = ObservationBatch.number(chunk.units[u], in: &unitIndex, list: &batch.unitTexts) }
                    let indicator: Int32, period: Int32
                    if byIndicators {
                        if columnIndicator[k] < 0 {
                            columnIndicator[k] = ObservationBatch.number(source.header[dataColumns[k]], in: &indicatorIndex, list: &batch.indicatorNames)
                        }
                        indicator = columnIndicator[k]
                        if chunk.periods.isEmpty {
                            if fallbackNumber < 0 { fallbackNumber = ObservationBatch.number(source.fallbackPeriod!, in: &periodIndex, list: &batch.periods) }
                            period = fallbackNumber
                        } else {
                            let key = Int(chunk.key[row])
                            if keyNumber[key] < 0 { keyNumber[key] = ObservationBatch.number(chunk.periods[key], in: &periodIndex, list: &batch.periods) }
                            period = keyNumber[key]
                        }
                    } else {
                        if chunk.rowKeys.isEmpty {
                            if constantNumber < 0 { constantNumber = ObservationBatch.number(constantIndicator, in: &indicatorIndex, list: &batch.indicatorNames) }
                            indicator = constantNumber
                        } else {
                            let key = Int(chunk.key[row])
                            if keyNumber[key] < 0 { keyNumber[key] = ObservationBatch.number(chunk.rowKeys[key], in: &indicatorIndex, list: &batch.indicatorNames) }
                            indicator = keyNumber[key]
                        }
                        if columnPeriod[k] < 0 { columnPeriod[k] = ObservationBatch.number(columnPeriods[k], in: &periodIndex, list: &batch.periods) }
                        period = columnPeriod[k]
                    }
                    batch.unit.append(unitNumber[u])
                    batch.indicator.append(indicator)
                    batch.period.append(period)
                    batch.value.append(chunk.values[row * dataColumns.count + k])
                    lines.append(firstLine + chunk.line[row])
                    valueColumns.append(Int32(dataColumns[k]))
                }
            }
            for k in read { report.missingMarkers.merge(chunk.markers[k], uniquingKeysWith: +) }
            report.blankLines += chunk.blankLines
            report.rows += chunk.unit.count
            firstLine += Int32(chunk.lines)
        }
        batch.allIndicatorNames = Array(allNames)
        batch.locations = .cells(file: source.displayName, header: source.header, unitColumn: unitColumn, lines: lines, valueColumns: valueColumns)
        return batch
    }
}
