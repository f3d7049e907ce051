import ChisoCore
import ChisoIO
import ChisoOutput
import Foundation

/// What importing official workbooks did: one row per workbook.
public struct ImportSummary: Sendable {
    /// One workbook and what became of it.
    public struct Row: Sendable {
        public let imported: OfficialWorkbookImport
        public let outcome: ImportStore.Outcome

        public init(imported: OfficialWorkbookImport, outcome: ImportStore.Outcome) {
            self.imported = imported
            self.outcome = outcome
        }
    }

    public let dataset: String
    public let rows: [Row]
    /// Where the merged dataset keeps the imports.
    public let folder: String

    public init(dataset: String, rows: [Row], folder: String) {
        self.dataset = dataset
        self.rows = rows
        self.folder = folder
    }

    public var table: Table {
        let cells: [[Table.Cell]] = rows.map { row in
            let file = (row.imported.file as NSString).lastPathComponent
            let status: LocalizedText
            switch row.outcome {
            case let .added(entry): status = LocalizedText(vi: "đã nhập (\(entry.data))", en: "imported (\(entry.data))")
            case let .unchanged(entry) where entry.file == file:
                status = LocalizedText(vi: "đã nhập trước đó, không đổi", en: "already imported, unchanged")
            case let .unchanged(entry): status = LocalizedText(vi: "cùng số liệu với \(entry.file), không đổi", en: "same values as \(entry.file), unchanged")
            }
            return [
                .text(file), .integer(row.imported.year),
                .integer(row.imported.values.filter { $0.value != nil }.count), .integer(row.imported.values.filter { $0.rank != nil }.count),
                .integer(Set(row.imported.values.map(\.unit.code)).count),
                .text(row.imported.sheetsRead.map(\.name).joined(separator: "; ")),
                .text(row.imported.sheetsSkipped.map { "\($0.name) (\($0.reason))" }.joined(separator: "; ")),
                .localized(status),
            ]
        }
        return Table(
            title: LocalizedText(vi: "Nhập sổ tính chính thức vào '\(dataset)'", en: "Official workbooks imported into '\(dataset)'"),
            columns: [
                Table.Column("file", LocalizedText(vi: "Tệp", en: "File"), alignment: .left),
                Table.Column("year", LocalizedText(vi: "Năm", en: "Year")),
                Table.Column("values", LocalizedText(vi: "Giá trị", en: "Values")),
                Table.Column("ranks", LocalizedText(vi: "Hạng", en: "Ranks")),
                Table.Column("units", LocalizedText(vi: "Đơn vị", en: "Units")),
                Table.Column("sheets_read", LocalizedText(vi: "Trang tính đã đọc", en: "Sheets read"), alignment: .left),
                Table.Column("sheets_skipped", LocalizedText(vi: "Trang tính bỏ qua", en: "Sheets skipped"), alignment: .left),
                Table.Column("status", LocalizedText(vi: "Kết quả", en: "Status"), alignment: .left),
            ],
            rows: cells,
            footnotes: [LocalizedText(vi: "Lưu tại \(folder); từ nay '\(dataset)' gồm số liệu trang web và số liệu nhập (sổ tính được ưu tiên).",
                                      en: "Kept in \(folder); from now on '\(dataset)' is the page figures with the imported values laid over them (the workbook wins).")])
    }
}

/// Cells where the imported workbooks and the bundled page figures differ beyond rounding.
public struct ImportDifferences: Sendable {
    public let dataset: String
    public let disagreements: [ImportMerge.Disagreement]

    public init(dataset: String, disagreements: [ImportMerge.Disagreement]) {
        self.dataset = dataset
        self.disagreements = disagreements
    }

    public var table: Table {
        Table(
            title: LocalizedText(vi: "'\(dataset)': sổ tính khác số liệu trang web", en: "'\(dataset)': where the workbooks differ from the page figures"),
            columns: [
                Table.Column("unit", Label.unit, alignment: .left),
                Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                Table.Column("indicator", Label.indicator, alignment: .left),
                Table.Column("field", LocalizedText(vi: "Trường", en: "Field"), alignment: .left),
                Table.Column("page", LocalizedText(vi: "Trang web", en: "Page")),
                Table.Column("workbook", LocalizedText(vi: "Sổ tính (dùng)", en: "Workbook (used)")),
                Table.Column("page_source", LocalizedText(vi: "Nguồn trang", en: "Page source"), alignment: .left),
                Table.Column("workbook_source", LocalizedText(vi: "Ô sổ tính", en: "Workbook cell"), alignment: .left),
            ],
            rows: disagreements.map { [.text($0.unit), .text($0.period), .text($0.indicator), .text($0.field), .text($0.bundled), .text($0.imported),
                                       .text($0.bundledSource), .text($0.importedSource)] },
            footnotes: [LocalizedText(vi: "Làm tròn: giá trị sổ tính làm tròn bằng số trên trang (65,15 và 65,2) thì không tính là khác.",
                                      en: "Rounding: a workbook value that rounds to the page's figure at the page's precision (65.15 and 65.2) is no difference.")])
    }
}

/// Where a dataset's values come from: each page, and each sheet of an imported workbook.
public struct DatasetSources: Sendable {
    public let panel: Panel

    public init(panel: Panel) {
        self.panel = panel
    }

    public var table: Table {
        var counts: [String: (values: Int, ranks: Int, indicators: Set<String>, years: Set<Int>)] = [:]
        for u in panel.units.indices {
            for p in panel.periods.indices {
                for i in panel.indicators.indices {
                    guard let provenance = panel.provenance(unit: u, period: p, indicator: i) else { continue }
                    let hasValue = !panel.value(unit: u, period: p, indicator: i).isNaN
                    guard hasValue || provenance.publishedRank != nil, let source = provenance.source else { continue }
                    // A workbook cell `file[sheet]!E2` counts for its sheet.
                    let sheet = source.hasPrefix("http") ? source : String(source.prefix { $0 != "!" })
                    var entry = counts[sheet] ?? (0, 0, [], [])
                    if hasValue { entry.values += 1 }
                    if provenance.publishedRank != nil { entry.ranks += 1 }
                    entry.indicators.insert(panel.indicators[i].id)
                    entry.years.insert(panel.periods[p].year)
                    counts[sheet] = entry
                }
            }
        }
        let rows: [[Table.Cell]] = counts.sorted { ($0.value.values, $1.key) > ($1.value.values, $0.key) }.map { source, entry in
            let years = entry.years.sorted()
            return [.text(source), .text(source.hasPrefix("http") ? "page" : "workbook"), .integer(entry.values), .integer(entry.ranks),
                    .text(years.count == 1 ? "\(years[0])" : "\(years.first!)–\(years.last!)"), .text(entry.indicators.sorted().joined(separator: " "))]
        }
        return Table(
            title: LocalizedText(vi: "\(panel.name): nguồn của từng giá trị", en: "\(panel.name): where the values come from"),
            columns: [
                Table.Column("source", LocalizedText(vi: "Nguồn", en: "Source"), alignment: .left),
                Table.Column("kind", LocalizedText(vi: "Loại", en: "Kind"), alignment: .left),
                Table.Column("values", LocalizedText(vi: "Giá trị", en: "Values")),
                Table.Column("ranks", LocalizedText(vi: "Hạng", en: "Ranks")),
                Table.Column("years", LocalizedText(vi: "Năm", en: "Years")),
                Table.Column("indicators", LocalizedText(vi: "Chỉ số", en: "Indicators"), alignment: .left),
            ],
            rows: rows)
    }
}
