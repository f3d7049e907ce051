/// Display width in a terminal: one column per grapheme cluster, so Vietnamese letters with
/// stacked marks (NFC or NFD) count as one, and two for East Asian wide characters.
public func displayWidth(_ text: String) -> Int {
    text.reduce(0) { total, character in
        guard let scalar = character.unicodeScalars.first else { return total }
        let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
            || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
            || (0xFF00...0xFF60).contains(scalar.value) || (0xFFE0...0xFFE6).contains(scalar.value)
            || (0x1F300...0x1FAFF).contains(scalar.value)
        return total + (wide ? 2 : 1)
    }
}

/// `text` padded with spaces to `width` display columns.
func padded(_ text: String, to width: Int, alignment: Table.Alignment) -> String {
    let padding = String(repeating: " ", count: max(0, width - displayWidth(text)))
    return alignment == .left ? text + padding : padding + text
}
