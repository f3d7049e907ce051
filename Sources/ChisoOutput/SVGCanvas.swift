import ChisoCore
import Foundation

/// Accumulates the marks of one chart and wraps them in an SVG document.
struct SVGCanvas {
    let title: String
    let note: String?
    private var body: [String] = []
    private var width = 760.0
    private var height = 400.0

    init(title: String, note: String?) {
        self.title = title
        self.note = note
    }

    /// The standalone document: a white background, the title, the marks, the source note; the
    /// title and the note wrap to the chart's width.
    func document() -> String {
        let titleLines = Self.wrapped(title, width: width - 24, characterWidth: 8.2)
        let source = "chiso" + (note.map { " · " + $0 } ?? "")
        let noteLines = Self.wrapped(source, width: width - 24, characterWidth: 5.4)
        let shift = 18 * Double(titleLines.count - 1)
        let total = height + shift + 12 * Double(noteLines.count - 1)
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(total))\" viewBox=\"0 0 \(Int(width)) \(Int(total))\" font-family=\"DejaVu Sans, Arial, sans-serif\">",
                     "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(total))\" fill=\"white\"/>"]
        for (i, line) in titleLines.enumerated() { lines.append(SVG.text(line, x: 12, y: 22 + 18 * Double(i), size: 14, weight: "bold")) }
        lines.append("<g transform=\"translate(0 \(SVG.number(shift)))\">")
        lines += body
        lines.append("</g>")
        for (i, line) in noteLines.enumerated() { lines.append(SVG.text(line, x: 12, y: total - 10 - 12 * Double(noteLines.count - 1 - i), size: 9)) }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The periods of an axis in order; years are filled in between the first and the last, so a
    /// gap in the data shows as a gap in time.
    static func timeline(_ periods: [String]) -> [String] {
        let distinct = Array(Set(periods)).sorted()
        let years = distinct.compactMap { Int($0) }
        guard years.count == distinct.count, let first = years.first, let last = years.last, last - first < 200 else { return distinct }
        return (first...last).map(String.init)
    }

    /// Words packed into lines of at most `width` pixels at about `characterWidth` per character.
    static func wrapped(_ text: String, width: Double, characterWidth: Double) -> [String] {
        let limit = max(10, Int(width / characterWidth))
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > limit {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    private static func labelWidth(_ labels: [String]) -> Double {
        12 + 6.6 * Double(labels.map(\.count).max() ?? 0)
    }

    /// A value axis along the bottom of a plot (vertical grid lines) or the left (horizontal).
    private mutating func axis(_ scale: LinearScale, horizontal: Bool, at position: Double, across: ClosedRange<Double>, title: String) {
        for tick in scale.ticks {
            let p = scale(tick)
            if horizontal {
                body.append("<line class=\"grid\" x1=\"\(SVG.number(p))\" y1=\"\(SVG.number(across.lowerBound))\" x2=\"\(SVG.number(p))\" y2=\"\(SVG.number(across.upperBound))\" stroke=\"#ddd\"/>")
                body.append(SVG.text(SVG.label(tick), x: p, y: position + 14, anchor: "middle", size: 10))
            } else {
                body.append("<line class=\"grid\" x1=\"\(SVG.number(across.lowerBound))\" y1=\"\(SVG.number(p))\" x2=\"\(SVG.number(across.upperBound))\" y2=\"\(SVG.number(p))\" stroke=\"#ddd\"/>")
                body.append(SVG.text(SVG.label(tick), x: position - 5, y: p + 3.5, anchor: "end", size: 10))
            }
        }
        if horizontal {
            body.append(SVG.text(title, x: (scale.range.start + scale.range.end) / 2, y: position + 30, anchor: "middle", weight: "bold"))
        } else {
            body.append(SVG.text(title, x: 14, y: (scale.range.start + scale.range.end) / 2, anchor: "middle", weight: "bold", rotate: true))
        }
    }

    private mutating func legend(_ names: [String], x: Double, y: Double, dashed: [Bool] = []) {
        for (i, name) in names.enumerated() {
            let top = y + Double(i) * 16
            let color = dashed.isEmpty ? SVG.palette[i % SVG.palette.count] : SVG.palette[0]
            let dash = dashed.indices.contains(i) && dashed[i] ? " stroke-dasharray=\"4 3\"" : ""
            body.append("<line class=\"legend\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(top))\" x2=\"\(SVG.number(x + 16))\" y2=\"\(SVG.number(top))\" stroke=\"\(color)\" stroke-width=\"3\"\(dash)/>")
            body.append(SVG.text(name, x: x + 22, y: top + 4))
        }
    }

    /// Horizontal bars in the given order, highlighted ones in red.
    mutating func bars(_ items: [(String, Double)], highlighted: (String) -> Bool, valueTitle: String) {
        let left = Self.labelWidth(items.map(\.0)), top = 40.0, band = 22.0
        let bottom = top + band * Double(items.count)
        height = bottom + 70
        let scale = LinearScale(low: items.map(\.1).min() ?? 0, high: items.map(\.1).max() ?? 1, range: (left, (width - 24)), includeZero: true)
        axis(scale, horizontal: true, at: bottom, across: top...bottom, title: valueTitle)
        for (i, (name, value)) in items.enumerated() {
            let y = top + band * Double(i)
            let x0 = scale(min(0, value)), x1 = scale(max(0, value))
            let color = highlighted(name) ? "#d62728" : "#4c78a8"
            body.append("<rect class=\"bar\" x=\"\(SVG.number(x0))\" y=\"\(SVG.number(y + 2))\" width=\"\(SVG.number(x1 - x0))\" height=\"\(SVG.number(band - 4))\" fill=\"\(color)\"/>")
            body.append(SVG.text(name, x: left - 6, y: y + band / 2 + 4, anchor: "end"))
        }
    }

    /// A grid of cells coloured from light to dark blue by value; missing cells stay empty.
    mutating func heatmap(rows: [String], columns: [String], values: [[Double]]) {
        let left = Self.labelWidth(rows), top = 40.0, cellHeight = 16.0
        let cellWidth = min(48, (width - left - 150) / Double(max(1, columns.count)))
        let observed = values.flatMap { $0 }.filter { !$0.isNaN }
        let low = observed.min() ?? 0, high = observed.max() ?? 1
        height = top + cellHeight * Double(rows.count) + 80
        func color(_ v: Double) -> String {
            let t = high > low ? (v - low) / (high - low) : 0.5
            let (r, g, b) = (247 - t * 239, 251 - t * 203, 255 - t * 148)
            return String(format: "#%02x%02x%02x", Int(r), Int(g), Int(b))
        }
        for (i, name) in rows.enumerated() {
            let y = top + cellHeight * Double(i)
            body.append(SVG.text(name, x: left - 6, y: y + 12, anchor: "end", size: 10))
            for (j, v) in values[i].enumerated() where !v.isNaN {
                body.append("<rect class=\"cell\" x=\"\(SVG.number(left + cellWidth * Double(j)))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(cellWidth - 1))\" height=\"\(SVG.number(cellHeight - 1))\" fill=\"\(color(v))\"><title>\(xmlEscaped(name)) \(xmlEscaped(columns[j])): \(SVG.label(v))</title></rect>")
            }
        }
        let bottom = top + cellHeight * Double(rows.count)
        for (j, column) in columns.enumerated() {
            body.append(SVG.text(column, x: left + cellWidth * (Double(j) + 0.5), y: bottom + 14, anchor: "middle", size: 10))
        }
        // Legend: the lightest and darkest colours with their values.
        let lx = left + cellWidth * Double(columns.count) + 24
        body.append("<rect class=\"legend\" x=\"\(SVG.number(lx))\" y=\"44\" width=\"14\" height=\"14\" fill=\"\(color(high))\"/>")
        body.append(SVG.text(SVG.label(high), x: lx + 20, y: 55))
        body.append("<rect class=\"legend\" x=\"\(SVG.number(lx))\" y=\"64\" width=\"14\" height=\"14\" fill=\"\(color(low))\" stroke=\"#ccc\"/>")
        body.append(SVG.text(SVG.label(low), x: lx + 20, y: 75))
    }

    /// Each unit's history as a line, then its forecasts dashed inside interval bands.
    mutating func fan(units: [String], history: [Table.HistoryPoint], forecasts: [String: [(String, Double, [(Double, Double)])]], valueTitle: String) {
        let periods = Self.timeline(history.map(\.period) + forecasts.values.flatMap { $0.map(\.0) })
        let left = 64.0, top = 40.0, right = width - 170, bottom = 330.0
        height = bottom + 70
        let all = history.map(\.value) + forecasts.values.flatMap { $0.flatMap { [$0.1] + $0.2.flatMap { [$0.0, $0.1] } } }
        let scale = LinearScale(low: all.min() ?? 0, high: all.max() ?? 1, range: (bottom, top), includeZero: false)
        axis(scale, horizontal: false, at: left, across: left...right, title: valueTitle)
        let step = (right - left) / Double(max(1, periods.count - 1))
        func x(_ period: String) -> Double { left + step * Double(periods.firstIndex(of: period) ?? 0) }
        for (j, period) in periods.enumerated() where periods.count <= 16 || j % 2 == 0 {
            body.append(SVG.text(period, x: x(period), y: bottom + 16, anchor: "middle", size: 10))
        }
        for (i, unit) in units.enumerated() {
            let color = SVG.palette[i % SVG.palette.count]
            let future = forecasts[unit] ?? []
            for level in (future.first?.2.indices ?? 0..<0) {
                let upper = future.map { "\(SVG.number(x($0.0))),\(SVG.number(scale($0.2[level].1)))" }
                let lower = future.reversed().map { "\(SVG.number(x($0.0))),\(SVG.number(scale($0.2[level].0)))" }
                body.append("<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"\(level == 0 ? "0.15" : "0.3")\"/>")
            }
            // The history as one line per run of consecutive periods, each value marked: a gap in
            // the data is not drawn over.
            let past = history.filter { $0.unit == unit }
            var runs: [[Table.HistoryPoint]] = []
            for point in past {
                if let previous = runs.last?.last, let a = periods.firstIndex(of: previous.period), periods.firstIndex(of: point.period) == a + 1 {
                    runs[runs.count - 1].append(point)
                } else {
                    runs.append([point])
                }
            }
            body.append("<g class=\"history\">")
            for run in runs where run.count > 1 {
                body.append("<polyline points=\"\(run.map { "\(SVG.number(x($0.period))),\(SVG.number(scale($0.value)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>")
            }
            for point in past {
                body.append("<circle cx=\"\(SVG.number(x(point.period)))\" cy=\"\(SVG.number(scale(point.value)))\" r=\"2.5\" fill=\"\(color)\"/>")
            }
            body.append("</g>")
            body.append("<polyline class=\"forecast\" points=\"\(future.map { "\(SVG.number(x($0.0))),\(SVG.number(scale($0.1)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>")
        }
        legend(units, x: right + 20, y: 50)
    }

    /// Small panels per unit: observed values solid, the fitted trend dashed.
    mutating func multiples(observed: [Table.HistoryPoint], fitted: [Table.HistoryPoint]) {
        var units: [String] = []
        for point in observed where !units.contains(point.unit) { units.append(point.unit) }
        let periods = Self.timeline(observed.map(\.period))
        let columns = 4, panelWidth = 150.0, panelHeight = 120.0, gap = 40.0
        let values = (observed + fitted).map(\.value)
        height = 40 + Double((units.count + columns - 1) / columns) * (panelHeight + 40) + 60
        width = max(width, 50 + Double(columns) * (panelWidth + gap))
        for (k, unit) in units.enumerated() {
            let ox = 50 + Double(k % columns) * (panelWidth + gap), oy = 50 + Double(k / columns) * (panelHeight + 40)
            let scale = LinearScale(low: values.min() ?? 0, high: values.max() ?? 1, range: ((oy + panelHeight), oy), includeZero: false)
            body.append(SVG.text(unit, x: ox + panelWidth / 2, y: oy - 6, anchor: "middle", weight: "bold"))
            body.append("<rect class=\"panel\" x=\"\(SVG.number(ox))\" y=\"\(SVG.number(oy))\" width=\"\(SVG.number(panelWidth))\" height=\"\(SVG.number(panelHeight))\" fill=\"none\" stroke=\"#ccc\"/>")
            for tick in [scale.ticks.first!, scale.ticks.last!] {
                body.append(SVG.text(SVG.label(tick), x: ox - 3, y: scale(tick) + 3, anchor: "end", size: 9))
            }
            let step = panelWidth / Double(max(1, periods.count - 1))
            func x(_ period: String) -> Double { ox + step * Double(periods.firstIndex(of: period) ?? 0) }
            body.append(SVG.text(periods.first ?? "", x: ox, y: oy + panelHeight + 12, anchor: "start", size: 9))
            body.append(SVG.text(periods.last ?? "", x: ox + panelWidth, y: oy + panelHeight + 12, anchor: "end", size: 9))
            for (points, dashed) in [(observed, false), (fitted, true)] {
                let mine = points.filter { $0.unit == unit }.map { "\(SVG.number(x($0.period))),\(SVG.number(scale($0.value)))" }
                guard !mine.isEmpty else { continue }
                let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
                body.append("<polyline class=\"\(dashed ? "trend" : "series")\" points=\"\(mine.joined(separator: " "))\" fill=\"none\" stroke=\"#4c78a8\" stroke-width=\"1.5\"\(dash)/>")
                if !dashed {
                    for point in points where point.unit == unit {
                        body.append("<circle class=\"point\" cx=\"\(SVG.number(x(point.period)))\" cy=\"\(SVG.number(scale(point.value)))\" r=\"2.5\" fill=\"#4c78a8\"/>")
                    }
                }
            }
        }
    }

    /// Small panels per indicator, a bar per unit, each panel on its own scale.
    mutating func panels(_ items: [(String, String, Double)]) {
        var panels: [String] = [], units: [String] = []
        for (p, u, _) in items {
            if !panels.contains(p) { panels.append(p) }
            if !units.contains(u) { units.append(u) }
        }
        let columns = 4, panelWidth = 140.0, panelHeight = 110.0
        height = 40 + Double((panels.count + columns - 1) / columns) * (panelHeight + 40) + 60
        for (k, panel) in panels.enumerated() {
            let ox = 50 + Double(k % columns) * (panelWidth + 20), oy = 50 + Double(k / columns) * (panelHeight + 40)
            let mine = items.filter { $0.0 == panel }
            let scale = LinearScale(low: mine.map(\.2).min() ?? 0, high: mine.map(\.2).max() ?? 1, range: ((oy + panelHeight), oy), includeZero: true)
            body.append(SVG.text(panel, x: ox + panelWidth / 2, y: oy - 6, anchor: "middle", size: 10, weight: "bold"))
            body.append(SVG.text(SVG.label(scale.domain.upperBound), x: ox - 3, y: oy + 4, anchor: "end", size: 9))
            body.append(SVG.text(SVG.label(scale.domain.lowerBound), x: ox - 3, y: oy + panelHeight, anchor: "end", size: 9))
            let band = panelWidth / Double(max(1, units.count))
            for (_, unit, value) in mine {
                let i = units.firstIndex(of: unit)!
                let y0 = scale(max(0, value)), y1 = scale(min(0, value))
                body.append("<rect class=\"bar\" x=\"\(SVG.number(ox + band * Double(i) + 2))\" y=\"\(SVG.number(y0))\" width=\"\(SVG.number(band - 4))\" height=\"\(SVG.number(y1 - y0))\" fill=\"\(SVG.palette[i % SVG.palette.count])\"/>")
            }
        }
        let legendX = 50 + Double(columns) * (panelWidth + 20) + 10
        legend(units, x: legendX, y: 54)
        width = max(width, legendX + 22 + 6.6 * Double(units.map(\.count).max() ?? 0) + 12)
    }
}

/// A bar chart as a standalone SVG document, for reports that draw their own figures.
public enum SVGBarChart {
    /// Bars of `items` in order, with the value axis titled `valueTitle` and a source note.
    public static func svg(title: String, items: [(label: String, value: Double)], valueTitle: String, note: String?) -> String {
        var canvas = SVGCanvas(title: title, note: note)
        canvas.bars(items.map { ($0.label, $0.value) }, highlighted: { _ in false }, valueTitle: valueTitle)
        return canvas.document()
    }
}
