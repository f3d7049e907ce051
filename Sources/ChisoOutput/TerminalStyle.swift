/// Whether a terminal table is coloured: `--color always|never|auto`, where auto colours only a
/// terminal and respects `NO_COLOR` (https://no-color.org: set and not empty turns colour off).
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never

    /// Whether to colour, given where the output goes and the environment.
    public func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}

/// ANSI colour for a number whose sign is good or bad news under the column's tone.
func colored(_ text: String, value: Double, tone: Table.Tone) -> String {
    guard tone != .neutral, value != 0, !value.isNaN else { return text }
    let good = (value > 0) == (tone == .upIsGood)
    return (good ? "\u{1B}[32m" : "\u{1B}[31m") + text + "\u{1B}[0m"
}

/// `text` cut to `width` display columns, ending in "…" when cut.
func truncated(_ text: String, to width: Int) -> String {
    guard displayWidth(text) > width else { return text }
    var out = "", used = 0
    for character in text {
        let w = displayWidth(String(character))
        if used + w > width - 1 { break }
        out.append(character)
        used += w
    }
    while out.last == " " { out.removeLast() }
    return out + "…"
}

/// Column widths that fit `maxWidth` (columns separated by two spaces): the widest left-aligned
/// text columns give way first, down to `minimum` each; numbers are never cut.
func fitted(_ widths: [Int], alignments: [Table.Alignment], maxWidth: Int, minimum: Int = 8) -> [Int] {
    var widths = widths
    var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - maxWidth
    while excess > 0, let j = widths.indices.filter({ alignments[$0] == .left && widths[$0] > minimum }).max(by: { widths[$0] < widths[$1] }) {
        widths[j] -= 1
        excess -= 1
    }
    return widths
}
