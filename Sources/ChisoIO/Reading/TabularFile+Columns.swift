import ChisoCore

extension TabularFile {
    /// Headers of columns that number rows (STT, TT, Thứ tự, PCI ID, Mã PCI…): never unit codes
    /// and never indicators.
    static let rowNumberHeaders: Set<String> = Set(["stt", "tt", "so tt", "số tt", "số thứ tự", "thứ tự", "no", "no.", "#",
                                                    "pci id", "id pci", "mã pci", "pci_id"].map(NameFolding.key))

    /// Whether column `column` numbers the rows, by its header.
    func isRowNumberColumn(_ column: Int) -> Bool {
        column < header.count && Self.rowNumberHeaders.contains(NameFolding.key(header[column]))
    }

    /// Whether column `column`'s header says it holds codes (mã, code, GSO).
    func isCodeColumn(_ column: Int) -> Bool {
        guard column < header.count else { return false }
        let words = NameFolding.words(header[column])
        return words.contains { ["ma", "code", "codes", "gso"].contains($0) } && !isRowNumberColumn(column)
    }

    /// The column of unit names: the one whose header says so (unit, tỉnh, province…), else the
    /// first column of text, else a column of numbers whose header says they are codes. A
    /// column of numbers under any other header (an unnamed column of 1, 2, 3…, PCI ID) is never
    /// read as province codes: 1 would become Hà Nội and 2 Hà Giang.
    /// - Throws: `DataError.missingColumn` saying what the candidate columns hold.
    func unitColumn() throws(DataError) -> Int {
        if let named = column(named: ColumnRole.unit), !isRowNumberColumn(named) { return named }
        func isText(_ column: Int) -> Bool {
            let cells = records.map { field($0, column) }.filter { !NumberSyntax.isMissing($0) }
            return !cells.isEmpty && cells.filter { NumberSyntax.evidence($0) == .notANumber }.count * 10 >= cells.count * 8
        }
        if let text = header.indices.first(where: { !isRowNumberColumn($0) && isText($0) }) { return text }
        if let codes = header.indices.first(where: isCodeColumn) { return codes }
        let described = header.indices.prefix(3).map { "'\(header[$0].isEmpty ? "column \($0 + 1)" : header[$0])'" }.joined(separator: ", ")
        throw .missingColumn(file: displayName, role: "unit-name (no column of names: \(described) hold numbers, which are read as unit codes only under a header such as 'code' or 'mã tỉnh')", headers: header)
    }
}
