import ChisoApproximation
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// CDF, survival and quantile of the normal, t, chi-square and F distributions against scipy
/// (Tests/Fixtures/distributions/scipy_reference.json, made by make_scipy_reference.py beside it),
/// to 1e-12 relative.
struct DistributionTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let distribution: String
        let parameters: [Double]
        let function: String
        let argument: Double
        let value: Double
        var testDescription: String { "\(distribution)\(parameters) \(function)(\(argument))" }
    }
    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: Fixtures.fixturesFolder + "/distributions/scipy_reference.json")
        guard let data = try? Data(contentsOf: url), let fixture = try? JSONDecoder().decode(Fixture.self, from: data) else { return [] }
        return fixture.cases
    }()

    static func evaluate(_ c: Case) -> Double {
        let (cdf, sf, quantile): ((Double) -> Double, (Double) -> Double, (Double) -> Double)
        switch c.distribution {
        case "normal":
            let d = NormalDistribution()
            (cdf, sf, quantile) = (d.cdf, d.survival, d.quantile)
        case "t":
            let d = StudentTDistribution(degreesOfFreedom: c.parameters[0])
            (cdf, sf, quantile) = (d.cdf, d.survival, d.quantile)
        case "chi2":
            let d = ChiSquaredDistribution(degreesOfFreedom: c.parameters[0])
            (cdf, sf, quantile) = (d.cdf, d.survival, d.quantile)
        default:
            let d = FDistribution(numeratorDegreesOfFreedom: c.parameters[0], denominatorDegreesOfFreedom: c.parameters[1])
            (cdf, sf, quantile) = (d.cdf, d.survival, d.quantile)
        }
        switch c.function {
        case "cdf": return cdf(c.argument)
        case "sf": return sf(c.argument)
        default: return quantile(c.argument)
        }
    }

    @Test func fixtureCoversFourDistributions() {
        #expect(Set(Self.cases.map(\.distribution)) == ["normal", "t", "chi2", "f"])
        #expect(Self.cases.count > 600)
    }

    @Test(arguments: cases)
    func agreesWithScipy(_ c: Case) {
        let computed = Self.evaluate(c)
        // Quantile 0 (the median of t) is compared absolutely.
        let ok = c.value == 0 ? abs(computed) < 1e-300 : agree(computed, c.value, relative: 1e-12)
        #expect(ok, "computed \(computed), scipy \(c.value), relative error \(abs(computed - c.value) / abs(c.value))")
    }

    @Test func twoSidedPValueAndSymmetry() {
        let t = StudentTDistribution(degreesOfFreedom: 7)
        #expect(agree(t.twoSidedPValue(-2.5), 2 * t.survival(2.5), relative: 1e-15))
        #expect(agree(t.cdf(-1.3), t.survival(1.3), relative: 1e-15))
        #expect(t.quantile(0.5) == 0)
    }
}
