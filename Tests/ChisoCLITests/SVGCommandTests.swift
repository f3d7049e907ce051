import ChisoAnalysis
import ChisoTestSupport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `--format svg`: standalone charts, parsed as XML and counted mark by mark.
struct SVGCommandTests {
    /// Element names with their attributes, in document order; nil when the XML is malformed.
    private func elements(_ svg: String) -> [(name: String, attributes: [String: String])]? {
        final class Collector: NSObject, XMLParserDelegate {
            var found: [(String, [String: String])] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                found.append((name, attributes))
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector.found.map { (name: $0.0, attributes: $0.1) } : nil
    }

    @Test func aRankingAsBarsWithTheHighlightInRed() throws {
        let result = try CLIRunner.run(["rank", "par", "--year", "2023", "--top", "5", "--format", "svg", "--highlight", "Hà Nội", "-q", "--lang", "vi"])
        #expect(result.status == 0)
        let marks = try #require(elements(result.stdout))
        #expect(marks.first?.name == "svg")
        let bars = marks.filter { $0.name == "rect" && $0.attributes["class"] == "bar" }
        #expect(bars.count == 5)
        #expect(bars.map { $0.attributes["fill"] } == ["#4c78a8", "#4c78a8", "#d62728", "#4c78a8", "#4c78a8"])
        // Longer values, longer bars: Quảng Ninh's 92.18 beats Bà Rịa - Vũng Tàu's 91.03.
        let widths = bars.compactMap { $0.attributes["width"].flatMap(Double.init) }
        #expect(widths == widths.sorted(by: >))
        #expect(result.stdout.contains(">Bà Rịa - Vũng Tàu</text>"))
        #expect(result.stdout.contains(">Giá trị</text>"))
    }

    @Test func aHeatMapHasACellPerValue() throws {
        let result = try CLIRunner.run(["show", "par", "--unit", "Quảng Ninh,Hà Tĩnh", "--years", "2019-2024", "--format", "svg", "-q"])
        #expect(result.status == 0)
        let marks = try #require(elements(result.stdout))
        // Quảng Ninh has all six years, Hà Tĩnh 2020–2024.
        #expect(marks.filter { $0.attributes["class"] == "cell" }.count == 11)
        #expect(result.stdout.contains("<title>Hà Tĩnh 2024: 89.72</title>"))
    }

    @Test func aFanHasABandPerLevelAndUnit() throws {
        let result = try CLIRunner.run(["forecast", "par", "--unit", "Quảng Ninh,Hà Tĩnh", "--horizon", "2", "--format", "svg", "-q"])
        #expect(result.status == 0)
        let marks = try #require(elements(result.stdout))
        #expect(marks.filter { $0.attributes["class"] == "band" }.count == 4)
        #expect(marks.filter { $0.attributes["class"] == "history" }.count == 2)
        #expect(marks.filter { $0.attributes["class"] == "forecast" }.count == 2)
        #expect(marks.filter { $0.attributes["class"] == "legend" }.count == 2)
    }

    @Test func smallMultiplesAndPanels() throws {
        let trend = try CLIRunner.run(["trend", "sipas", "--unit", "Quảng Ninh,Hà Tĩnh", "--format", "svg", "-q"])
        let trendMarks = try #require(elements(trend.stdout))
        #expect(trendMarks.filter { $0.attributes["class"] == "panel" }.count == 2)
        #expect(trendMarks.filter { $0.attributes["class"] == "trend" }.count == 2)
        let compare = try CLIRunner.run(["compare", "par", "--units", "Quảng Ninh,Hà Nội", "--year", "2023", "--format", "svg", "-q"])
        let compareMarks = try #require(elements(compare.stdout))
        #expect(compareMarks.filter { $0.attributes["class"] == "bar" }.count == 2)
    }

    @Test func theTimeAxisShowsGapsAndLinesDoNotCrossThem() throws {
        // Quảng Ninh's PAR INDEX: 2012, then every year 2017–2024.
        let result = try CLIRunner.run(["forecast", "par", "--unit", "Quảng Ninh", "--model", "naive", "--format", "svg", "-q"])
        #expect(result.status == 0)
        let marks = try #require(elements(result.stdout))
        #expect(result.stdout.contains(">2014</text>"))
        let history = marks.drop { $0.attributes["class"] != "history" }.dropFirst().prefix { $0.name != "g" && $0.attributes["class"] == nil }
        #expect(history.filter { $0.name == "polyline" }.count == 1)
        #expect(history.filter { $0.name == "circle" }.count == 9)
    }

    @Test func aTableWithoutAChartIsRefused() throws {
        let result = try CLIRunner.run(["profile", "Huế", "--format", "svg", "-q"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("this table has no chart: --format vega-lite and svg draw"))
        #expect(result.stdout.isEmpty)
    }
}
