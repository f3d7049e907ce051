import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Writes a `Table` as an `.xlsx` workbook: the title in the first row, the headers in the
/// output language on the third (bold, frozen in view), one row per table row with numbers as
/// numeric cells in full precision shown with the table's decimals and missing values as empty
/// cells, columns as wide as their contents, and the footnotes on a second sheet — a layout that
/// `--sheet 1` reads back as a table. A table drawn as bars (rank), a forecast fan or fitted
/// trends gets a native Excel chart beside it, over its own cells (or, for series over time, over
/// a third sheet of chart data), so users can restyle and edit it.
public struct XLSXWriter: Sendable {
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    /// Tables with more rows than this get no chart: it could not be read.
    static let chartRows = 200

    /// One sheet to write: rows of cells, the rows in bold, the rows frozen, the decimals of each
    /// column from a row down, the column widths, and a chart over its cells.
    struct SheetPlan {
        var name: String
        /// The number of rows, and row i's cells, made when the row is written (a table's rows
        /// are not copied first).
        var rowCount: Int
        var row: (Int) -> [XLSXCell]
        var boldRows: Set<Int> = []
        var frozenRows = 0
        var decimals: [Int: Int] = [:]
        var numbersFrom = 0
        var widths: [Double] = []
        var chart: ChartPlan?

        init(name: String, rows: [[XLSXCell]], boldRows: Set<Int> = [], frozenRows: Int = 0, widths: [Double] = []) {
            self.name = name
            rowCount = rows.count
            row = { rows[$0] }
            self.boldRows = boldRows
            self.frozenRows = frozenRows
            self.widths = widths
        }

        init(name: String, rowCount: Int, row: @escaping (Int) -> [XLSXCell]) {
            self.name = name
            self.rowCount = rowCount
            self.row = row
        }
    }

    /// A chart over cells: its kind and title, the category cells and one column per series,
    /// each a column of `sheet` over `rows` (0-based), drawn at (row, column) of its sheet.
    struct ChartPlan {
        enum Kind { case bars, lines }
        var kind: Kind
        var title: String
        var sheet: String
        var categoryColumn: Int
        var series: [(name: String, column: Int)]
        var rows: ClosedRange<Int>
        var at: (row: Int, column: Int)
    }

    /// A cell as the package writer's: text, number or empty.
    typealias XLSXCell = XLSXPackageWriter.Cell

    /// The workbook's bytes.
    /// - Throws: `DataError.tooLargeForSheet` for a table Excel could not open.
    public func workbook(_ table: Table) throws(DataError) -> Data {
        let table = table.shown(on: .data)
        guard XLSXSheetLimits.fits(rows: table.rows.count, columns: table.columns.count) else {
            throw .tooLargeForSheet(rows: table.rows.count, columns: table.columns.count)
        }
        let sheetNames = language == .vi ? ["Bảng", "Ghi chú", "Dữ liệu biểu đồ"] : ["Table", "Notes", "Chart data"]
        let language = language
        let header: [[XLSXCell]] = [[.text(table.title?.text(language) ?? "")], [], table.columns.map { .text($0.header.text(language)) }]
        func cells(_ row: [Table.Cell]) -> [XLSXCell] {
            row.map { cell in
                switch cell {
                case let .text(s): return .text(s)
                case let .localized(t): return .text(t.text(language))
                case let .number(x, _): return x.isFinite ? .number(x) : .empty
                case let .integer(n): return .number(Double(n))
                case .missing: return .empty
                }
            }
        }
        let rows = table.rows
        var main = SheetPlan(name: sheetNames[0], rowCount: 3 + rows.count) { $0 < 3 ? header[$0] : cells(rows[$0 - 3]) }
        main.boldRows = [0, 2]
        main.frozenRows = 3
        main.numbersFrom = 3
        // Decimals from the first number of each column; widths from the header and the first 1,000 rows.
        var widths = table.columns.map { Double($0.header.text(language).count) }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                switch cell {
                case let .text(s) where r < 1000: widths[c] = max(widths[c], Double(s.count))
                case let .localized(t) where r < 1000: widths[c] = max(widths[c], Double(t.text(language).count))
                case let .number(x, precision):
                    if main.decimals[c] == nil { main.decimals[c] = min(precision, 6) }
                    if r < 1000 { widths[c] = max(widths[c], Double(String(format: "%.\(precision)f", x).count + 2)) }
                case .integer: if main.decimals[c] == nil { main.decimals[c] = 0 }
                default: break
                }
            }
            if r >= 1000 && main.decimals.count == table.columns.count { break }
        }
        main.widths = widths.map { min(60, max(8, $0 + 2)) }
        var sheets = [main, SheetPlan(name: sheetNames[1], rows: table.footnotes.map { [.text($0.text(language))] }, widths: [120])]
        if table.rows.count <= Self.chartRows, let (chart, data) = chart(table, tableSheet: sheetNames[0], dataSheet: sheetNames[2]) {
            var chart = chart
            chart.at = (2, table.columns.count + 1)
            sheets[0].chart = chart
            if let data { sheets.append(data) }
        }
        return try XLSXLibraryWriter.write(sheets)
    }

    /// The chart of a table, and the sheet of data it draws when not the table's own cells.
    func chart(_ table: Table, tableSheet: String, dataSheet: String) -> (ChartPlan, SheetPlan?)? {
        let data = TableColumns(table)
        let title = table.title?.text(language) ?? ""
        switch table.chart {
        case let .bars(category, value)?:
            guard let c = data.index(category), let v = data.index(value), !data.rows.isEmpty else { return nil }
            return (ChartPlan(kind: .bars, title: title, sheet: tableSheet, categoryColumn: c, series: [(data.header(value, language), v)],
                              rows: 3...(2 + data.rows.count), at: (0, 0)), nil)
        case let .fan(unit, period, point, bands, history)?:
            guard let first = data.rows.first.flatMap({ data.text($0, unit) }) else { return nil }
            let observed = history.filter { $0.unit == first }.map { ($0.period, $0.value) }
            let forecasts = data.rows.filter { data.text($0, unit) == first }.compactMap { row -> (String, Double, Double, Double)? in
                guard let p = data.text(row, period), let y = data.number(row, point) else { return nil }
                let band = bands.first.map { (data.number(row, $0.lower) ?? .nan, data.number(row, $0.upper) ?? .nan) } ?? (.nan, .nan)
                return (p, y, band.0, band.1)
            }
            guard !forecasts.isEmpty else { return nil }
            var series: [(String, [Double])] = [(language == .vi ? "Thực tế" : "Observed", []), (language == .vi ? "Dự báo" : "Forecast", []),
                                               (language == .vi ? "Cận dưới" : "Lower", []), (language == .vi ? "Cận trên" : "Upper", [])]
            var periods: [String] = []
            for (i, (p, y)) in observed.enumerated() {
                periods.append(p)
                series[0].1.append(y)
                // The forecast line starts at the last observed value.
                series[1].1.append(i == observed.count - 1 ? y : .nan)
                series[2].1.append(.nan)
                series[3].1.append(.nan)
            }
            for (p, y, lower, upper) in forecasts {
                periods.append(p)
                series[0].1.append(.nan)
                series[1].1.append(y)
                series[2].1.append(lower)
                series[3].1.append(upper)
            }
            if bands.isEmpty { series.removeLast(2) }
            return lineChart(title: title + " – " + first, periods: periods, series: series, sheet: dataSheet)
        case let .multiples(observed, fitted)?:
            guard let first = observed.first?.unit else { return nil }
            let mine = observed.filter { $0.unit == first }, line = fitted.filter { $0.unit == first }
            let periods = Array(Set(mine.map(\.period) + line.map(\.period))).sorted()
            func values(_ points: [Table.HistoryPoint]) -> [Double] {
                periods.map { p in points.first { $0.period == p }?.value ?? .nan }
            }
            return lineChart(title: title + " – " + first, periods: periods,
                             series: [(language == .vi ? "Thực tế" : "Observed", values(mine)), (language == .vi ? "Xu hướng" : "Trend", values(line))],
                             sheet: dataSheet)
        default:
            return nil
        }
    }

    /// A line chart over a sheet of chart data: periods in column A, one series per column after.
    func lineChart(title: String, periods: [String], series: [(String, [Double])], sheet: String) -> (ChartPlan, SheetPlan?) {
        var rows: [[XLSXCell]] = [[.text(language == .vi ? "Kỳ" : "Period")] + series.map { .text($0.0) }]
        for (i, p) in periods.enumerated() {
            rows.append([.text(p)] + series.map { $0.1[i].isFinite ? .number($0.1[i]) : .empty })
        }
        let chart = ChartPlan(kind: .lines, title: title, sheet: sheet, categoryColumn: 0,
                              series: series.enumerated().map { ($0.element.0, $0.offset + 1) }, rows: 1...periods.count, at: (0, 0))
        return (chart, SheetPlan(name: sheet, rows: rows, boldRows: [0], frozenRows: 1, widths: [12] + series.map { _ in 14 }))
    }
}
