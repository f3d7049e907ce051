import ChisoCore
import Foundation

/// Figures of a table of dossier counts: each numeric cell is a figure of its column's field
/// ("Tổng", "Đã xử lý", "Trước hạn" …), with the row's label and the column's name as context;
/// a percentage cell is the share of the count beside it.
enum ReportTables {
    /// Column names and the field each gives, longest first so that "Chưa xử lý" is not read as
    /// "Đã xử lý".
    static let columnNames: [(name: String, field: String)] = [
        ("kỳ trước chuyển sang", "carried_over"), ("kỳ trước chuyển qua", "carried_over"), ("tiếp nhận mới", "received_new"),
        ("chưa xử lý", "pending"), ("đang xử lý", "pending"), ("đang giải quyết", "pending"), ("chưa giải quyết", "pending"),
        ("đã xử lý", "resolved"), ("đã giải quyết", "resolved"), ("trước hạn", "resolved_early"), ("đúng hạn", "resolved_on_time"),
        ("trễ hạn", "resolved_late"), ("quá hạn", "resolved_late"), ("trực tuyến", "received_online"), ("trực tiếp", "received_direct"),
        ("bưu chính", "received_postal"), ("rút", "withdrawn"), ("số hóa", "digitized"), ("tổng số", "received"), ("tiếp nhận", "received"),
        ("tổng", "received"),
    ]

    /// The fields of the column names a header line or cell states, in order.
    static func columns(inHeader line: String) -> [String] {
        var text = " " + line.lowercased().precomposedStringWithCanonicalMapping + " "
        if text.contains(where: \.isNumber) { return [] }
        var found: [(position: Int, field: String)] = []
        for (name, field) in columnNames {
            while let range = text.range(of: " " + name + " ") ?? text.range(of: " " + name + "(") {
                // The name without its spaces is blanked, so that names side by side are all found.
                let inner = text.index(after: range.lowerBound)..<text.index(before: range.upperBound)
                found.append((text.distance(from: text.startIndex, to: range.lowerBound), field))
                text.replaceSubrange(inner, with: String(repeating: "#", count: text[inner].count))
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.field)
    }

    static let cellNumber = try! NSRegularExpression(pattern: #"(?<![\p{L}\d.,])("# + ReportNumbers.numberPart + #")(\s*%)?(?![\d\p{L}])"#)

    /// A flattened row: its label (the text before its numbers) and its numbers, the last of
    /// which fill the columns.
    static func rowTokens(_ line: String) -> (label: String, values: [(text: String, percent: Bool)]) {
        let ns = line as NSString
        let matches = cellNumber.matches(in: line, range: NSRange(location: 0, length: ns.length))
        let values = matches.map { (ns.substring(with: $0.range).trimmingCharacters(in: .whitespaces), $0.range(at: 2).location != NSNotFound) }
        guard values.filter({ !$0.1 }).count >= 3 else { return ("", []) }
        return (line, values)
    }

    /// The header of a flattened table: the row label column, then each field and its share.
    static func header(_ columns: [String]) -> [String] {
        [""] + columns.flatMap { [$0, $0 + " %"] }
    }

    /// A flattened row as cells under `header(columns)`: the last `columns.count` plain numbers
    /// fill the columns in order, each percentage the share column of the number before it; the
    /// text before the first of them is the row's label.
    static func alignedRow(label line: String, values: [(text: String, percent: Bool)], columns: [String]) -> [String] {
        let plainIndices = values.indices.filter { !values[$0].percent }
        let used = Array(plainIndices.suffix(columns.count))
        guard let first = used.first else { return [] }
        var cells = [String](repeating: "", count: 1 + columns.count * 2)
        var column = -1
        for index in first..<values.count {
            if values[index].percent {
                if column >= 0 { cells[2 + column * 2] = values[index].text }
            } else {
                column += 1
                if column < columns.count { cells[1 + column * 2] = values[index].text }
            }
        }
        // The label: the line up to the first number used.
        let firstText = values[first].text
        var labelText = line
        var searchStart = line.startIndex
        var seen = 0
        while let range = line.range(of: firstText, range: searchStart..<line.endIndex) {
            if seen == values[..<first].filter({ $0.text == firstText }).count { labelText = String(line[..<range.lowerBound]); break }
            seen += 1
            searchStart = range.upperBound
        }
        cells[0] = labelText.trimmingCharacters(in: .whitespaces)
        return cells
    }

    /// The figures of a table's rows: the header is the first row naming at least two columns.
    static func figures(rows: [[String]], offset: Int, state: ReportExtractor.ReadingState) -> [ExtractedFigure] {
        guard let headerIndex = rows.firstIndex(where: { row in
            row.filter { !columns(inHeader: $0).isEmpty || DossierField(rawValue: $0) != nil || $0 == "pending" || $0 == "resolved" }.count >= 2
        }) else { return [] }
        let header = rows[headerIndex]
        func field(_ column: Int) -> (field: String, share: Bool)? {
            guard column < header.count else { return nil }
            let name = header[column]
            let share = name.contains("%") || name.lowercased().contains("tỷ lệ")
            // A flattened table's header names the fields themselves.
            let bare = name.replacingOccurrences(of: " %", with: "")
            if DossierField(rawValue: bare) != nil || bare == "pending" || bare == "resolved" { return (bare, share) }
            if let field = columns(inHeader: name.replacingOccurrences(of: "%", with: " ").replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")).first {
                return (field, share)
            }
            // A share column without its own name follows the count it is the share of.
            if share, column > 0, let previous = columns(inHeader: header[column - 1]).first { return (previous, true) }
            return nil
        }
        var figures: [ExtractedFigure] = []
        for (rowIndex, row) in rows.enumerated() where rowIndex > headerIndex {
            let label = row.first ?? ""
            // A row labelled with a unit's name is that unit's.
            let subject = ReportSubjects.mentions(in: label).first?.subject ?? state.subject
            for (column, cell) in row.enumerated() where column > 0 {
                let text = cell.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty, let (columnField, share) = field(column) else { continue }
                let percent = text.hasSuffix("%") || share
                guard let value = ReportNumbers.number(text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)) else { continue }
                let context = "\(label) / \(header[column])"
                figures.append(ExtractedFigure(
                    kind: percent ? .rate : .dossiers, figure: percent ? "share:\(columnField)" : columnField, value: value, maximum: percent ? 100 : nil,
                    unit: percent ? "%" : "dossiers", period: ReportPeriods.first(in: label) ?? state.documentPeriod, subject: subject,
                    text: text, sentence: context, offset: offset + rowIndex * 100 + column))
            }
        }
        return figures
    }
}
