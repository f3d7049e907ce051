import ChisoCore
import Testing

/// Numbers written as the standard library's shortest form, digits written directly.
struct DecimalTextTests {
    /// Every non-integer between 0.001 and a million, where Swift writes no exponent, is written as
    /// Swift's `description` writes it: scores with one to nine decimals, ratios like 86.666…, and
    /// random doubles (300,000 values).
    @Test func theShortestFormIsTheStandardLibrarys() {
        var state: UInt64 = 11
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        var values: [Double] = []
        for d in 1...9 {
            for _ in 0..<20_000 {
                let scale = (0..<d).reduce(1.0) { product, _ in product * 10 }
                values.append(Double(next() % 100_000_000) / scale * (next() % 2 == 0 ? 1 : -1))
            }
        }
        for _ in 0..<60_000 { values.append(Double(next() % 1_000_000) / Double(1 + next() % 997)) }
        for _ in 0..<60_000 { values.append(Double(bitPattern: 0x3F50_0000_0000_0000 + next() % 0x00F0_0000_0000_0000)) }
        for value in values where value != value.rounded() && (1e-3..<1e6).contains(abs(value)) {
            #expect(DecimalText.shortest(value) == "\(value)", "\(value)")
        }
    }

    @Test(arguments: [(76.1, "76.1"), (-0.5, "-0.5"), (0.00001, "0.00001"), (1e20, "100000000000000000000"), (42, "42"), (-3, "-3"),
                      (1.5e-7, "0.00000015"), (86.66666666666667, "86.66666666666667"), (2_000_000.25, "2000000.25")])
    func knownForms(_ value: Double, _ text: String) {
        #expect(DecimalText.shortest(value) == text)
    }
}
