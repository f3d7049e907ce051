import ChisoAnalysis
import ChisoOutput
import ChisoTestSupport
import Foundation
import Testing

/// `--format vega-lite`: specs validated against the Vega-Lite v5 JSON Schema (Tests/Fixtures/vega-lite).
struct VegaLiteCommandTests {
    static let validator: JSONSchemaValidator = {
        let text = (try? String(contentsOfFile: Fixtures.fixturesFolder + "/vega-lite/vega-lite-v5.json", encoding: .utf8)) ?? "{}"
        return JSONSchemaValidator(schema: (try? JSONValue.parse(text)) ?? .null)
    }()

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let bad = try JSONValue.parse(#"{"data": {"values": []}, "mark": "barr", "encoding": {"x": {"field": "a", "type": "quantity"}}}"#)
        #expect(!Self.validator.errors(bad).isEmpty)
        let good = try JSONValue.parse(#"{"data": {"values": []}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}}"#)
        #expect(Self.validator.errors(good).isEmpty)
    }

    @Test func aRankingAsBarsWithTheChosenUnitHighlighted() throws {
        let result = try CLIRunner.run(["rank", "par", "--year", "2023", "--format", "vega-lite", "--highlight", "quang ninh", "-q"])
        #expect(result.status == 0)
        let spec = try JSONValue.parse(result.stdout)
        #expect(Self.validator.errors(spec) == [])
        #expect(spec["mark"]?["type"] == .string("bar"))
        guard case let .array(values)? = spec["data"]?["values"] else { Issue.record("no inline data"); return }
        #expect(values.count == 31)
        #expect(values[0]["unit"] == .string("Quảng Ninh") && values[0]["value"] == .number(92.18))
        #expect(spec["encoding"]?["color"]?["condition"]?["test"]?["oneOf"] == .array([.string("Quảng Ninh")]))
    }

    @Test func aSeriesAsAHeatMapOfUnitsByYear() throws {
        let result = try CLIRunner.run(["show", "sipas", "--years", "2021-2023", "--format", "vega-lite", "--lang", "vi", "-q"])
        #expect(result.status == 0)
        let spec = try JSONValue.parse(result.stdout)
        #expect(Self.validator.errors(spec) == [])
        #expect(spec["mark"]?["type"] == .string("rect"))
        #expect(spec["transform"] == .array([.object(["fold": .array([.string("2021"), .string("2022"), .string("2023")]), "as": .array([.string("period"), .string("value")])])]))
    }

    @Test func aTableWithoutAChartIsRefused() throws {
        let result = try CLIRunner.run(["profile", "Huế", "--format", "vega-lite", "-q"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("this table has no chart"))
        #expect(result.stdout.isEmpty)
    }

    @Test func forecastsAsAFanAfterTheHistory() throws {
        let result = try CLIRunner.run(["forecast", "par", "--unit", "Quảng Ninh", "--horizon", "2", "--format", "vega-lite", "-q"])
        #expect(result.status == 0)
        let spec = try JSONValue.parse(result.stdout)
        #expect(Self.validator.errors(spec) == [])
        guard case let .array(layers)? = spec["layer"] else { Issue.record("no layers"); return }
        // The 95% band, the 80% band, the observed history, the forecasts.
        #expect(layers.map { $0["mark"]?["type"] } == [.string("area"), .string("area"), .string("line"), .string("line")])
        #expect(layers[0]["encoding"]?["y"]?["field"] == .string("lo-95") && layers[1]["encoding"]?["y2"]?["field"] == .string("hi-80"))
        guard case let .array(history)? = layers[2]["data"]?["values"] else { Issue.record("no history"); return }
        // Quảng Ninh's published 2024 value ends the observed line.
        #expect(history.last == .object(["unit": .string("Quảng Ninh"), "period": .string("2024"), "point": .number(91.49)]))
    }

    @Test func trendsAsSmallMultiplesWithTheFittedLine() throws {
        let result = try CLIRunner.run(["trend", "sipas", "--unit", "Hà Nội,Quảng Ninh", "--format", "vega-lite", "-q"])
        #expect(result.status == 0)
        let spec = try JSONValue.parse(result.stdout)
        #expect(Self.validator.errors(spec) == [])
        #expect(spec["facet"]?["field"] == .string("unit"))
        guard case let .array(values)? = spec["data"]?["values"] else { Issue.record("no data"); return }
        // Hà Nội has two values (2023, 2024): its fitted line passes through both.
        let hanoi = values.filter { $0["unit"] == .string("Hà Nội") }
        let observed = hanoi.filter { $0["series"] == .string("observed") }.map { $0["value"] }
        let fitted = hanoi.filter { $0["series"] == .string("trend") }.map { $0["value"] }
        #expect(observed.count == 2 && observed == fitted)
    }

    @Test func aComparisonAsAPanelPerIndicator() throws {
        let result = try CLIRunner.run(["compare", "par", "--units", "Quảng Ninh,Hà Nội", "--year", "2023", "--format", "vega-lite", "-q"])
        #expect(result.status == 0)
        let spec = try JSONValue.parse(result.stdout)
        #expect(Self.validator.errors(spec) == [])
        #expect(spec["facet"]?["field"] == .string("indicator"))
        #expect(spec["resolve"]?["scale"]?["y"] == .string("independent"))
        guard case let .array(values)? = spec["data"]?["values"] else { Issue.record("no data"); return }
        #expect(values.first?["unit"] == .string("Quảng Ninh") && values.first?["value"] == .number(92.18))
    }
}
