import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Reads a long CSV file (`unit,period,indicator,value…`) from its bytes: no `String` per field,
/// unit and indicator names and periods numbered as they are met, only the rows a `PanelFilter`
/// keeps laid out.
enum LongCSVScan {
    /// The rows of a long CSV file, or nil when the general reader must read it.
    static func batch(_ source: CSVScan.Source, options: ReadOptions, filter: PanelFilter, report: inout LoadReport) -> ObservationBatch? {
        let (header, headerTable) = (source.header, source.headerTable)
        guard let unit = headerTable.column(named: ColumnRole.unit),
              let indicator = headerTable.column(named: ColumnRole.indicator),
              let value = headerTable.column(named: ColumnRole.value) else { return nil }
        let period = headerTable.column(named: ColumnRole.period)
        if period == nil && source.fallbackPeriod == nil { return nil }
        // Unit groups and criterion codes come with scorecards of a few dozen units: the general reader reads them.
        if [ColumnRole.group, ColumnRole.criterionCode, ColumnRole.parent, ColumnRole.scoreKind, ColumnRole.outOf].contains(where: { headerTable.column(named: $0) != nil }) { return nil }

        let columns = (rank: headerTable.column(named: ColumnRole.rank), maximum: headerTable.column(named: ColumnRole.maximum),
                       source: headerTable.column(named: ColumnRole.source), rankSource: headerTable.column(named: ColumnRole.rankSource),
                       note: headerTable.column(named: ColumnRole.note))
        func plan(_ convention: DecimalSeparator) -> LongScanPlan {
            LongScanPlan(separator: source.separator, fieldCount: header.count, unit: unit, indicator: indicator, value: value, period: period,
                         fallbackPeriod: source.fallbackPeriod, rank: columns.rank, maximum: columns.maximum, source: columns.source,
                         rankSource: columns.rankSource, note: columns.note, filter: filter, convention: convention)
        }
        func scan(_ convention: DecimalSeparator) -> [LongScanChunk] {
            let plan = plan(convention)
            return CSVScan.scan(source, threads: options.threads) { LongCSVChunkReader(plan: plan) }
        }
        let assumed = options.decimal ?? .point
        var chunks = scan(assumed)
        guard !chunks.contains(where: \.needsGeneralReader) else { return nil }
        // The file's decimal convention, decided as `DecimalResolver` decides it; a file it
        // refuses is left to the general reader for the message.
        guard let convention = DecimalEvidence.merged(chunks.map(\.evidence)).convention(option: options.decimal) else { return nil }
        if convention != assumed {
            chunks = scan(convention)
            guard !chunks.contains(where: \.needsGeneralReader) else { return nil }
        }
        guard !chunks.contains(where: \.invalidUnderConvention) else { return nil }

        let used = Set([unit, indicator, value, period, columns.rank, columns.maximum, columns.source, columns.rankSource, columns.note].compactMap { $0 })
        for (i, name) in header.enumerated() where !used.contains(i) {
            report.ignoredColumns.append("'\(name)' (not a column of the long layout)")
        }
        return merge(chunks, displayName: source.displayName, header: header, unitColumn: unit, valueColumn: value,
                     namesFiltered: filter.indicators != nil, report: &report)
    }

    /// The chunks' rows renumbered in file order: names and periods numbered as a reading from
    /// the top would number them, lines counted from the header (line 1).
    private static func merge(_ chunks: [LongScanChunk], displayName: String, header: [String], unitColumn: Int, valueColumn: Int,
                              namesFiltered: Bool, report: inout LoadReport) -> ObservationBatch {
        var batch = ObservationBatch()
        var unitIndex: [String: Int32] = [:], indicatorIndex: [String: Int32] = [:], periodIndex: [Period: Int32] = [:]
        var lines: [Int32] = []
        let total = chunks.reduce(0) { $0 + $1.value.count }
        batch.unit.reserveCapacity(total)
        batch.indicator.reserveCapacity(total)
        batch.period.reserveCapacity(total)
        batch.value.reserveCapacity(total)
        lines.reserveCapacity(total)
        var firstLine: Int32 = 2
        for chunk in chunks {
            // Names and periods with kept rows only, numbered in the order of those rows.
            var units = [Int32](repeating: -1, count: chunk.units.count)
            var indicators = [Int32](repeating: -1, count: chunk.indicators.count)
            var periods = [Int32](repeating: -1, count: chunk.periods.count)
            for row in chunk.value.indices {
                let (u, i, p) = (Int(chunk.unit[row]), Int(chunk.indicator[row]), Int(chunk.period[row]))
                if units[u] < 0 { units[u] = ObservationBatch.number(chunk.units[u], in: &unitIndex, list: &batch.unitTexts) }
                if indicators[i] < 0 { indicators[i] = ObservationBatch.number(chunk.indicators[i], in: &indicatorIndex, list: &batch.indicatorNames) }
                if periods[p] < 0 { periods[p] = ObservationBatch.number(chunk.periods[p], in: &periodIndex, list: &batch.periods) }
            }
            let rowOffset = batch.value.count
            for (row, provenance) in chunk.provenance { batch.provenance[rowOffset + row] = provenance }
            for row in chunk.value.indices {
                batch.unit.append(units[Int(chunk.unit[row])])
                batch.indicator.append(indicators[Int(chunk.indicator[row])])
                batch.period.append(periods[Int(chunk.period[row])])
                lines.append(firstLine + chunk.line[row])
            }
            batch.value += chunk.value
            report.blankLines += chunk.blankLines
            report.missingMarkers.merge(chunk.missingMarkers, uniquingKeysWith: +)
            firstLine += Int32(chunk.lines)
        }
        report.rows += chunks.reduce(0) { $0 + $1.rowsRead }
        if namesFiltered { batch.allIndicatorNames = Array(Set(chunks.flatMap(\.indicators))) }
        batch.locations = .csv(file: displayName, header: header, unitColumn: unitColumn, valueColumn: valueColumn, lines: lines)
        return batch
    }
}
