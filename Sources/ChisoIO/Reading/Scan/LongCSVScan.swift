import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Reads a long CSV file (`unit,period,indicator,value…`) straight from its bytes on every core:
/// no `String` per field, unit and indicator names and periods numbered as they are met, only the
/// rows a `PanelFilter` keeps laid out. It gives what the general reader gives (the same panel,
/// notes and sources); a file it cannot read that way exactly — another layout, a line break
/// inside quotes, anything the general reader reports as an error — is left to the general
/// reader (`batch` returns nil).
enum LongCSVScan {
    /// The rows of the long CSV file at `path`, or nil when the general reader must read it.
    static func batch(path: String, options: ReadOptions, filter: PanelFilter, report: inout LoadReport) throws(DataError) -> ObservationBatch? {
        guard let file = MappedFile(path: path) else { return nil }
        defer { file.close() }
        let bytes = file.bytes
        guard FileKind.detect(prefix: Array(bytes.prefix(1024))) == .text else { return nil }
        var bodyStart = 0
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bodyStart = 3 }

        // The header: the first line, read by the general tokenizer.
        let headerEnd = bytes[bodyStart...].firstIndex(of: 0x0A) ?? bytes.count
        let headerBytes = ArraySlice(bytes[bodyStart..<headerEnd])
        guard headerBytes.withUnsafeBufferPointer({ Validation.firstInvalidUTF8($0, from: 0) }) == nil else { return nil }
        let separator = options.separator ?? CSVTokenizer.detectSeparator(headerBytes)
        guard let (records, _) = try? CSVTokenizer.records(headerBytes, separator: separator, file: path), records.count == 1 else { return nil }
        let header = records[0].fields.map { $0.trimmingSpaces }
        let displayName = path
        let headerTable = TabularFile(displayName: displayName, header: header, records: [], blankLines: 0)
        let isLong = headerTable.column(named: ColumnRole.indicator) != nil && headerTable.column(named: ColumnRole.value) != nil
        guard options.layout ?? (isLong ? .long : .wideIndicators) == .long,
              let unit = headerTable.column(named: ColumnRole.unit),
              let indicator = headerTable.column(named: ColumnRole.indicator),
              let value = headerTable.column(named: ColumnRole.value) else { return nil }
        let period = headerTable.column(named: ColumnRole.period)
        let fallbackPeriod = options.period ?? PanelLoader.year(inFileName: (path as NSString).lastPathComponent).map(Period.year)
        if period == nil && fallbackPeriod == nil { return nil }

        let columns = (rank: headerTable.column(named: ColumnRole.rank), maximum: headerTable.column(named: ColumnRole.maximum),
                       source: headerTable.column(named: ColumnRole.source), rankSource: headerTable.column(named: ColumnRole.rankSource),
                       note: headerTable.column(named: ColumnRole.note))
        func plan(_ convention: DecimalSeparator) -> LongScanPlan {
            LongScanPlan(separator: separator, fieldCount: header.count, unit: unit, indicator: indicator, value: value, period: period,
                         fallbackPeriod: fallbackPeriod, rank: columns.rank, maximum: columns.maximum, source: columns.source,
                         rankSource: columns.rankSource, note: columns.note, filter: filter, convention: convention)
        }
        let dataStart = min(headerEnd + 1, bytes.count)
        let assumed = options.decimal ?? .point
        var chunks = scan(file, from: dataStart, plan: plan(assumed), threads: options.threads)
        guard !chunks.contains(where: \.needsGeneralReader) else { return nil }
        // The file's decimal convention, decided as `DecimalResolver` decides it; a file it
        // refuses is left to the general reader for the message.
        guard let convention = DecimalEvidence.merged(chunks.map(\.evidence)).convention(option: options.decimal) else { return nil }
        if convention != assumed {
            chunks = scan(file, from: dataStart, plan: plan(convention), threads: options.threads)
            guard !chunks.contains(where: \.needsGeneralReader) else { return nil }
        }
        guard !chunks.contains(where: \.invalidUnderConvention) else { return nil }

        let used = Set([unit, indicator, value, period, columns.rank, columns.maximum, columns.source, columns.rankSource, columns.note].compactMap { $0 })
        for (i, name) in header.enumerated() where !used.contains(i) {
            report.ignoredColumns.append("'\(name)' (not a column of the long layout)")
        }
        return merge(chunks, displayName: displayName, header: header, unitColumn: unit, valueColumn: value, namesFiltered: filter.indicators != nil,
                     report: &report)
    }

    /// Reads [from, end of file) in chunks that start at line starts, on `threads` threads.
    private static func scan(_ file: MappedFile, from: Int, plan: LongScanPlan, threads: Int) -> [LongScanChunk] {
        let size = file.bytes.count
        let parts = size - from < 1 << 20 ? 1 : max(1, threads) * 16
        var bounds = [from]
        for part in 1..<max(parts, 1) {
            var offset = from + (size - from) * part / parts
            // Move to the start of the next line.
            while offset < size && file.bytes[offset - 1] != 0x0A { offset += 1 }
            if offset > bounds.last! { bounds.append(offset) }
        }
        if bounds.last! < size || bounds.count == 1 { bounds.append(size) }
        let base = file.base
        let chunkBounds = bounds
        return ParallelWork.map(chunkBounds.count - 1, threads: threads) { c in
            var reader = LongCSVChunkReader(plan: plan)
            return reader.read(base.pointer, from: chunkBounds[c], to: chunkBounds[c + 1])
        }
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
