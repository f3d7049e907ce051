extension TableWriter {
    /// A Vega-Lite v5 spec drawing the table's chart, with the table's rows inline (the JSON
    /// output, keyed by column id); units named in `highlight` stand out in a bar chart.
    func vegaLite(_ table: Table) -> String {
        let data = json(table.keeping(.screenOnly)).trimmingCharacters(in: .whitespacesAndNewlines)
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
        case nil:
            break
        }
        return "{\n  " + members.joined(separator: ",\n  ") + "\n}\n"
    }
}
