import ChisoCore
import ChisoDossiers
import ChisoOutput

/// The figures a report states, read by `ReportExtractor`, as tables.
public struct ExtractionResult: Sendable {
    /// The figures, in the order the text states them.
    public let figures: [ExtractedFigure]

    /// The result of an extraction.
    public init(figures: [ExtractedFigure]) {
        self.figures = figures
    }

    /// The figures of a report, one row each with the text and sentence it came from.
    public var table: Table {
        Table(
            title: LocalizedText(vi: "Số liệu nêu trong báo cáo", en: "Figures stated in the report"),
            columns: [
                Table.Column("kind", LocalizedText(vi: "Loại", en: "Kind"), alignment: .left),
                Table.Column("figure", LocalizedText(vi: "Số liệu", en: "Figure"), alignment: .left),
                Table.Column("value", Label.value),
                Table.Column("max", LocalizedText(vi: "Tối đa", en: "Max")),
                Table.Column("unit", LocalizedText(vi: "Đơn vị tính", en: "Unit"), alignment: .left),
                Table.Column("index", LocalizedText(vi: "Chỉ số", en: "Index"), alignment: .left),
                Table.Column("approximate", LocalizedText(vi: "Ước", en: "Approx."), alignment: .left),
                Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period")),
                Table.Column("subject", LocalizedText(vi: "Cơ quan", en: "Subject"), alignment: .left),
                Table.Column("text", LocalizedText(vi: "Nguyên văn", en: "Text"), alignment: .left),
                Table.Column("offset", LocalizedText(vi: "Vị trí", en: "Offset"), visibility: .dataOnly),
                Table.Column("sentence", LocalizedText(vi: "Câu", en: "Sentence"), alignment: .left, visibility: .dataOnly),
            ],
            rows: figures.map { f in
                [.text(f.kind.rawValue), .text(f.figure), .number(f.value, precision: f.unit == "points" ? 3 : f.unit == "%" ? 2 : 0),
                 f.maximum.map { .number($0, precision: f.unit == "dossiers" ? 0 : 1) } ?? .missing, .text(f.unit), f.index.map { .text($0) } ?? .missing,
                 .text(f.approximate ? "yes" : ""), f.period.map { .text($0.description) } ?? .missing, f.subject.map { .text($0) } ?? .missing,
                 .text(f.text), .integer(f.offset), .text(f.sentence)]
            })
    }

    /// The dossier counts of a report as aggregate rows (one per subject and period), ready for
    /// `chiso dossiers check` and `chiso dossiers rates`.
    public var dossierTable: Table {
        let dossierFigures = figures.filter { DossierField(rawValue: $0.figure) != nil && $0.kind == .dossiers }
        var keys: [String] = []
        var rows: [String: (subject: String, period: Period?, counts: [DossierField: Double])] = [:]
        for f in dossierFigures {
            let key = "\(f.subject ?? "")|\(f.period?.description ?? "")"
            if rows[key] == nil { keys.append(key); rows[key] = (f.subject ?? "", f.period, [:]) }
            let field = DossierField(rawValue: f.figure)!
            if rows[key]!.counts[field] == nil { rows[key]!.counts[field] = f.value }
        }
        let fields = DossierField.allCases.filter { field in rows.values.contains { $0.counts[field] != nil } }
        return Table(
            columns: [Table.Column("unit", Label.unit, alignment: .left), Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period"))]
                + fields.map { Table.Column($0.rawValue, $0.label) },
            rows: keys.map { key in
                let row = rows[key]!
                return [.text(row.subject), row.period.map { .text($0.description) } ?? .missing] + fields.map { row.counts[$0].map { .number($0, precision: 0) } ?? .missing }
            })
    }

    /// The scores as a scorecard in the long layout `scorecard` reads: one row per unit, year and
    /// criterion — `TOTAL` for a total ("93,364/98 điểm"), the field's name for a field score
    /// ("cải cách tài chính công đạt 7,5/8 điểm") — with its maximum, and the rank stated with
    /// the total. The first figure of a unit, year and criterion is kept.
    public var scorecardTable: Table {
        var keys: [String] = []
        var rows: [String: (subject: String, period: Period?, criterion: String, value: Double, maximum: Double?)] = [:]
        for f in figures where f.unit == "points" && (f.figure == "score" || f.figure.hasPrefix("score:")) {
            let criterion = f.figure == "score" ? "TOTAL" : String(f.figure.dropFirst("score:".count))
            let key = "\(f.subject ?? "")|\(f.period?.description ?? "")|\(criterion)"
            if rows[key] == nil { keys.append(key); rows[key] = (f.subject ?? "", f.period, criterion, f.value, f.maximum) }
        }
        let ranks = Dictionary(figures.filter { $0.figure == "rank" }.map { ("\($0.subject ?? "")|\($0.period?.description ?? "")|TOTAL", $0.value) },
                               uniquingKeysWith: { first, _ in first })
        return Table(
            columns: [Table.Column("unit", Label.unit, alignment: .left), Table.Column("year", LocalizedText(vi: "Năm", en: "Year")),
                      Table.Column("indicator", LocalizedText(vi: "Tiêu chí", en: "Criterion"), alignment: .left), Table.Column("value", Label.value),
                      Table.Column("max", LocalizedText(vi: "Điểm tối đa", en: "Maximum")), Table.Column("rank", Label.rank)],
            rows: keys.map { key in
                let row = rows[key]!
                return [.text(row.subject), row.period.map { .text($0.description) } ?? .missing, .text(row.criterion), .number(row.value, precision: 3),
                        row.maximum.map { .number($0, precision: 3) } ?? .missing, ranks[key].map { .number($0, precision: 0) } ?? .missing]
            })
    }
}
