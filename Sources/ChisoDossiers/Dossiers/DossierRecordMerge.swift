import ChisoCore

/// A unit (and agency, procedure) whose periods are counted.
struct SeriesKey: Hashable {
    let unit: Int
    let agency: Int
    let procedure: Int
}

extension DossierRecordSummarizer {
    /// Adds up the workers' counts and builds the rows: per period received for cohort
    /// accounting; for period accounting, the flows of each period with the stocks at its start
    /// and end running through every period from a unit's first to the as-of date's.
    static func merge(_ results: [WorkerResult], path: String, headerLine: Int, context: RecordContext) throws -> DossierSummary {
        let options = context.options, periods = context.periods, span = periods.span
        let slots = RecordScanner.slotCount
        // Global line numbers: the header's, then each chunk's lines in order.
        var lineOffset = headerLine
        var badRows: [(line: Int, reason: String)] = []
        var unknown: [String: UnknownValue] = [:]
        var conflicts = UnknownValue()
        for r in results {
            badRows += r.firstBad.map { (lineOffset + $0.line, $0.reason) }
            for (key, value) in r.unknown {
                unknown[key, default: UnknownValue()].count += value.count
                unknown[key]!.lines = Array((unknown[key]!.lines + value.lines.map { $0 + lineOffset }).prefix(3))
            }
            conflicts.count += r.timingConflicts.count
            conflicts.lines = Array((conflicts.lines + r.timingConflicts.lines.map { $0 + lineOffset }).prefix(3))
            lineOffset += r.lines
        }
        if options.strict, let first = badRows.min(by: { $0.line < $1.line }) {
            throw DossierRecordError.badRow(file: path, line: first.line, reason: first.reason)
        }
        let latest = results.map(\.latest).max() ?? 0
        let earliest = results.map(\.earliest).min() ?? Int.max
        let asOf = context.asOf ?? latest
        let records = results.reduce(0) { $0 + $1.records }
        // Counts by series and period offset; one extra slot: open dossiers overdue at the as-of date.
        var series: [SeriesKey: [Int: [Int]]] = [:]
        var names: [UInt64: String] = [:]
        var unitNames: [Int: String] = [:]
        func location(_ group: Int, in r: WorkerResult) -> (SeriesKey, Int) {
            if group >= 0 { return (SeriesKey(unit: group / span, agency: 0, procedure: 0), group % span) }
            let key = r.sparseKeys[-group - 1]
            return (SeriesKey(unit: key.unit, agency: key.agency, procedure: key.procedure), key.period)
        }
        func add(_ key: SeriesKey, _ offset: Int, _ slot: Int, _ value: Int) {
            series[key, default: [:]][offset, default: [Int](repeating: 0, count: slots + 1)][slot] += value
        }
        let asOfOffset = asOf > 0 ? periods.clampedOffset(asOf) : 0
        for r in results {
            names.merge(r.names) { a, _ in a }
            unitNames.merge(r.unitNames) { a, _ in a }
            for group in 0..<(unitCodes * span) {
                let base = group * slots
                var any = false
                for k in 0..<slots where r.dense[base + k] != 0 { any = true; break }
                guard any else { continue }
                let (key, offset) = location(group, in: r)
                for k in 0..<slots where r.dense[base + k] != 0 { add(key, offset, k, Int(r.dense[base + k])) }
            }
            for index in r.sparseKeys.indices {
                let (key, offset) = location(-(index + 1), in: r)
                for k in 0..<slots where r.sparseCounts[index * slots + k] != 0 { add(key, offset, k, Int(r.sparseCounts[index * slots + k])) }
            }
            for (group, dueDate) in r.open {
                let (key, receivedOffset) = location(group, in: r)
                let due = Int(dueDate)
                if options.accounting == .cohort {
                    if due < asOf { add(key, receivedOffset, slots, 1) }
                    continue
                }
                // Overdue at the end of each period from the first that ends after the due date to
                // the one before the as-of date's; in that one, when due before the as-of date.
                let overdueStart = max(receivedOffset, due == Int(Int32.max) ? span : periods.clampedOffset(RecordDates.nextDay(due)))
                if overdueStart < asOfOffset {
                    add(key, overdueStart, RecordScanner.overdueFrom, 1)
                    add(key, asOfOffset, RecordScanner.overdueUntil, 1)
                }
                if due < asOf { add(key, asOfOffset, slots, 1) }
            }
        }
        func unitName(_ id: Int) -> String {
            id >= 0 ? (id < 10 ? "0\(id)" : String(id)) : unitNames[id] ?? "?"
        }
        var breakdownNames: [String] = []
        if options.byAgency { breakdownNames.append("agency") }
        if options.byProcedure { breakdownNames.append("procedure") }
        let hasChannels = context.layout.channel >= 0
        var rows: [DossierAggregate] = []
        for (key, byOffset) in series {
            var breakdown: [String] = []
            if options.byAgency { breakdown.append(names[UInt64(bitPattern: Int64(key.agency))] ?? "?") }
            if options.byProcedure { breakdown.append(names[UInt64(bitPattern: Int64(key.procedure))] ?? "?") }
            func row(_ offset: Int, _ counts: [DossierField: Int]) -> DossierAggregate {
                DossierAggregate(unit: unitName(key.unit), period: periods.period(offset), breakdown: breakdown,
                                 counts: counts.mapValues(Double.init))
            }
            func flows(_ c: [Int]) -> [DossierField: Int] {
                var counts: [DossierField: Int] = [
                    .receivedNew: c[RecordScanner.received], .resolvedEarly: c[RecordScanner.early], .resolvedOnTime: c[RecordScanner.onTime],
                    .resolvedLate: c[RecordScanner.late], .withdrawn: c[RecordScanner.withdrawn], .rejected: c[RecordScanner.rejected],
                ]
                if hasChannels {
                    counts[.receivedOnline] = c[RecordScanner.online]
                    counts[.receivedPostal] = c[RecordScanner.postal]
                    counts[.receivedDirect] = c[RecordScanner.direct]
                }
                return counts
            }
            if options.accounting == .cohort {
                for (offset, c) in byOffset where c[RecordScanner.received] > 0 && periods.reported(offset) {
                    var counts = flows(c)
                    counts[.carriedOver] = 0
                    counts[.paused] = c[RecordScanner.paused]
                    counts[.pendingOverdue] = c[slots]
                    counts[.pendingInTime] = c[RecordScanner.pending] - c[slots]
                    rows.append(row(offset, counts))
                }
                continue
            }
            guard let first = byOffset.keys.min(), first <= asOfOffset else { continue }
            let zero = [Int](repeating: 0, count: slots + 1)
            var open = 0, paused = 0, overdue = 0
            for offset in first...asOfOffset {
                let c = byOffset[offset] ?? zero
                let carried = open
                let finished = [RecordScanner.early, RecordScanner.onTime, RecordScanner.late, RecordScanner.withdrawn, RecordScanner.rejected].reduce(0) { $0 + c[$1] }
                open += c[RecordScanner.received] - finished
                paused += c[RecordScanner.paused]
                overdue += c[RecordScanner.overdueFrom] - c[RecordScanner.overdueUntil]
                let overdueAtEnd = overdue + (offset == asOfOffset ? c[slots] : 0)
                guard periods.reported(offset), carried + c[RecordScanner.received] > 0 else { continue }
                var counts = flows(c)
                counts[.carriedOver] = carried
                counts[.received] = carried + c[RecordScanner.received]
                counts[.paused] = paused
                counts[.pendingOverdue] = overdueAtEnd
                counts[.pendingInTime] = open - paused - overdueAtEnd
                rows.append(row(offset, counts))
            }
        }
        rows.sort { ($0.unit, $0.period, $0.breakdown.joined(separator: "\u{1F}")) < ($1.unit, $1.period, $1.breakdown.joined(separator: "\u{1F}")) }
        let unknownValues = unknown.map { key, value -> (column: String, value: String, rows: Int, lines: [Int]) in
            let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "", value.count, value.lines.sorted())
        }.sorted { ($0.rows, $1.value) > ($1.rows, $0.value) }
        return DossierSummary(
            rows: rows, breakdownNames: breakdownNames, accounting: options.accounting, hasChannels: hasChannels, records: records,
            badRows: results.reduce(0) { $0 + $1.bad }, firstBadRows: Array(badRows.sorted { $0.line < $1.line }.prefix(10)),
            unknownValues: unknownValues, timingConflicts: (conflicts.count, conflicts.lines.sorted()),
            receivedAfterAsOf: results.reduce(0) { $0 + $1.afterAsOf }, asOf: asOf > 0 ? RecordDates.text(asOf) : "",
            earliestReceived: earliest < Int.max ? RecordDates.text(earliest) : "",
            window: periods.window.map { (RecordDates.text($0.from), RecordDates.text($0.to)) })
    }
}
