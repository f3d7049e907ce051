import ChisoNumerics
import Testing

struct SignificantDigitsTests {
    @Test func differenceOfDecimalsLosesItsBinaryNoise() {
        #expect(92.18 - 90.10 != 2.08)
        #expect(roundedToSignificantDigits(92.18 - 90.10) == 2.08)
        #expect(roundedToSignificantDigits(-(0.3 - 0.1)) == -0.2)
    }

    @Test func specialValuesPassThrough() {
        #expect(roundedToSignificantDigits(0) == 0)
        #expect(roundedToSignificantDigits(.nan).isNaN)
        #expect(roundedToSignificantDigits(1234.5678, 6) == 1234.57)
    }
}
