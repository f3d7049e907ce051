/// A one-line chart of a series with the eight block characters ▁▂▃▄▅▆▇█, scaled to the
/// series' own range; a missing (or infinite) value is a space, a constant series a row of ▄.
public func sparkline(_ values: [Double]) -> String {
    let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let observed = values.filter(\.isFinite)
    guard let low = observed.min(), let high = observed.max() else { return String(repeating: " ", count: values.count) }
    return String(values.map { value -> Character in
        if !value.isFinite { return " " }
        if high == low { return blocks[3] }
        return blocks[min(7, Int((value - low) / (high - low) * 8))]
    })
}
