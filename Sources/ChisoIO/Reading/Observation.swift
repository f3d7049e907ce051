import ChisoCore
/// One value read from a file, before its unit name is resolved.
struct Observation: Sendable {
    var unitText: String
    var unitLocation: SourceLocation
    var period: Period
    var indicator: String
    /// NaN when the cell is missing.
    var value: Double
    var provenance: CellProvenance
    var location: SourceLocation
    /// The group the unit is ranked in (departments, districts…), where the file says.
    var group: String? = nil
    /// The indicator's place in a scorecard's criteria tree (`1`, `1.2`, `1.2.3`), where the file says.
    var criterionCode: String? = nil
}

/// A numeric cell waiting for the file's decimal convention.
struct NumericCell {
    let text: String
    let location: SourceLocation
}

/// Reads the numeric cells of a file under one decimal convention, detected from all of them.
enum DecimalResolver {
    /// The convention for `cells`: the option when given, else what the cells decide.
    /// - Throws: `DataError.mixedDecimal` when cells decide both ways, `.ambiguousDecimal`
    ///   when some cell is ambiguous and none decides.
    static func convention(for cells: [NumericCell], option: DecimalSeparator?) throws(DataError) -> DecimalSeparator {
        if let option { return option }
        var comma: NumericCell?
        var point: NumericCell?
        var ambiguous: NumericCell?
        for cell in cells {
            switch NumberSyntax.evidence(cell.text) {
            case .decided(.comma): if comma == nil { comma = cell }
            case .decided(.point): if point == nil { point = cell }
            case .ambiguous: if ambiguous == nil { ambiguous = cell }
            case .integer, .notANumber: break
            }
        }
        if let comma, let point {
            throw .mixedDecimal(comma: comma.location, commaText: comma.text, point: point.location, pointText: point.text)
        }
        if comma != nil { return .comma }
        if point != nil { return .point }
        if let ambiguous { throw .ambiguousDecimal(at: ambiguous.location, text: ambiguous.text) }
        return .point
    }

    /// The value of a cell: NaN for a missing marker.
    /// - Throws: `DataError.badNumber` for text that is neither a number nor a missing marker.
    static func value(of cell: NumericCell, convention: DecimalSeparator) throws(DataError) -> Double {
        if NumberSyntax.isMissing(cell.text) { return .nan }
        guard let value = NumberSyntax.parse(cell.text, decimal: convention) else {
            if NumberSyntax.overflows(cell.text, decimal: convention) {
                throw .numberOutOfRange(at: cell.location, text: String(cell.text.prefix(40)) + (cell.text.count > 40 ? "…" : ""))
            }
            throw .badNumber(at: cell.location, text: cell.text, convention: "decimal \(convention.rawValue)")
        }
        return value
    }
}

/// Header names each column role answers to, compared by `NameFolding.key`.
enum ColumnRole {
    static let unit = ["unit", "province", "tỉnh", "đơn vị", "tỉnh thành", "tỉnh thành phố", "địa phương", "mã tỉnh", "tên",
                       "province code", "province id", "unit code", "mã đơn vị", "mã địa phương",
                       "tên tỉnh", "tên tỉnh thành phố", "tên đơn vị", "tên địa phương", "province name", "provinces"]
    static let period = ["period", "year", "năm", "kỳ", "kỳ báo cáo", "thời gian"]
    static let indicator = ["indicator", "index", "chỉ số", "chỉ tiêu", "tiêu chí", "variable"]
    static let value = ["value", "giá trị", "score", "điểm", "số điểm"]
    static let rank = ["rank", "xếp hạng", "thứ hạng", "hạng"]
    static let maximum = ["max", "maximum", "tối đa", "điểm tối đa", "max points"]
    static let source = ["source", "source url", "url", "nguồn"]
    static let rankSource = ["rank source", "rank_source"]
    static let note = ["note", "notes", "ghi chú", "derivation"]
    /// The group a unit is ranked in: a province ranks its departments, its districts and the
    /// central agencies in it separately.
    static let group = ["group", "level", "unit group", "nhóm", "khối", "cấp", "nhóm đơn vị", "khối đơn vị"]
    /// A criterion's code in a scorecard (`1`, `1.2`, `1.2.3`): the codes make the criteria tree.
    static let criterionCode = ["criterion code", "mã tiêu chí", "số hiệu tiêu chí"]
    /// The criterion a criterion belongs to, by name: another way to give the tree.
    static let parent = ["parent", "parent criterion", "tiêu chí cha", "thuộc tiêu chí"]
    /// How many units the published ranking covers: the size of a group some of whose units the
    /// file lacks (Tây Ninh's districts: 6 rows of 9).
    static let outOf = ["out of", "out_of", "trên tổng số", "số đơn vị xếp hạng"]
    /// The kind of score: self-assessed, appraised, final (`ScoreKind`).
    static let scoreKind = ["kind", "score kind", "loại điểm"]
}

extension Period {
    /// The period a column header names in a years-as-columns table: `2014`, and the spellings
    /// exports give it — `y2014`, `2014.0` (a year read as a number), `Năm 2014`, `Year 2014`.
    public init?(header: String) {
        if let period = Period(parsing: header) {
            self = period
            return
        }
        var text = header.trimmingSpaces
        let words = NameFolding.words(text)
        if words.count == 2, ["nam", "year"].contains(words[0]) {
            text = words[1]
        } else if text.count == 5, text.first == "y" || text.first == "Y" {
            text.removeFirst()
        } else if text.count == 6, text.hasSuffix(".0") {
            text.removeLast(2)
        }
        guard text.count == 4, text.allSatisfy(\.isASCII), let period = Period(parsing: text), period.kind == .year else { return nil }
        self = period
    }
}

extension TabularFile {
    /// The period of a record: read from its period column, else the file's fallback period.
    func period(of record: CSVRecord, column: Int?, fallback: Period?) throws(DataError) -> Period {
        guard let column else {
            guard let fallback else { throw .noPeriod(file: displayName) }
            return fallback
        }
        let text = field(record, column)
        guard let parsed = Period(parsing: text) else { throw .badPeriod(at: location(record, column), text: text) }
        return parsed
    }
}
