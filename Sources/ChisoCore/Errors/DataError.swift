import ChisoNumerics

/// Why an input could not be read. Every case says where and what to do.
public enum DataError: RemediableError, Equatable {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case tooLarge(path: String, reason: String)
    /// A file of a kind chiso does not read as a table (a PDF, a Word document…): what it is and what to do.
    case notATable(path: String, what: String, advice: String)
    case emptyFile(file: String)
    case noDataRows(file: String)
    case notUTF8(at: SourceLocation, likelyEncoding: String)
    case truncatedUTF8(at: SourceLocation)
    case damagedUTF8(at: SourceLocation)
    case utf16(file: String)
    case unterminatedQuote(at: SourceLocation)
    case strayQuote(at: SourceLocation)
    case raggedRow(at: SourceLocation, expected: Int, found: Int)
    case missingColumn(file: String, role: String, headers: [String])
    case badNumber(at: SourceLocation, text: String, convention: String)
    case ambiguousDecimal(at: SourceLocation, text: String)
    case numberOutOfRange(at: SourceLocation, text: String)
    case mixedDecimal(comma: SourceLocation, commaText: String, point: SourceLocation, pointText: String)
    case badRank(at: SourceLocation, text: String)
    case emptyField(at: SourceLocation, role: String)
    case badPeriod(at: SourceLocation, text: String)
    case noPeriod(file: String)
    case duplicate(first: SourceLocation, second: SourceLocation, unit: String, period: String, indicator: String)
    /// A unit placed in two groups (departments, districts…), or a criterion given two codes: an
    /// attribute of a unit or an indicator that differs between its rows.
    case conflictingAttribute(first: SourceLocation, firstValue: String, second: SourceLocation, secondValue: String, subject: String, attribute: String)
    case unknownUnit(at: SourceLocation, lookup: UnitLookupError)
    case noPerYearFiles(folder: String)
    case datasetNotFound(name: String, available: [String], searched: [String])
    case datasetsFolderNotFound(searched: [String])
    case invalidMetadata(file: String, reason: String)
    /// A workbook whose values for a year differ from those of a workbook already imported.
    case importConflict(file: String, imported: String, dataset: String, differences: [String])
    /// A table with more rows or columns than an `.xlsx` sheet holds.
    case tooLargeForSheet(rows: Int, columns: Int)
    /// No row of the file has the indicator asked for; `closest` are the nearest of its `count` names.
    case unknownIndicator(name: String, file: String, count: Int, closest: [String])

    public var description: String {
        switch self {
        case let .fileNotFound(path):
            return "\(path): no such file, folder or bundled dataset"
        case let .unreadable(path, reason):
            return "\(path): cannot be read: \(reason)"
        case let .notATable(path, what, advice):
            return "\(path): this is \(what), not a table chiso reads (CSV, .xlsx or .xls); \(advice)"
        case let .tooLarge(path, reason):
            return "\(path): \(reason); raise the limit if the file is trusted"
        case let .unwritable(path, reason):
            return "\(path): cannot be written: \(reason)"
        case let .noDataRows(file):
            return "\(file): the table has a header but no data rows; there is nothing to analyse"
        case let .emptyFile(file):
            return "\(file): the file has no header row; a table needs a header and at least one data row"
        case let .notUTF8(at, likely):
            return "\(at): the file is not UTF-8 (it looks like \(likely)); convert it first, e.g. `iconv -f CP1258 -t UTF-8 IN.csv > OUT.csv` for Windows-1258, or save it from Excel as 'CSV UTF-8'; TCVN3 (ABC) text needs a converter such as Unikey's"
        case let .truncatedUTF8(at):
            return "\(at): the file ends inside a UTF-8 character: it was cut short (an incomplete download or copy); get the whole file again"
        case let .damagedUTF8(at):
            return "\(at): the file is UTF-8 up to here, but this byte is not: the file is damaged; fix or remove the character"
        case let .utf16(file):
            return "\(file): the file is UTF-16; save it as UTF-8 (Excel: 'CSV UTF-8') or convert with `iconv -f UTF-16 -t UTF-8`"
        case let .unterminatedQuote(at):
            return "\(at): a quoted field is never closed; close the quote or double the quote character inside the field (\"\")"
        case let .strayQuote(at):
            return "\(at): a quote character inside an unquoted field; quote the whole field and double the inner quotes (\"\")"
        case let .raggedRow(at, expected, found):
            return "\(at): the row has \(found) fields but the header has \(expected); check separators and quoting on this line"
        case let .missingColumn(file, role, headers):
            return "\(file): no \(role) column among the headers (\(headers.joined(separator: ", "))); rename a column or declare the layout"
        case let .badNumber(at, text, convention):
            return "\(at): '\(text)' is not a number\(convention.isEmpty ? "" : " with \(convention)"); leave the cell empty for a missing value"
        case let .numberOutOfRange(at, text):
            return "\(at): '\(text)' is beyond the largest number a double holds (about 1.8 × 10³⁰⁸); check the cell"
        case let .ambiguousDecimal(at, text):
            return "\(at): '\(text)' could be a decimal or a thousands separator and no cell in the file settles it"
        case let .mixedDecimal(comma, commaText, point, pointText):
            return "\(comma): '\(commaText)' uses a decimal comma but \(point): '\(pointText)' uses a decimal point; use one convention in the file, or choose one"
        case let .badRank(at, text):
            return "\(at): '\(text)' is not a rank (a whole number from 1); leave the cell empty when there is no published rank"
        case let .emptyField(at, role):
            return "\(at): the \(role) is empty; every row needs one"
        case let .badPeriod(at, text):
            return "\(at): '\(text)' is not a period; write a year (2023), a quarter (2023-Q2) or a month (2023-06)"
        case let .noPeriod(file):
            return "\(file): no period column and no year in the file name; add a 'period' column, give the period, or name the file by its year (2023.csv)"
        case let .duplicate(first, second, unit, period, indicator):
            return "\(second): duplicate value for \(unit), \(period), \(indicator) (first at \(first)); remove one, or say how to combine duplicates"
        case let .conflictingAttribute(first, firstValue, second, secondValue, subject, attribute):
            return "\(second): \(subject) has \(attribute) '\(secondValue)' here but '\(firstValue)' at \(first); it has one in the whole file"
        case let .unknownUnit(at, lookup):
            return "\(at): \(lookup)"
        case let .noPerYearFiles(folder):
            return "\(folder): no per-year files (a .csv file named by its year, such as 2023.csv) in the folder"
        case let .datasetNotFound(name, available, searched):
            let list = available.isEmpty ? "none found" : available.joined(separator: ", ")
            return "'\(name)' is neither a file nor a bundled dataset (bundled: \(list); searched \(searched.joined(separator: ", ")))"
        case let .datasetsFolderNotFound(searched):
            return "no folder of bundled datasets (one holding provinces/dataset.json) at \(searched.joined(separator: ", "))"
        case let .invalidMetadata(file, reason):
            return "\(file): \(reason)"
        case let .importConflict(file, imported, dataset, differences):
            let shown = differences.prefix(3).joined(separator: "; ") + (differences.count > 3 ? "; …" : "")
            return "\(file): the year's values differ from those of \(imported), already imported into '\(dataset)' (\(shown)); remove the earlier import first if this workbook replaces it"
        case let .tooLargeForSheet(rows, columns):
            return "the table has \(rows) rows and \(columns) columns; an .xlsx sheet holds at most \(XLSXSheetLimits.dataRows) rows under its title and header and \(XLSXSheetLimits.columns) columns, so Excel would not open it; write CSV instead"
        case let .unknownIndicator(name, file, count, closest):
            return "\(file) has no indicator '\(name)' (it has \(count)); closest: \(closest.joined(separator: ", "))"
        }
    }

    /// Why a write failed, for a write error.
    var unwritableReason: String? {
        if case let .unwritable(_, reason) = self { return reason }
        return nil
    }

    public var remedy: Remedy? {
        switch self {
        case .fileNotFound: return .listDatasets
        case .missingColumn: return .declareLayout
        case .ambiguousDecimal, .mixedDecimal: return .chooseDecimalSeparator
        case .noPeriod: return .givePeriod
        case .duplicate: return .chooseDuplicatePolicy
        case .unknownUnit: return .declareCustomUnits
        case .datasetNotFound, .datasetsFolderNotFound: return .locateDatasets
        case .tooLarge: return .raiseWorkbookLimit
        case let .importConflict(_, _, dataset, _): return .removeImports(dataset: dataset)
        default: return nil
        }
    }
}

/// What an `.xlsx` sheet written by chiso can hold: Excel's 1,048,576 rows less the title, a blank
/// row and the header, and its 16,384 columns.
public enum XLSXSheetLimits {
    public static let dataRows = 1_048_576 - 3
    public static let columns = 16_384

    /// Whether a table of `rows` × `columns` fits.
    public static func fits(rows: Int, columns: Int) -> Bool {
        rows <= dataRows && columns <= Self.columns
    }
}
