import ChisoCore

extension PanelLoader {
    /// Which reader reads a long CSV file.
    public enum Reader: Sendable {
        /// From its bytes, on every core, when the file allows (the same result as `.general`).
        case fastest
        /// Tokenized into records first, as every other table.
        case general
    }

    /// The observations `filter` keeps. The general reader reads every row whole (its notes count
    /// the markers of every row); the byte reader reads dropped rows only for their indicator and
    /// period (its notes count the markers of the rows kept).
    static func filtered(_ observations: [Observation], by filter: PanelFilter, file: String) throws(DataError) -> ObservationBatch {
        guard !filter.keepsEverything else { return ObservationBatch(observations) }
        let names = Array(Set(observations.map(\.indicator)))
        let keptNames = Set(names.filter(filter.keeps(indicator:)))
        let kept = observations.filter { keptNames.contains($0.indicator) && filter.keeps(period: $0.period) }
        try check(filter, names: names, file: file)
        return ObservationBatch(kept)
    }

    /// Refuses a filter whose indicators the file does not have, naming the closest it has.
    static func check(_ filter: PanelFilter, names: [String], file: String) throws(DataError) {
        guard let wanted = filter.indicators else { return }
        let missing = wanted.filter { !names.contains($0) }
        guard !missing.isEmpty else { return }
        let keys = Set(names.map(NameFolding.key))
        for name in missing where !keys.contains(NameFolding.key(name)) {
            let key = NameFolding.key(name)
            let closest = names.map { ($0, NameFolding.editDistance(key, NameFolding.key($0))) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
            throw .unknownIndicator(name: name, file: file, count: names.count, closest: closest)
        }
    }
}
