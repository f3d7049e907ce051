/// How tied values share ranks. The semantics are pandas' `Series.rank`
/// (`method=` `min`, `average`, `dense`, `first`, `max`), checked against it in the tests.
public enum TieMethod: String, CaseIterable, Sendable {
    /// Tied values all get the lowest rank of the group (1, 2, 2, 4) — the
    /// convention of published league tables, and the default.
    case min
    /// Tied values get the mean of the ranks they span (1, 2.5, 2.5, 4).
    case average
    /// Tied values get the lowest rank and the next value follows on (1, 2, 2, 3).
    case dense
    /// Tied values are ranked in order of appearance (1, 2, 3, 4).
    case first
    /// Tied values all get the highest rank of the group (1, 3, 3, 4).
    case max
}

/// Which values rank first.
public enum RankDirection: String, Sendable {
    /// The largest value gets rank 1 (scores where higher is better).
    case descending
    /// The smallest value gets rank 1.
    case ascending
}

/// Ranks of `values`, with NaN left unranked (`nil`), as pandas does with `na_option="keep"`.
///
/// Ties are exact equality of `Double` values; order of appearance breaks ties for
/// `.first`, so the result is deterministic for a given input order.
///
/// - Returns: one rank per input value; ranks run from 1 to the number of non-NaN values.
public func ranks(of values: [Double], direction: RankDirection = .descending, ties: TieMethod = .min) -> [Double?] {
    // (key, position) pairs, the key negated for descending order, so that one comparison of
    // plain numbers orders them; the position breaks ties in order of appearance.
    var ordered: [(key: Double, index: Int)] = []
    ordered.reserveCapacity(values.count)
    for (index, value) in values.enumerated() where !value.isNaN {
        ordered.append((direction == .descending ? -value : value, index))
    }
    ordered.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
    var result = [Double?](repeating: nil, count: values.count)
    var start = 0
    var denseRank = 0.0
    while start < ordered.count {
        var end = start
        while end + 1 < ordered.count, ordered[end + 1].key == ordered[start].key { end += 1 }
        denseRank += 1
        let lowest = Double(start + 1)
        let highest = Double(end + 1)
        for offset in 0...(end - start) {
            let index = ordered[start + offset].index
            switch ties {
            case .min: result[index] = lowest
            case .max: result[index] = highest
            case .average: result[index] = (lowest + highest) / 2
            case .dense: result[index] = denseRank
            case .first: result[index] = lowest + Double(offset)
            }
        }
        start = end + 1
    }
    return result
}
