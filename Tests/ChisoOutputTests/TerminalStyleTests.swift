import ChisoCore
import ChisoOutput
import Testing

struct TerminalStyleTests {
    @Test func colourFollowsTheChoiceTheTerminalAndNoColor() {
        #expect(ColorChoice.auto.enabled(isTerminal: true, environment: [:]))
        #expect(!ColorChoice.auto.enabled(isTerminal: false, environment: [:]))
        #expect(!ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        // no-color.org: an empty NO_COLOR does not turn colour off.
        #expect(ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(ColorChoice.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.never.enabled(isTerminal: true, environment: [:]))
    }

    static let table = Table(
        columns: [
            Table.Column("unit", LocalizedText("Unit"), alignment: .left),
            Table.Column("change", LocalizedText("Change"), tone: .upIsGood),
            Table.Column("errors", LocalizedText("Errors"), tone: .downIsGood),
            Table.Column("value", LocalizedText("Value")),
        ],
        rows: [
            [.text("Thành phố Hồ Chí Minh"), .number(1.5, precision: 1), .integer(2), .number(-3, precision: 0)],
            [.text("Huế"), .number(-0.5, precision: 1), .integer(-1), .number(4, precision: 0)],
            [.text("Hà Nội"), .number(0, precision: 1), .missing, .missing],
        ])

    @Test func risesAndFallsAreColouredByTheColumnsTone() {
        let text = TableWriter(color: true).render(Self.table, as: .table)
        let lines = text.split(separator: "\n").map(String.init)
        let green = "\u{1B}[32m", red = "\u{1B}[31m", reset = "\u{1B}[0m"
        // A rise is good news under upIsGood, bad under downIsGood; zero, missing and neutral columns stay plain.
        #expect(lines[2] == "Thành phố Hồ Chí Minh  \(green)   1.5\(reset)  \(red)     2\(reset)     -3")
        #expect(lines[3] == "Huế                    \(red)  -0.5\(reset)  \(green)    -1\(reset)      4")
        #expect(lines[4] == "Hà Nội                    0.0       –      –")
        #expect(!TableWriter().render(Self.table, as: .table).contains("\u{1B}"))
        #expect(!TableWriter(color: true).render(Self.table, as: .csv).contains("\u{1B}"))
    }

    @Test func textColumnsAreCutToFitTheTerminal() {
        let text = TableWriter(maxWidth: 34).render(Self.table, as: .table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { displayWidth($0) <= 34 })
        // 21 + 6 + 6 + 5 columns and 3 gaps of 2 make 44: the unit column gives up 10.
        #expect(lines[2] == "Thành phố…      1.5       2     -3")
        #expect(lines[3] == "Huế            -0.5      -1      4")
        // Wide enough: nothing is cut.
        #expect(TableWriter(maxWidth: 200).render(Self.table, as: .table) == TableWriter().render(Self.table, as: .table))
    }
}

/// Non-finite values in a series are gaps in its sparkline, not a trap.
struct SparklineTests {
    @Test func infinitiesAreGaps() {
        #expect(sparkline([1, .infinity, 3, .nan, -.infinity, 2]) == "▁ █  ▅")  // 2 is halfway: the fifth block
        #expect(sparkline([.infinity]) == " ")
    }
}
