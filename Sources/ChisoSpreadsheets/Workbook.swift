import ChisoCore

/// A workbook file whose sheets are read one at a time.
public protocol WorkbookFile {
    /// The file, as the user named it.
    var path: String { get }
    /// Sheet names in workbook order.
    var sheetNames: [String] { get }
    /// The sheet at 0-based `index` of `sheetNames`.
    func sheet(at index: Int) throws(DataError) -> Worksheet
}

extension WorkbookFile {
    /// The sheet named `selector`, or at 1-based position `selector`, or the first.
    public func sheet(_ selector: String?) throws(DataError) -> Worksheet {
        var index = 0
        if let selector {
            if let found = sheetNames.firstIndex(of: selector) {
                index = found
            } else if let position = Int(selector), position >= 1, position <= sheetNames.count {
                index = position - 1
            } else {
                throw .unreadable(path: path, reason: "no sheet '\(selector)'; its sheets are \(sheetNames.map { "'\($0)'" }.joined(separator: ", "))")
            }
        }
        guard sheetNames.indices.contains(index) else { throw .emptyFile(file: path) }
        return try sheet(at: index)
    }
}

/// A workbook in either format, told apart by the file's content rather than its name: Office
/// Open XML (`.xlsx`) or Excel 97–2003 (`.xls`).
public struct Workbook: WorkbookFile {
    private let file: any WorkbookFile

    /// Opens the workbook at `path`.
    /// - Throws: `DataError.notATable` for a file that is no workbook (a PDF, a Word document, an
    ///   HTML page saved as `.xls`…), saying what it is; the readers' errors otherwise.
    public init(path: String, limits: WorkbookLimits = WorkbookLimits()) throws(DataError) {
        switch FileKind.detect(path: path) {
        case .xlsx: file = try XLSXWorkbook(path: path, limits: limits)
        case .compoundFile: file = try XLSWorkbook(path: path, limits: limits)
        case let .damagedZip(reason): throw .unreadable(path: path, reason: reason)
        case let kind:
            let (what, advice) = kind.refusal ?? ("text, not a workbook", "read it as CSV")
            throw .notATable(path: path, what: what, advice: advice)
        }
    }

    public var path: String { file.path }
    public var sheetNames: [String] { file.sheetNames }
    public func sheet(at index: Int) throws(DataError) -> Worksheet { try file.sheet(at: index) }
}
