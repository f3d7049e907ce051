import ChisoCore
/// Turns observations into a `Panel`: resolves unit names in a unit system, applies the
/// duplicate policy, and lays values out unit × period × indicator.
struct PanelBuilder {
    let name: String
    let catalog: [Indicator]
    let unitChoice: UnitSystemChoice
    let registry: ProvinceRegistry?
    /// Units a dataset declares for itself (departments, ministries).
    let declaredUnits: UnitSystem?
    let codebook: [String: String]
    let onDuplicate: DuplicatePolicy?

    func build(_ batch: ObservationBatch, report: inout LoadReport) throws(DataError) -> Panel {
        guard batch.count > 0 else { throw .noDataRows(file: name) }
        let (system, unitOfText) = try resolveUnits(batch, report: &report)

        // Units, periods and indicators that occur.
        let usedCodes = Set(unitOfText.map(\.code))
        let units = system.units.filter { usedCodes.contains($0.code) }
        let unitPosition = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element.code, $0.offset) })
        let rowUnit = unitOfText.map { unitPosition[$0.code]! }
        let periods = batch.periods.sorted()
        let sortedPosition = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($0.element, $0.offset) })
        let rowPeriod = batch.periods.map { sortedPosition[$0]! }
        var indicators = catalog
        var indicatorPosition = Dictionary(indicators.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for name in batch.indicatorNames where indicatorPosition[name] == nil {
            indicatorPosition[name] = indicators.count
            indicators.append(.undeclared(name))
        }
        let rowIndicator = batch.indicatorNames.map { indicatorPosition[$0]! }

        let cellCount = units.count * periods.count * indicators.count
        // The row that gives each cell (−1: none), and the rows merged into it under `mean`.
        var firstSeen = [Int32](repeating: -1, count: cellCount)
        var merged: [Int: [Int]] = [:]
        for row in 0..<batch.count {
            let cell = Panel.flatIndex(
                unit: rowUnit[Int(batch.unit[row])], period: rowPeriod[Int(batch.period[row])],
                indicator: rowIndicator[Int(batch.indicator[row])], unitCount: units.count, indicatorCount: indicators.count)
            let first = Int(firstSeen[cell])
            if first >= 0 {
                guard let onDuplicate else {
                    throw .duplicate(first: batch.valueLocation(first), second: batch.valueLocation(row), unit: unitOfText[Int(batch.unit[row])].name,
                                     period: batch.periods[Int(batch.period[row])].description, indicator: batch.indicatorNames[Int(batch.indicator[row])])
                }
                report.duplicatesResolved += 1
                switch onDuplicate {
                case .first: continue
                case .last: firstSeen[cell] = Int32(row)
                case .mean: merged[cell, default: [first]].append(row)
                }
            } else {
                firstSeen[cell] = Int32(row)
            }
        }
        var values = [Double](repeating: .nan, count: cellCount)
        var provenance: [Int: CellProvenance] = [:]
        var lines: [Int32]?
        if let (_, rowLines) = batch.locations.lineSources {
            lines = [Int32](repeating: 0, count: cellCount)
            for cell in 0..<cellCount where firstSeen[cell] >= 0 { lines![cell] = rowLines[Int(firstSeen[cell])] }
        }
        // Values only (a large file without ranks or sources): no provenance to carry.
        let valuesOnly = batch.provenance.isEmpty && merged.isEmpty
        for cell in 0..<cellCount where firstSeen[cell] >= 0 {
            let row = Int(firstSeen[cell])
            if valuesOnly {
                values[cell] = batch.value[row]
                if values[cell].isNaN { report.missingValues += 1 } else { report.values += 1 }
                continue
            }
            var cellProvenance = batch.provenance[row] ?? CellProvenance()
            if let group = merged[cell] {
                let observed = group.map { batch.value[$0] }.filter { !$0.isNaN }
                values[cell] = observed.isEmpty ? .nan : observed.reduce(0, +) / Double(observed.count)
                cellProvenance.note = "mean of \(observed.count) duplicate values"
            } else {
                values[cell] = batch.value[row]
            }
            if values[cell].isNaN {
                report.missingValues += 1
                if cellProvenance.publishedRank != nil { report.rankOnly += 1 }
            } else {
                report.values += 1
            }
            if !cellProvenance.isEmpty { provenance[cell] = cellProvenance }
        }
        var lineSources: LineSources?
        if let (file, _) = batch.locations.lineSources, let lines { lineSources = LineSources(file: file, lines: lines) }
        return Panel(name: name, unitSystem: system, units: units, periods: periods, indicators: indicators, values: values, provenance: provenance,
                     lineSources: lineSources,
                     unitGroups: try attribute(batch.groups, of: { rowUnit[Int(batch.unit[$0])] }, count: units.count, in: batch, name: "group",
                                               subject: { unitOfText[Int(batch.unit[$0])].name }),
                     criterionCodes: try attribute(batch.criterionCodes, of: { rowIndicator[Int(batch.indicator[$0])] }, count: indicators.count, in: batch,
                                                   name: "criterion code", subject: { batch.indicatorNames[Int(batch.indicator[$0])] }))
    }

    /// Per position (a unit, an indicator): the attribute its rows give (`rowValues`, one per
    /// row; empty when the file has no such column). Rows that disagree are refused, naming both.
    private func attribute(_ rowValues: [String?], of position: (Int) -> Int, count: Int, in batch: ObservationBatch, name: String,
                           subject: (Int) -> String) throws(DataError) -> [String?] {
        guard !rowValues.isEmpty else { return [] }
        var values = [String?](repeating: nil, count: count)
        var firstRow = [Int](repeating: -1, count: count)
        for row in 0..<batch.count {
            guard let value = rowValues[row] else { continue }
            let k = position(row)
            if let known = values[k] {
                guard NameFolding.key(known) == NameFolding.key(value) else {
                    throw .conflictingAttribute(first: batch.unitLocation(firstRow[k]), firstValue: known, second: batch.unitLocation(row), secondValue: value,
                                                subject: subject(row), attribute: name)
                }
            } else {
                values[k] = value
                firstRow[k] = row
            }
        }
        return values
    }

    /// The unit system and the unit of every distinct unit text of the batch.
    private func resolveUnits(_ batch: ObservationBatch, report: inout LoadReport) throws(DataError) -> (UnitSystem, [AdministrativeUnit]) {
        let texts = batch.unitTexts.map { codebook[$0] ?? $0 }
        var distinct: [String] = []
        var seen = Set<String>()
        for text in texts where seen.insert(text).inserted { distinct.append(text) }

        let system: UnitSystem
        if let declaredUnits {
            system = declaredUnits
        } else {
            switch unitChoice {
            case .provinces63: system = try provinceSystem(\.provinces63)
            case .provinces34: system = try provinceSystem(\.provinces34)
            case .custom: system = customSystem(distinct)
            case .auto: system = try detectSystem(distinct, batch: batch, report: &report)
            }
        }
        var cache: [String: AdministrativeUnit] = [:]
        var units: [AdministrativeUnit] = []
        units.reserveCapacity(texts.count)
        for (i, text) in texts.enumerated() {
            if let unit = cache[text] { units.append(unit); continue }
            do {
                let unit = try system.resolve(text)
                cache[text] = unit
                units.append(unit)
            } catch {
                throw .unknownUnit(at: batch.unitLocation(firstRow(ofUnitText: i, in: batch)), lookup: error)
            }
        }
        return (system, units)
    }

    /// The first row whose unit text is number `text`.
    private func firstRow(ofUnitText text: Int, in batch: ObservationBatch) -> Int {
        batch.unit.firstIndex(of: Int32(text))!
    }

    private func provinceSystem(_ path: KeyPath<ProvinceRegistry, UnitSystem>) throws(DataError) -> UnitSystem {
        guard let registry else { throw .invalidMetadata(file: name, reason: "the province registry (datasets/provinces) is not available") }
        return registry[keyPath: path]
    }

    /// The file's own units: names that differ only in case or in diacritics' placement ("Sở Y
    /// Tế" and "Sở Y tế", "Hoà" and "Hòa") are one unit, named as first written.
    private func customSystem(_ names: [String]) -> UnitSystem {
        var seen = Set<String>()
        let distinct = names.filter { seen.insert(NameFolding.key($0)).inserted }
        return UnitSystem(id: "custom", units: distinct.map { AdministrativeUnit(code: $0, name: $0) })
    }

    /// Provinces-63 when every name resolves there (provinces-34 when every period is 2025 or later
    /// and the names also resolve there), the file's own units when fewer than half are provinces,
    /// and an error naming the first unknown province otherwise.
    private func detectSystem(_ names: [String], batch: ObservationBatch, report: inout LoadReport) throws(DataError) -> UnitSystem {
        guard let registry else { return customSystem(names) }
        func failures(_ system: UnitSystem) -> [String] { names.filter { !system.knows($0) } }
        let missing63 = failures(registry.provinces63)
        let missing34 = failures(registry.provinces34)
        let allAfterMerger = batch.periods.allSatisfy { $0.year >= 2025 }
        if missing34.isEmpty && (allAfterMerger || !missing63.isEmpty) {
            report.unitSystemNote = Note("units read as the 34 provinces from 1 July 2025", remedy: .declareProvinces63)
            return registry.provinces34
        }
        if missing63.isEmpty { return registry.provinces63 }
        if missing63.count * 2 > names.count {
            report.unitSystemNote = Note("units read as the file's own \(names.count) units, not provinces", remedy: .declareProvinces63)
            return customSystem(names)
        }
        let first = missing63[0]
        let text = batch.unitTexts.firstIndex { (codebook[$0] ?? $0) == first }!
        do {
            _ = try registry.provinces63.resolve(first)
        } catch {
            throw .unknownUnit(at: batch.unitLocation(firstRow(ofUnitText: text, in: batch)), lookup: error)
        }
        return registry.provinces63
    }
}
