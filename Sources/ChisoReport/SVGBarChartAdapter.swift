import ChisoOutput

/// A report chart as inline SVG for the HTML report (without the XML declaration).
enum SVGBarChartAdapter {
    static func svg(_ chart: ReportChart) -> String {
        let document = SVGBarChart.svg(title: chart.title, items: chart.items, valueTitle: chart.valueTitle, note: nil)
        return document.components(separatedBy: "\n").filter { !$0.hasPrefix("<?xml") }.joined(separator: "\n")
    }
}
