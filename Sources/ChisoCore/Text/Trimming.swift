import Foundation

extension String {
    /// The text without leading and trailing white space (`CharacterSet.whitespaces`: spaces,
    /// tabs and the Unicode space separators such as the no-break space). A cell that starts and
    /// ends with an ASCII character other than a space or tab, as nearly all do, is returned as it
    /// is without Foundation's scan.
    public var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if plain(first) && plain(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
