import ChisoCore

/// An index whose publisher releases the complete table as a workbook, and how its columns are
/// named across the years: chiso reads those workbooks as users download them.
public enum OfficialIndex: String, Sendable, CaseIterable {
    /// VCCI's Provincial Competitiveness Index: workbooks of 2005–2019 in four layout generations.
    case pci
    /// CECODES/UNDP's PAPI: six dimensions to 2017, eight from 2018.
    case papi

    /// The bundled dataset the imported values join.
    public var dataset: String { rawValue }

    /// The indicator of the total whose published rank a rank column gives.
    var totalIndicator: String { self == .pci ? "PCI" : "PAPI_TOTAL" }

    /// What a column header means: an indicator of the catalog, or the published rank of the total.
    enum Column: Hashable {
        case indicator(String)
        case rank
    }

    /// The meaning of a column of a summary sheet, from its header in any year's wording
    /// (Vietnamese or English, with or without diacritics); nil for a column chiso does not import.
    func column(header: String) -> Column? {
        let text = " " + NameFolding.asciiFolded(header) + " "
        switch self {
        case .pci: return Self.pciColumn(text)
        case .papi: return Self.papiColumn(text)
        }
    }

    /// The sub-index a sheet holds, from its name ("Tính minh bạch", "Bias", "CSPTKVKTTN").
    func sheetIndicator(_ name: String) -> String? {
        guard self == .pci else { return nil }
        let text = " " + NameFolding.asciiFolded(name) + " "
        if text.contains(" csptkvkttn ") { return "PCI_BUSINESS_SUPPORT" }
        return Self.pciSubIndex(text)
    }

    /// Whether a header names a sub-index score column of a sub-index sheet ("Sub-Index3",
    /// "Chỉ số thành phần", "Điểm chỉ số thành phần", "Chỉ số 1_ gia nhập thị trường").
    func isSubIndexScore(header: String) -> Bool {
        let text = " " + NameFolding.asciiFolded(header) + " "
        if text.contains(" sub index") || text.contains(" chi so thanh phan") { return true }
        // "chi so 1 gia nhap…", "chi so5 cp…": a numbered index.
        guard let range = text.range(of: " chi so") else { return false }
        return text[range.upperBound...].drop { $0 == " " }.first?.isNumber == true
    }

    private static func pciColumn(_ text: String) -> Column? {
        if (text.contains(" xep hang ") || text.contains(" thu hang ") || text.hasPrefix(" rank ")) && !text.contains(" nhom ") { return .rank }
        if text.contains(" chua co trong so") || text.contains(" khong co trong so") || text.contains(" khong trong so") || text.contains(" unweighted") {
            return .indicator("PCI_UNWEIGHTED")
        }
        let isTotal = text.contains(" pci ") && (text.contains(" trong so") || text.contains(" weighted ")
            || text.range(of: #"^ (chi so )?pci( [0-9]{4})? $"#, options: .regularExpression) != nil)
        if isTotal && pciSubIndex(text) == nil { return .indicator("PCI") }
        return pciSubIndex(text).map(Column.indicator)
    }

    /// The sub-index a text names, by the words each year's workbook uses for it.
    static func pciSubIndex(_ text: String) -> String? {
        let words: [(String, [String])] = [
            ("PCI_ENTRY_COSTS", [" gia nhap thi truong", " entry cost"]),
            ("PCI_ACCESS_TO_LAND", [" dat dai", " land "]),
            ("PCI_TRANSPARENCY", [" minh bach", " transparen"]),
            ("PCI_TIME_COSTS", [" chi phi thoi gian", " chi phi ve thoi gian", " cp thoi gian", " time cost"]),
            ("PCI_INFORMAL_CHARGES", [" khong chinh thuc", " informal"]),
            ("PCI_POLICY_BIAS", [" uu dai", " canh tranh binh dang", " bias "]),
            ("PCI_PROACTIVITY", [" nang dong", " proactiv"]),
            ("PCI_BUSINESS_SUPPORT", [" ho tro doanh nghiep", " ho tro dn", " dvhtdn", " phat trien khu vuc kinh te tu nhan", " ptkttn", " business support", " bss "]),
            ("PCI_LABOR_POLICY", [" dao tao lao dong", " lao dong", " labor", " labour"]),
            ("PCI_LAW_AND_ORDER", [" thiet che phap ly", " phap ly", " law ", " legal "]),
            ("PCI_CENTRAL_POLICY", [" chinh sach cua trung uong", " cs cua trung uong"]),
        ]
        return words.first { _, phrases in phrases.contains { text.contains($0) } }?.0
    }

    private static func papiColumn(_ text: String) -> Column? {
        if text.contains(" xep hang ") && !text.contains(" nhom ") { return .rank }
        if text.contains(" chi so papi") || text.hasPrefix(" papi ") {
            if text.contains(" khong co trong so") || text.contains(" khong trong so") || text.contains(" unweighted") { return .indicator("PAPI_TOTAL") }
            if text.contains(" trong so") || text.contains(" weighted") { return .indicator("PAPI_TOTAL_WEIGHTED") }
            return .indicator("PAPI_TOTAL")
        }
        // "1: Tham gia…", "Chỉ số nội dung 1: …" → dimension 1; "1.1: Tri thức…" → sub-dimension 1.1.
        let body = text.hasPrefix(" chi so noi dung ") ? String(text.dropFirst(" chi so noi dung".count)) : text
        let tokens = body.split(separator: " ")
        guard let first = tokens.first, let dimension = Int(first), (1...8).contains(dimension) else { return nil }
        if tokens.count > 1, let part = Int(tokens[1]), (1...9).contains(part) { return .indicator("PAPI_D\(dimension)_\(part)") }
        return .indicator("PAPI_D\(dimension)")
    }
}
