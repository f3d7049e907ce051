import ChisoCore
import ChisoOutput
import Testing

/// The CSV encoder writes fields in place into room it grows: every field must come back as it
/// went in, whatever its length, under both decimal conventions.
struct CSVBytesTests {
    /// Numbers of every length — the longest plain forms of a double are over 300 characters — and
    /// integers at the ends of Int64, written past the encoder's first room, read back exactly.
    @Test(arguments: [false, true])
    func everyNumberReadsBack(decimalComma: Bool) throws {
        let doubles: [Double] = [0, -0.5, 76.1, 86.66666666666667, 1e20, -1.7976931348623157e308, Double.leastNonzeroMagnitude, 2.2250738585072014e-308,
                                 123_456.000_000_001, 0.1 + 0.2, -999_999.999_999_999, 1e15 + 0.5]
        let integers: [Int] = [0, 7, -42, Int(Int64.max), Int(Int64.min)]
        var out = CSVBytes(numbers: NumberStyle(decimalComma: decimalComma))
        for _ in 0..<20 {
            out.missing()
            for value in doubles { out.number(value) }
            for value in integers { out.integer(value) }
            out.text("Hà Nội; \"Thủ đô\"")
            out.endRow()
        }
        let text = String(decoding: out.finish(), as: UTF8.self)
        #expect(text.utf8.count > 20 * 1_000)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 21 && rows.last == "")
        for row in rows.dropLast() {
            let separator: Character = decimalComma ? ";" : ","
            let fields = row.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            #expect(fields[0] == "")
            for (k, value) in doubles.enumerated() {
                let field = fields[1 + k]
                #expect(!field.contains("e") && !field.contains("E"), "\(field)")
                let read = Double(decimalComma ? field.replacingOccurrences(of: ",", with: ".") : field)
                #expect(read == value, "\(field) for \(value)")
            }
            for (k, value) in integers.enumerated() { #expect(fields[1 + doubles.count + k] == String(value)) }
            // A text with quotes is quoted, its quotes doubled (RFC 4180).
            let textField = fields[(1 + doubles.count + integers.count)...].joined(separator: String(separator))
            #expect(textField == "\"Hà Nội; \"\"Thủ đô\"\"\"")
        }
    }

    /// `appendInteger` and `shortest` agree with the standard library on integers of every length.
    @Test func integersAreTheStandardLibrarys() {
        var values: [Int64] = [0, -1, 9, 10, -10, Int64.max, Int64.min, Int64.min + 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, -power, -(power - 1)]
        }
        for value in values {
            var bytes: [UInt8] = [0x41]
            DecimalText.appendInteger(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "A\(value)")
        }
    }
}
