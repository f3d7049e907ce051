import ChisoCore
/// Reads `unit,period,indicator,value` rows (plus optional `rank`, `max`, `source`, `rank_source`, `note`).
enum LongTableReader {
    static func observations(_ table: TabularFile, options: ReadOptions, fallbackPeriod: Period?, report: inout LoadReport) throws(DataError) -> [Observation] {
        guard let unitColumn = table.column(named: ColumnRole.unit) else {
            throw .missingColumn(file: table.displayName, role: "unit", headers: table.header)
        }
        guard let indicatorColumn = table.column(named: ColumnRole.indicator) else {
            throw .missingColumn(file: table.displayName, role: "indicator", headers: table.header)
        }
        guard let valueColumn = table.column(named: ColumnRole.value) else {
            throw .missingColumn(file: table.displayName, role: "value", headers: table.header)
        }
        let periodColumn = table.column(named: ColumnRole.period)
        if periodColumn == nil && fallbackPeriod == nil { throw .noPeriod(file: table.displayName) }
        let rankColumn = table.column(named: ColumnRole.rank)
        let maxColumn = table.column(named: ColumnRole.maximum)
        let sourceColumn = table.column(named: ColumnRole.source)
        let rankSourceColumn = table.column(named: ColumnRole.rankSource)
        let noteColumn = table.column(named: ColumnRole.note)
        let groupColumn = table.column(named: ColumnRole.group)
        let codeColumn = table.column(named: ColumnRole.criterionCode)
        let kindColumn = table.column(named: ColumnRole.scoreKind)
        let outOfColumn = table.column(named: ColumnRole.outOf)
        let parentColumn = codeColumn == nil ? table.column(named: ColumnRole.parent) : nil
        let used = Set([unitColumn, indicatorColumn, valueColumn, periodColumn, rankColumn, maxColumn, sourceColumn, rankSourceColumn, noteColumn, groupColumn,
                        codeColumn, kindColumn, outOfColumn, parentColumn].compactMap { $0 })
        for (i, name) in table.header.enumerated() where !used.contains(i) {
            report.ignoredColumns.append("'\(name)' (not a column of the long layout)")
        }

        var numericCells: [NumericCell] = []
        for record in table.records {
            numericCells.append(NumericCell(text: table.field(record, valueColumn), location: table.location(record, valueColumn)))
            if let maxColumn { numericCells.append(NumericCell(text: table.field(record, maxColumn), location: table.location(record, maxColumn))) }
        }
        let convention = try DecimalResolver.convention(for: numericCells, option: options.decimal)

        var observations: [Observation] = []
        observations.reserveCapacity(table.records.count)
        for record in table.records {
            report.rows += 1
            let period = try table.period(of: record, column: periodColumn, fallback: fallbackPeriod)
            for (column, role) in [(unitColumn, "unit"), (indicatorColumn, "indicator")] where table.field(record, column).isEmpty {
                throw .emptyField(at: table.location(record, column), role: role)
            }
            let valueLocation = table.location(record, valueColumn)
            let value = try DecimalResolver.value(of: NumericCell(text: table.field(record, valueColumn), location: valueLocation), convention: convention)
            report.countMarker(table.field(record, valueColumn))
            var provenance = CellProvenance()
            if let rankColumn {
                let text = table.field(record, rankColumn)
                if !NumberSyntax.isMissing(text) {
                    guard let rank = Int(text), rank >= 1 else { throw .badRank(at: table.location(record, rankColumn), text: text) }
                    provenance.publishedRank = rank
                }
            }
            if let maxColumn {
                let maximum = try DecimalResolver.value(of: NumericCell(text: table.field(record, maxColumn), location: table.location(record, maxColumn)), convention: convention)
                if !maximum.isNaN { provenance.maximum = maximum }
            }
            if let outOfColumn {
                let text = table.field(record, outOfColumn)
                if !NumberSyntax.isMissing(text) {
                    guard let size = Int(text), size >= 1 else { throw .badRank(at: table.location(record, outOfColumn), text: text) }
                    provenance.outOf = size
                }
            }
            if let sourceColumn, !table.field(record, sourceColumn).isEmpty { provenance.source = table.field(record, sourceColumn) }
            if let rankSourceColumn, !table.field(record, rankSourceColumn).isEmpty { provenance.rankSource = table.field(record, rankSourceColumn) }
            if let noteColumn, !table.field(record, noteColumn).isEmpty { provenance.note = table.field(record, noteColumn) }
            if provenance.source == nil { provenance.source = "\(valueLocation.file):\(valueLocation.line)" }
            // Self-assessed scores go beside the official ones, in an indicator of their own.
            let indicator = table.field(record, indicatorColumn)
            let selfAssessed = kindColumn.map { ScoreKind.meansSelfAssessed(table.field(record, $0)) } ?? false
            observations.append(Observation(
                unitText: table.field(record, unitColumn), unitLocation: table.location(record, unitColumn),
                period: period, indicator: selfAssessed ? ScoreKind.selfAssessed(of: indicator) : indicator, value: value,
                provenance: provenance, location: valueLocation,
                group: groupColumn.map { table.field(record, $0) }.flatMap { $0.isEmpty ? nil : $0 },
                criterionCode: codeColumn.map { table.field(record, $0) }.flatMap { $0.isEmpty ? nil : $0 }))
        }
        if let parentColumn { try CriterionParents.code(&observations, parents: table.records.map { table.field($0, parentColumn) }, file: table.displayName) }
        return observations
    }
}

/// A criteria tree given by a parent column (each criterion names the one it belongs to) turned
/// into the codes a code column would give: the root — the one criterion without a parent that
/// others belong to — is `0`, its criteria `1`, `2`, … in the order they first occur, theirs
/// `1.1`, `1.2`, …. Criteria no path from the root reaches get no code.
enum CriterionParents {
    static func code(_ observations: inout [Observation], parents: [String], file: String) throws(DataError) {
        var order: [String] = []
        var parentOf: [String: String] = [:]
        for (observation, parent) in zip(observations, parents) {
            let name = observation.indicator, parent = parent.trimmingSpaces
            if parentOf[name] == nil { order.append(name) }
            if let known = parentOf[name], known != parent, !parent.isEmpty, !known.isEmpty {
                throw .invalidMetadata(file: file, reason: "'\(name)' has two parents, '\(known)' and '\(parent)'")
            }
            if parentOf[name]?.isEmpty ?? true { parentOf[name] = parent }
        }
        for (name, parent) in parentOf where !parent.isEmpty && parentOf[parent] == nil {
            throw .invalidMetadata(file: file, reason: "'\(parent)', the parent of '\(name)', is not a criterion of the file")
        }
        let roots = order.filter { parentOf[$0]!.isEmpty && parentOf.values.contains($0) }
        guard roots.count == 1 else { return }
        var codes = [roots[0]: "0"]
        var pending = [roots[0]]
        while let parent = pending.popLast() {
            // Self-assessed scores take the code of the criterion they assess, through its name.
            let children = order.filter { parentOf[$0] == parent && !ScoreKind.isSelfAssessed($0) }
            for (k, child) in children.enumerated() {
                codes[child] = codes[parent] == "0" ? "\(k + 1)" : "\(codes[parent]!).\(k + 1)"
                pending.append(child)
            }
        }
        for k in observations.indices { observations[k].criterionCode = codes[observations[k].indicator] }
    }
}
