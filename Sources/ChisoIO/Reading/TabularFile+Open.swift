import ChisoCore
import ChisoSpreadsheets

extension TabularFile {
    /// A table file read by what it contains, whatever its name: CSV text (`-` is standard
    /// input), or a sheet of an `.xlsx` or `.xls` workbook (`options.sheet`, the first by default).
    /// A sheet's numbers are all written with a decimal point, so `decimalPoint` is true for a
    /// sheet and the table is then read with `.point`.
    /// - Throws: `DataError.notATable` for a PDF, a Word document, an HTML page and the like.
    public static func open(path: String, options: ReadOptions) throws(DataError) -> (table: TabularFile, decimalPoint: Bool) {
        if path != "-", FileKind.detect(path: path).isWorkbook {
            let workbook = try Workbook(path: path, limits: options.workbookLimits)
            return (try sheet(try workbook.sheet(options.sheet), decimal: options.decimal, headerRow: options.headerRow), true)
        }
        return (try read(path: path, separator: options.separator), false)
    }
}
