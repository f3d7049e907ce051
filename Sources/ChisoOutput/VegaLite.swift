import ChisoCore
extension TableWriter {
    /// A Vega-Lite v5 spec drawing the table's chart, with the table's rows inline (the JSON
    /// output, keyed by column id); units named in `highlight` stand out in a bar chart.
    func vegaLite(_ table: Table) -> String {
        let data = json(table.shown(on: .data)).trimmingCharacters(in: .whitespacesAndNewlines)
        var members = [
            "\"$schema\": \"https://vega.github.io/schema/vega-lite/v5.json\"",
            "\"title\": \(jsonString(table.title?.text(language) ?? ""))",
            "\"data\": {\"values\": \(data)}",
        ]
        let header = Dictionary(uniqueKeysWithValues: table.columns.map { ($0.id, $0.header.text(language)) })
        switch table.chart {
        case let .bars(category, value)?:
            let keys = highlight.map(NameFolding.key)
            let highlighted = table.rows.compactMap { row -> String? in
                guard let j = table.columns.firstIndex(where: { $0.id == category }), case let .text(name) = row[j] else { return nil }
                return keys.contains(NameFolding.key(name)) ? name : nil
            }
            members.append("\"mark\": {\"type\": \"bar\"}")
            members.append("""
                "encoding": {"y": {"field": \(jsonString(category)), "type": "nominal", "sort": null, "title": \(jsonString(header[category] ?? category))}, \
                "x": {"field": \(jsonString(value)), "type": "quantitative", "title": \(jsonString(header[value] ?? value))}, \
                "color": {"condition": {"test": {"field": \(jsonString(category)), "oneOf": [\(highlighted.map(jsonString).joined(separator: ", "))]}, "value": "#d62728"}, "value": "#4c78a8"}}
                """)
        case let .heatmap(row, columns)?:
            members.append("\"transform\": [{\"fold\": [\(columns.map(jsonString).joined(separator: ", "))], \"as\": [\"period\", \"value\"]}]")
            members.append("\"mark\": {\"type\": \"rect\"}")
            members.append("""
                "encoding": {"x": {"field": "period", "type": "ordinal", "title": null}, \
                "y": {"field": \(jsonString(row)), "type": "nominal", "sort": null, "title": \(jsonString(header[row] ?? row))}, \
                "color": {"field": "value", "type": "quantitative", "title": \(jsonString(language == .vi ? "Giá trị" : "Value"))}}
                """)
        case let .fan(unit, period, point, bands, history)?:
            return fan(table, data: data, title: table.title?.text(language) ?? "", unit: unit, period: period, point: point, bands: bands, history: history, header: header)
        case let .panels(panel, category, value)?:
            members.append("\"facet\": {\"field\": \(jsonString(panel)), \"type\": \"nominal\", \"sort\": null, \"title\": null}")
            members.append("\"columns\": 4")
            members.append("""
                "spec": {"mark": {"type": "bar"}, "encoding": {"x": {"field": \(jsonString(category)), "type": "nominal", "sort": null, "title": null}, \
                "y": {"field": \(jsonString(value)), "type": "quantitative", "title": \(jsonString(header[value] ?? value))}, \
                "color": {"field": \(jsonString(category)), "type": "nominal", "sort": null, "title": \(jsonString(header[category] ?? category))}}}
                """)
            members.append("\"resolve\": {\"scale\": {\"y\": \"independent\"}}")
        case let .multiples(observed, fitted)?:
            let (observedName, fittedName) = language == .vi ? ("quan sát", "xu hướng") : ("observed", "trend")
            func points(_ list: [Table.HistoryPoint], _ series: String) -> [String] {
                list.map { "{\"unit\": \(jsonString($0.unit)), \"period\": \(jsonString($0.period)), \"value\": \(NumberStyle().full($0.value)), \"series\": \(jsonString(series))}" }
            }
            let values = (points(observed, observedName) + points(fitted, fittedName)).joined(separator: ", ")
            members[2] = "\"data\": {\"values\": [\(values)]}"
            members.append("\"facet\": {\"field\": \"unit\", \"type\": \"nominal\", \"title\": null}")
            members.append("\"columns\": 4")
            members.append("""
                "spec": {"mark": {"type": "line", "point": true}, "encoding": {"x": {"field": "period", "type": "ordinal", \
                "scale": {"domain": [\(SVGCanvas.timeline(observed.map(\.period)).map(jsonString).joined(separator: ", "))]}, "title": null}, \
                "y": {"field": "value", "type": "quantitative", "scale": {"zero": false}, "title": \(jsonString(language == .vi ? "Giá trị" : "Value"))}, \
                "strokeDash": {"field": "series", "type": "nominal", "title": null}}}
                """)
        case nil:
            break
        }
        return "{\n  " + members.joined(separator: ",\n  ") + "\n}\n"
    }

    /// Layers: each band as an area, the observed history as a line, the forecasts as a dashed line.
    private func fan(_ table: Table, data: String, title: String, unit: String, period: String, point: String, bands: [Table.Band],
                     history: [Table.HistoryPoint], header: [String: String]) -> String {
        let observed = history.map { "{\(jsonString(unit)): \(jsonString($0.unit)), \(jsonString(period)): \(jsonString($0.period)), \(jsonString(point)): \(NumberStyle().full($0.value))}" }
        let columns = TableColumns(table)
        let forecastPeriods = columns.rows.compactMap { columns.text($0, period) }
        let domain = SVGCanvas.timeline(history.map(\.period) + forecastPeriods).map(jsonString).joined(separator: ", ")
        let x = "\"x\": {\"field\": \(jsonString(period)), \"type\": \"ordinal\", \"scale\": {\"domain\": [\(domain)]}, \"title\": \(jsonString(header[period] ?? period))}"
        let color = "\"color\": {\"field\": \(jsonString(unit)), \"type\": \"nominal\", \"title\": \(jsonString(header[unit] ?? unit))}"
        let y = "\"y\": {\"field\": \(jsonString(point)), \"type\": \"quantitative\", \"scale\": {\"zero\": false}, \"title\": \(jsonString(header[point] ?? point))}"
        var layers: [String] = bands.enumerated().map { index, band in
            """
            {"data": {"values": \(data)}, "mark": {"type": "area", "opacity": \(index == 0 ? "0.15" : "0.3")}, \
            "encoding": {\(x), "y": {"field": \(jsonString(band.lower)), "type": "quantitative"}, "y2": {"field": \(jsonString(band.upper))}, \(color)}}
            """
        }
        layers.append("{\"data\": {\"values\": [\(observed.joined(separator: ", "))]}, \"mark\": {\"type\": \"line\", \"point\": true}, \"encoding\": {\(x), \(y), \(color)}}")
        layers.append("{\"data\": {\"values\": \(data)}, \"mark\": {\"type\": \"line\", \"strokeDash\": [4, 3], \"point\": true}, \"encoding\": {\(x), \(y), \(color)}}")
        return "{\n  \"$schema\": \"https://vega.github.io/schema/vega-lite/v5.json\",\n  \"title\": \(jsonString(title)),\n  \"layer\": [\n    "
            + layers.joined(separator: ",\n    ") + "\n  ]\n}\n"
    }
}
