import CXLSXWriter
import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Writes planned sheets through libxlsxwriter (Debian libxlsxwriter-dev) in its constant-memory
/// mode: each row goes to disk as it is written, so a sheet of a million rows takes a few MB
/// (docs/decisions.md has the measurement against the writer it replaced).
enum XLSXLibraryWriter {
    static func write(_ sheets: [XLSXWriter.SheetPlan]) throws(DataError) -> Data {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("chiso-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = lxw_workbook_options(constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: nil, use_zip64: UInt8(LXW_FALSE.rawValue))
        guard let workbook = workbook_new_opt(path, &options) else { throw DataError.unwritable(path: "<xlsx>", reason: "the workbook could not be started") }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        var numberFormats: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        func numberFormat(_ decimals: Int) -> UnsafeMutablePointer<lxw_format>? {
            if let format = numberFormats[decimals] { return format }
            let format = workbook_add_format(workbook)
            format_set_num_format(format, decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals))
            numberFormats[decimals] = format
            return format
        }
        var charts: [(worksheet: UnsafeMutablePointer<lxw_worksheet>, plan: XLSXWriter.ChartPlan)] = []
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else { continue }
            if sheet.frozenRows > 0 { worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), 0) }
            for (c, width) in sheet.widths.enumerated() { worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), width, nil) }
            for r in 0..<sheet.rowCount {
                let row = sheet.row(r)
                let rowBold = sheet.boldRows.contains(r) ? bold : nil
                for (c, cell) in row.enumerated() {
                    switch cell {
                    case let .text(text):
                        worksheet_write_string(worksheet, lxw_row_t(r), lxw_col_t(c), text, rowBold)
                    case let .number(x):
                        let format = rowBold ?? (r >= sheet.numbersFrom ? sheet.decimals[c].flatMap(numberFormat) : nil)
                        worksheet_write_number(worksheet, lxw_row_t(r), lxw_col_t(c), x, format)
                    case .empty:
                        continue
                    }
                }
            }
            if let chart = sheet.chart { charts.append((worksheet, chart)) }
        }
        for (worksheet, plan) in charts {
            guard let chart = workbook_add_chart(workbook, UInt8(plan.kind == .bars ? LXW_CHART_BAR.rawValue : LXW_CHART_LINE.rawValue)) else { continue }
            chart_title_set_name(chart, plan.title)
            let quoted = "'" + plan.sheet.replacingOccurrences(of: "'", with: "''") + "'"
            func range(_ column: Int) -> String {
                let name = Worksheet.columnName(column + 1)
                return "=\(quoted)!$\(name)$\(plan.rows.lowerBound + 1):$\(name)$\(plan.rows.upperBound + 1)"
            }
            for (name, column) in plan.series {
                let series = chart_add_series(chart, range(plan.categoryColumn), range(column))
                chart_series_set_name(series, name)
                if plan.kind == .lines { chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue)) }
            }
            if plan.series.count == 1 { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
            // Bars read top-down in the table's order.
            if plan.kind == .bars { chart_axis_set_reverse(chart.pointee.y_axis) }
            var options = lxw_chart_options()
            options.x_scale = 1.6
            options.y_scale = plan.kind == .bars ? max(1.5, Double(plan.rows.count) / 16) : 1.5
            worksheet_insert_chart_opt(worksheet, lxw_row_t(plan.at.row), lxw_col_t(plan.at.column), chart, &options)
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR, let data = FileManager.default.contents(atPath: path) else {
            throw DataError.unwritable(path: "<xlsx>", reason: "the workbook could not be written: \(String(cString: lxw_strerror(status)))")
        }
        return data
    }
}
