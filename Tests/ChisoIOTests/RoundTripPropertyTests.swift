import ChisoCore
import ChisoIO
import PropertyBased
import Testing

/// Properties of the readers over random inputs (swift-property-based): what chiso writes, it
/// reads back as it was.
struct RoundTripPropertyTests {
    /// Field text with the characters that make CSV hard: separators, quotes, line breaks, spaces
    /// inside, Vietnamese letters, tone marks.
    static let fieldCharacters: [Character] = Array("ab,;\"\n\r\t xHảiPhòngđ9.-") + ["\u{0301}", "ế"]
    static let field = Gen<Character?>.element(of: fieldCharacters).map { $0 ?? "a" }.string(of: 0...8)

    /// RFC 4180 quoting as chiso's CSV writer does it: quote a field that holds the separator, a
    /// quote or a line break, doubling the quotes inside.
    static func written(_ rows: [[String]], separator: Character) -> String {
        rows.map { row in
            row.map { field in
                // By bytes, not Characters: a quote followed by a combining mark is one Character.
                let needsQuotes = field.utf8.contains { $0 == separator.asciiValue! || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                var doubled = String.UnicodeScalarView()
                for scalar in field.unicodeScalars {
                    doubled.append(scalar)
                    if scalar == "\"" { doubled.append(scalar) }
                }
                return needsQuotes ? "\"" + String(doubled) + "\"" : field
            }.joined(separator: String(separator))
        }.joined(separator: "\n") + "\n"
    }

    @Test func tokenizingWhatWasWrittenGivesTheFieldsBack() async {
        await propertyCheck(count: 300, input: Self.field.array(of: 3).array(of: 1...6), Gen<Bool>.bool) { (rows: [[String]], semicolon: Bool) in
            // A record whose only field is empty is a blank line, which the tokenizer skips by design.
            let rows = rows.map { $0.allSatisfy(\.isEmpty) ? ["x"] + $0.dropFirst() : $0 }
            let separator: Character = semicolon ? ";" : ","
            let text = Self.written(rows, separator: separator)
            let parsed = try? CSVTokenizer.records(Array(text.utf8)[...], separator: separator.asciiValue!, file: "p.csv")
            #expect(parsed?.records.map(\.fields) == rows, "\(text.debugDescription)")
        }
    }

    @Test func numbersWrittenPlainReadBackExactly() async {
        await propertyCheck(count: 500, input: Gen.double(in: -1e12...1e12), Gen.int(in: -12...3)) { (mantissa: Double, exponent: Int) in
            let value = mantissa * pow10(exponent)
            let text = DecimalText.shortest(value)
            #expect(NumberSyntax.parse(text, decimal: .point) == value, "\(value) written \(text)")
            // Written with a decimal comma (as --decimal-comma writes it), it reads the same under that convention.
            #expect(NumberSyntax.parse(text.replacingOccurrences(of: ".", with: ","), decimal: .comma) == value)
        }
    }

    /// Every number chiso reads from a cell is finite: a numeral past the range of a double is refused.
    @Test func readNumbersAreFinite() async {
        await propertyCheck(count: 300, input: Gen<Character?>.element(of: Array("0123456789.,-+ %")).map { $0 ?? "0" }.string(of: 1...400)) { (text: String) in
            for decimal in DecimalSeparator.allCases {
                if let value = NumberSyntax.parse(text, decimal: decimal) { #expect(value.isFinite, "\(text)") }
            }
        }
    }
}

private func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
}
