import ChisoCore
import Foundation

extension TableWriter {
    /// The table's chart drawn as a standalone SVG: title, axes with ticks, labels (Vietnamese
    /// diacritics as text), legend where colours carry meaning, and a note naming the source.
    func svg(_ table: Table) -> String {
        var canvas = SVGCanvas(title: table.title?.text(language) ?? "", note: table.footnotes.first?.text(language))
        let data = TableColumns(table)
        switch table.chart {
        case let .bars(category, value)?:
            let keys = Set(highlight.map(NameFolding.key))
            let items = data.rows.compactMap { row -> (String, Double)? in
                guard let name = data.text(row, category), let x = data.number(row, value) else { return nil }
                return (name, x)
            }
            canvas.bars(items, highlighted: { keys.contains(NameFolding.key($0)) }, valueTitle: data.header(value, language))
        case let .heatmap(row, columns)?:
            let names = data.rows.map { data.text($0, row) ?? "" }
            let grid = data.rows.map { r in columns.map { data.number(r, $0) ?? .nan } }
            canvas.heatmap(rows: names, columns: columns, values: grid)
        case let .fan(unit, period, point, bands, history)?:
            var series: [String: [(String, Double, [(Double, Double)])]] = [:]
            var units: [String] = []
            for row in data.rows {
                guard let name = data.text(row, unit), let p = data.text(row, period), let y = data.number(row, point) else { continue }
                if !units.contains(name) { units.append(name) }
                series[name, default: []].append((p, y, bands.map { (data.number(row, $0.lower) ?? y, data.number(row, $0.upper) ?? y) }))
            }
            canvas.fan(units: units, history: history, forecasts: series, valueTitle: data.header(point, language))
        case let .multiples(observed, fitted)?:
            canvas.multiples(observed: observed, fitted: fitted)
        case let .panels(panel, category, value)?:
            let items = data.rows.compactMap { row -> (String, String, Double)? in
                guard let p = data.text(row, panel), let c = data.text(row, category), let x = data.number(row, value) else { return nil }
                return (p, c, x)
            }
            canvas.panels(items)
        case nil:
            break
        }
        return canvas.document()
    }
}

/// Cells of a table looked up by column id.
struct TableColumns {
    let table: Table
    var rows: [[Table.Cell]] { table.rows }

    init(_ table: Table) { self.table = table }

    func index(_ id: String) -> Int? { table.columns.firstIndex { $0.id == id } }

    func text(_ row: [Table.Cell], _ id: String) -> String? {
        guard let j = index(id) else { return nil }
        switch row[j] {
        case let .text(s): return s
        case let .integer(n): return String(n)
        default: return nil
        }
    }

    func number(_ row: [Table.Cell], _ id: String) -> Double? {
        guard let j = index(id) else { return nil }
        switch row[j] {
        case let .number(x, _): return x.isFinite ? x : nil
        case let .integer(n): return Double(n)
        default: return nil
        }
    }

    func header(_ id: String, _ language: Language) -> String {
        index(id).map { table.columns[$0].header.text(language) } ?? id
    }
}
