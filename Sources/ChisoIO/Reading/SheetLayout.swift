import ChisoCore
import ChisoSpreadsheets

/// Where the table lies in a worksheet laid out for people rather than programs: title and
/// label rows above the header, a header of one row or of a group row over a name row, a row of
/// variable codes and blank rows before the data, and footer rows below it (Min, Max, Trung vị,
/// Tổng cộng, a repeated header, a province repeated for emphasis, sources and notes).
struct SheetLayout {
    /// Rows whose texts make the header: one, or a group row over a name row.
    let headerRows: [Int]
    /// Rows above the header, with their text (titles, labels).
    let titleRows: [(row: Int, text: String)]
    /// Rows between the header and the data that hold variable codes (`D/1`, `sub3_transparency`).
    let codeRows: [Int]
    /// Rows read as records.
    let dataRows: [Int]
    /// Empty rows among the records.
    let blankRows: Int
    /// Rows below the table that are not records, with the text that shows why.
    let footerRows: [(row: Int, label: String)]
    /// Rows inside the table with one text cell only: headings of groups of rows, not records.
    let sectionRows: [(row: Int, label: String)]
    /// The table's width: its rightmost non-empty column.
    let width: Int

    private let sheet: Worksheet

    /// The header texts, one per column (1…width), with the group row's text joined before the
    /// name row's where both are given; line breaks and repeated spaces become one space.
    var header: [String] {
        let groups = headerRows.count == 2 ? sheet.merges.filter { $0.rows.lowerBound == headerRows[0] && $0.columns.count > 1 } : []
        return (1...width).map { column in
            let texts = headerRows.enumerated().map { index, row -> String in
                let source = index == 0 ? (groups.first { $0.columns.contains(column) }?.columns.lowerBound ?? column) : column
                return Self.text(sheet, row, source)
            }
            var parts: [String] = []
            for text in texts where !text.isEmpty && !parts.contains(text) { parts.append(text) }
            return parts.joined(separator: " ")
        }
    }

    /// Finds the table; `headerRow` (1-based) overrides the detected header row.
    static func detect(_ sheet: Worksheet, headerRow requested: Int? = nil) throws(DataError) -> SheetLayout {
        let rows = sheet.rows.keys.sorted()
        guard let width = rows.lazy.compactMap({ row in filled(sheet, row).max() }).max() else { throw .emptyFile(file: sheet.displayName) }
        let dataLike = Set(rows.filter { isDataLike(sheet, $0) })

        var headerRows: [Int]
        var firstData: Int
        var codeRows: [Int] = []
        if let requested {
            guard rows.contains(requested), filled(sheet, requested).count >= 1 else {
                throw .unreadable(path: sheet.displayName, reason: "row \(requested) is empty and cannot be the header")
            }
            headerRows = [requested]
            firstData = requested + 1
            if let next = rows.first(where: { $0 > requested }), isCodeRow(sheet, next) { codeRows = [next]; firstData = next + 1 }
        } else {
            // The first of two data-like rows in a row (a lone one may be a note with a number in it).
            // One-cell rows (group headings) between them do not count.
            let multiCell = rows.filter { filled(sheet, $0).count >= 2 }
            let start = multiCell.indices.first { i in
                dataLike.contains(multiCell[i]) && (i + 1 == multiCell.count || dataLike.contains(multiCell[i + 1]))
            }.map { multiCell[$0] } ?? multiCell.first(where: dataLike.contains)
            guard let start else {
                // No row of numbers: the header is the first row with two or more cells.
                guard let header = rows.first(where: { filled(sheet, $0).count >= 2 }) else { throw .emptyFile(file: sheet.displayName) }
                return try detect(sheet, headerRow: header)
            }
            firstData = start
            var above = rows.filter { $0 < start && filled(sheet, $0).count >= 2 && !dataLike.contains($0) }.reversed().makeIterator()
            var header = above.next()
            while let row = header, isCodeRow(sheet, row) {
                codeRows.insert(row, at: 0)
                header = above.next()
            }
            // Codes with no header above them are the header (`unit | period | received_new`).
            if header == nil, !codeRows.isEmpty { header = codeRows.removeLast() }
            guard let header else {
                // A header of years over the data ("Tỉnh | 2023"): the first row of numbers is the header.
                if isYearRow(sheet, start), let next = rows.first(where: { $0 > start }) {
                    return SheetLayout.build(sheet, width: width, headerRows: [start], codeRows: [], firstData: next)
                }
                throw .unreadable(path: sheet.displayName, reason: "no header row above the first row of numbers (row \(start)); give the header row")
            }
            headerRows = [header]
            // A row of text directly above the header joins it: its cells name groups of columns
            // (merged across them), the columns the header row leaves empty, or the columns the
            // header row details.
            if let group = rows.last(where: { $0 < header }), group == header - 1, filled(sheet, group).count >= 2, !isCodeRow(sheet, group) {
                let merged = sheet.merges.contains { $0.rows.lowerBound == group && $0.columns.count > 1 }
                let fillsGaps = filled(sheet, group).contains { text(sheet, header, $0).isEmpty }
                // Or a row of names over a row of sources or units (PCI 2007: indicator, then "Câu hỏi điều tra PCI: H1").
                let namesOverDetails = filled(sheet, group).count * 2 >= filled(sheet, header).count
                if merged || fillsGaps || namesOverDetails { headerRows = [group, header] }
            }
        }

        return build(sheet, width: width, headerRows: headerRows, codeRows: codeRows, firstData: firstData)
    }

    /// The layout once the header is known: records, blank rows, group headings and the footer.
    private static func build(_ sheet: Worksheet, width: Int, headerRows: [Int], codeRows: [Int], firstData: Int) -> SheetLayout {
        let rows = sheet.rows.keys.sorted()
        var dataRows: [Int] = []
        var footer: [(row: Int, label: String)] = []
        var sections: [(row: Int, label: String)] = []
        var blank = 0, pendingBlank = 0
        var inFooter = false
        var seenLabels: Set<String> = []
        let headerKeys = Set((1...width).map { NameFolding.key(text(sheet, headerRows.last!, $0)) }.filter { !$0.isEmpty })
        // Between the header and the first record: codes, blank rows and group headings.
        for row in rows where row > headerRows.last! && row < firstData && !codeRows.contains(row) {
            let cells = filled(sheet, row)
            if cells.count == 1 && !isNumeric(sheet, row, cells[0]) { sections.append((row, label(sheet, row))) }
        }
        var expected = firstData
        for row in rows where row >= firstData {
            // Rows absent from the sheet are empty rows too.
            pendingBlank += row - expected
            expected = row + 1
            let cells = filled(sheet, row)
            if cells.isEmpty { pendingBlank += 1; continue }
            let label = self.label(sheet, row)
            let key = NameFolding.key(label)
            let repeatsHeader = headerKeys.contains(key) && cells.count >= 2
                && cells.filter { headerKeys.contains(NameFolding.key(text(sheet, row, $0))) }.count * 2 >= cells.count
            // A footer label (Min, Trung vị, Tổng cộng, Nguồn…) or a repeated header is a footer row;
            // below a blank row, so is a unit named again (a province repeated for emphasis), and
            // from there on everything is footer.
            let afterBlank = pendingBlank > 0 && !dataRows.isEmpty
            let repeatsUnit = afterBlank && !key.isEmpty && seenLabels.contains(key)
            if inFooter || isFooterLabel(label) || repeatsHeader || repeatsUnit {
                if afterBlank { inFooter = true }
                footer.append((row, label.isEmpty ? text(sheet, row, cells.min()!) : label))
                continue
            }
            if cells.count == 1 && !isNumeric(sheet, row, cells[0]) {
                sections.append((row, label))
                continue
            }
            blank += pendingBlank
            pendingBlank = 0
            if !key.isEmpty { seenLabels.insert(key) }
            dataRows.append(row)
        }
        let titles = rows.filter { $0 < (headerRows.first ?? 1) && !filled(sheet, $0).isEmpty }.map { ($0, label(sheet, $0)) }
        // The table is as wide as its header and records: a stray cell far to the right in a title,
        // a heading or the footer does not widen it.
        let tableWidth = (headerRows + dataRows).compactMap { filled(sheet, $0).max() }.max() ?? width
        return SheetLayout(headerRows: headerRows, titleRows: titles, codeRows: codeRows, dataRows: dataRows, blankRows: blank,
                           footerRows: footer, sectionRows: sections, width: tableWidth, sheet: sheet)
    }

    /// What the layout decided, for the load notes.
    var notes: [Note] {
        var notes: [Note] = []
        let name = sheet.displayName
        if headerRows.first.map({ $0 > 1 }) == true || headerRows.count == 2 {
            let rows = headerRows.count == 2 ? "rows \(headerRows[0])–\(headerRows[1])" : "row \(headerRows[0])"
            let above = titleRows.isEmpty ? "" : " (above it: \(titleRows.prefix(2).map { "'\(Self.shortened($0.text))'" }.joined(separator: ", "))\(titleRows.count > 2 ? ", …" : ""))"
            notes.append(Note("\(name): header at \(rows)\(above)", remedy: .chooseHeaderRow))
        }
        if !codeRows.isEmpty {
            notes.append(Note("\(name): row \(codeRows.map(String.init).joined(separator: ", ")) holds variable codes and is not read"))
        }
        if !sectionRows.isEmpty {
            let labels = sectionRows.prefix(4).map { "'\(Self.shortened($0.label))'" }.joined(separator: ", ")
            let what = sectionRows.count == 1 ? "row \(sectionRows[0].row) has a single text cell: a heading, not a unit" : "\(sectionRows.count) rows with a single text cell are headings, not units"
            notes.append(Note("\(name): \(what) (\(labels)\(sectionRows.count > 4 ? ", …" : ""))"))
        }
        if !footerRows.isEmpty {
            let labels = footerRows.prefix(6).map { "'\(Self.shortened($0.label))'" }.joined(separator: ", ")
            let rows = footerRows.count == 1 ? "row \(footerRows[0].row) below the table is" : "rows \(footerRows.first!.row)–\(footerRows.last!.row) below the table are"
            notes.append(Note("\(name): \(rows) not units and not read (\(labels)\(footerRows.count > 6 ? ", …" : ""))"))
        }
        return notes
    }

    // MARK: - Cells

    static func text(_ sheet: Worksheet, _ row: Int, _ column: Int) -> String {
        guard let raw = sheet.rows[row]?[column]?.text else { return "" }
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func filled(_ sheet: Worksheet, _ row: Int) -> [Int] {
        (sheet.rows[row] ?? [:]).filter { !$0.value.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.key).sorted()
    }

    static func isNumeric(_ sheet: Worksheet, _ row: Int, _ column: Int) -> Bool {
        guard let cell = sheet.rows[row]?[column] else { return false }
        return cell.isNumber || NumberSyntax.evidence(cell.text) != .notANumber
    }

    /// The row's first text that is not a number: the name of what the row is about.
    static func label(_ sheet: Worksheet, _ row: Int) -> String {
        for column in filled(sheet, row) where !isNumeric(sheet, row, column) { return text(sheet, row, column) }
        return ""
    }

    /// A row of numbers: two or more cells, at least a third of them numbers (a paired summary
    /// row is half names), and not a header of years (2019 | 2020 | 2021 rising).
    static func isDataLike(_ sheet: Worksheet, _ row: Int) -> Bool {
        let cells = filled(sheet, row)
        let numbers = cells.filter { isNumeric(sheet, row, $0) }
        guard cells.count >= 2, !numbers.isEmpty, numbers.count * 3 >= cells.count else { return false }
        let years = numbers.compactMap { Int(text(sheet, row, $0)) }.filter { (1990...2100).contains($0) }
        let isYearHeader = years.count == numbers.count && years.count >= 2 && zip(years, years.dropFirst()).allSatisfy { $0 < $1 }
        return !isYearHeader
    }

    /// A row whose numbers are all years, rising: a header over per-year columns.
    static func isYearRow(_ sheet: Worksheet, _ row: Int) -> Bool {
        let numbers = filled(sheet, row).filter { isNumeric(sheet, row, $0) }
        let years = numbers.compactMap { Int(text(sheet, row, $0)) }.filter { (1990...2100).contains($0) }
        return !years.isEmpty && years.count == numbers.count && zip(years, years.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// A row of variable codes: most of its cells are one token with a digit, `_` or `/` in it
    /// and no space (`D/1`, `D/7_2`, `sub3_transparency`, `pci_id`, `q12`).
    static func isCodeRow(_ sheet: Worksheet, _ row: Int) -> Bool {
        let cells = filled(sheet, row)
        guard cells.count >= 2 else { return false }
        let codes = cells.filter { column in
            let token = text(sheet, row, column)
            return token.count <= 40 && !token.contains(" ") && !isNumeric(sheet, row, column)
                && token.contains { $0.isNumber || $0 == "_" || $0 == "/" }
        }
        return codes.count * 3 >= cells.count * 2
    }

    /// Words that start a footer row's label: statistics of the column, totals, sources, notes,
    /// and the rank line of a highlighted province.
    static let footerWords: [[String]] = [
        ["max"], ["min"], ["median"], ["mean"], ["average"], ["avg"], ["std"], ["sum"], ["total"], ["count"],
        ["maximum"], ["minimum"], ["trung", "binh"], ["trung", "vi"], ["binh", "quan"], ["tong", "cong"], ["tong", "so"],
        ["ca", "nuoc"], ["toan", "quoc"], ["diem", "cao", "nhat"], ["diem", "thap", "nhat"], ["cao", "nhat"],
        ["thap", "nhat"], ["lon", "nhat"], ["nho", "nhat"], ["do", "lech", "chuan"], ["nguon"], ["ghi", "chu"],
        ["source"], ["sources"], ["note"], ["notes"], ["thu", "tu"], ["xep", "hang"], ["rank"],
    ]
    /// Labels that are a footer only as the whole label ("Cộng", but not "Công an tỉnh").
    static let footerLabels: [[String]] = [["cong"], ["tong"]]

    static func isFooterLabel(_ label: String) -> Bool {
        let words = NameFolding.words(label)
        return footerWords.contains { words.starts(with: $0) } || footerLabels.contains(words)
    }

    private static func shortened(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }
}
