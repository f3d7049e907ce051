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

    func build(_ observations: [Observation], report: inout LoadReport) throws(DataError) -> Panel {
        guard !observations.isEmpty else { throw .noDataRows(file: name) }
        let (system, resolvedUnits) = try resolveUnits(observations, report: &report)

        // Units, periods and indicators that occur.
        let usedCodes = Set(resolvedUnits.map(\.code))
        let units = system.units.filter { usedCodes.contains($0.code) }
        let unitPosition = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element.code, $0.offset) })
        let periods = Array(Set(observations.map(\.period))).sorted()
        let periodPosition = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($0.element, $0.offset) })
        var indicators = catalog
        var indicatorPosition = Dictionary(indicators.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for observation in observations where indicatorPosition[observation.indicator] == nil {
            indicatorPosition[observation.indicator] = indicators.count
            indicators.append(.undeclared(observation.indicator))
        }

        var values = [Double](repeating: .nan, count: units.count * periods.count * indicators.count)
        var provenance: [Int: CellProvenance] = [:]
        var firstSeen: [Int: Int] = [:]
        var merged: [Int: [Int]] = [:]
        for (i, observation) in observations.enumerated() {
            let cell = Panel.flatIndex(
                unit: unitPosition[resolvedUnits[i].code]!, period: periodPosition[observation.period]!,
                indicator: indicatorPosition[observation.indicator]!, periodCount: periods.count, indicatorCount: indicators.count)
            if let first = firstSeen[cell] {
                guard let onDuplicate else {
                    let earlier = observations[first]
                    throw .duplicate(first: earlier.location, second: observation.location, unit: resolvedUnits[i].name,
                                     period: observation.period.description, indicator: observation.indicator)
                }
                report.duplicatesResolved += 1
                switch onDuplicate {
                case .first: continue
                case .last: firstSeen[cell] = i
                case .mean: merged[cell, default: [first]].append(i)
                }
            } else {
                firstSeen[cell] = i
            }
        }
        for (cell, index) in firstSeen {
            let observation = observations[index]
            var cellProvenance = observation.provenance
            if let group = merged[cell] {
                let observed = group.map { observations[$0].value }.filter { !$0.isNaN }
                values[cell] = observed.isEmpty ? .nan : observed.reduce(0, +) / Double(observed.count)
                cellProvenance.note = "mean of \(observed.count) duplicate values"
            } else {
                values[cell] = observation.value
            }
            if values[cell].isNaN {
                report.missingValues += 1
                if cellProvenance.publishedRank != nil { report.rankOnly += 1 }
            } else {
                report.values += 1
            }
            if !cellProvenance.isEmpty { provenance[cell] = cellProvenance }
        }
        return Panel(name: name, unitSystem: system, units: units, periods: periods, indicators: indicators, values: values, provenance: provenance)
    }

    /// The unit system and the unit of every observation.
    private func resolveUnits(_ observations: [Observation], report: inout LoadReport) throws(DataError) -> (UnitSystem, [AdministrativeUnit]) {
        let texts = observations.map { codebook[$0.unitText] ?? $0.unitText }
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
            case .auto: system = try detectSystem(distinct, observations: observations, report: &report)
            }
        }
        var cache: [String: AdministrativeUnit] = [:]
        var units: [AdministrativeUnit] = []
        units.reserveCapacity(observations.count)
        for (i, text) in texts.enumerated() {
            if let unit = cache[text] { units.append(unit); continue }
            do {
                let unit = try system.resolve(text)
                cache[text] = unit
                units.append(unit)
            } catch {
                throw .unknownUnit(at: observations[i].unitLocation, lookup: error)
            }
        }
        return (system, units)
    }

    private func provinceSystem(_ path: KeyPath<ProvinceRegistry, UnitSystem>) throws(DataError) -> UnitSystem {
        guard let registry else { throw .invalidMetadata(file: name, reason: "the province registry (datasets/provinces) is not available") }
        return registry[keyPath: path]
    }

    private func customSystem(_ names: [String]) -> UnitSystem {
        UnitSystem(id: "custom", units: names.map { AdministrativeUnit(code: $0, name: $0) })
    }

    /// Provinces-63 when every name resolves there (provinces-34 when every period is 2025 or later
    /// and the names also resolve there), the file's own units when fewer than half are provinces,
    /// and an error naming the first unknown province otherwise.
    private func detectSystem(_ names: [String], observations: [Observation], report: inout LoadReport) throws(DataError) -> UnitSystem {
        guard let registry else { return customSystem(names) }
        func failures(_ system: UnitSystem) -> [String] { names.filter { (try? system.resolve($0)) == nil } }
        let missing63 = failures(registry.provinces63)
        let missing34 = failures(registry.provinces34)
        let allAfterMerger = observations.allSatisfy { $0.period.year >= 2025 }
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
        let index = observations.firstIndex { (codebook[$0.unitText] ?? $0.unitText) == first }!
        do {
            _ = try registry.provinces63.resolve(first)
        } catch {
            throw .unknownUnit(at: observations[index].unitLocation, lookup: error)
        }
        return registry.provinces63
    }
}
