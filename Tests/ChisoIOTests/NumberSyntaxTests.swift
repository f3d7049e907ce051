import ChisoIO
import Testing

struct NumberSyntaxTests {
    @Test(arguments: [
        ("91,43", NumberSyntax.Evidence.decided(.comma)), ("91.43", .decided(.point)),
        ("1.234,5", .decided(.comma)), ("1,234.5", .decided(.point)),
        ("3.589.000", .decided(.comma)), ("3,589,000", .decided(.point)),
        ("93,364", .ambiguous), ("3.589", .ambiguous), ("0,364", .decided(.comma)), ("1234,567", .decided(.comma)),
        ("91,43%", .decided(.comma)), ("85", .integer), ("-12", .integer), ("Hà Nội", .notANumber), ("", .notANumber),
    ])
    func evidence(_ text: String, _ expected: NumberSyntax.Evidence) {
        #expect(NumberSyntax.evidence(text) == expected)
    }

    @Test(arguments: [
        ("93,364", DecimalSeparator.comma, 93.364 as Double?), ("3.589", .comma, 3589), ("3.589", .point, 3.589), ("93,364", .point, 93364),
        ("91,43%", .comma, 91.43), ("1.234.567,5", .comma, 1234567.5), ("−0,5", .comma, -0.5), ("+7", .point, 7),
        ("1 234,5", .comma, 1234.5), ("91,43", .point, nil), ("1.23.4", .comma, nil), ("12a", .point, nil), ("1,2,3", .comma, nil),
    ])
    func parse(_ text: String, _ decimal: DecimalSeparator, _ expected: Double?) {
        #expect(NumberSyntax.parse(text, decimal: decimal) == expected)
    }

    @Test func missingMarkers() {
        for text in ["", " ", "NA", "n/a", "-", "—", "…", "NaN"] { #expect(NumberSyntax.isMissing(text), "\(text)") }
        #expect(!NumberSyntax.isMissing("0"))
    }
}
