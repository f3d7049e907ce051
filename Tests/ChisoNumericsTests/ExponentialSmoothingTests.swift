import ChisoApproximation
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

/// ETS against statsmodels' ETSModel on 24 series × 3 models (Tests/Fixtures/forecasting/
/// statsmodels_ets.json, made by make_statsmodels_ets.py beside it).
struct ExponentialSmoothingTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let series: Int, model: String, y: [Double]
        let alpha: Double, beta: Double, phi: Double, level: Double, trend: Double
        let llf: Double, forecast: [Double]
        var testDescription: String { "series \(series) \(model)" }
        var kind: ExponentialSmoothing.Kind { ExponentialSmoothing.Kind(rawValue: model)! }
    }
    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: Fixtures.fixturesFolder + "/forecasting/statsmodels_ets.json")
        guard let data = try? Data(contentsOf: url), let fixture = try? JSONDecoder().decode(Fixture.self, from: data) else { return [] }
        return fixture.cases
    }()

    @Test func fixtureHasTwentyFourSeriesAndThreeModels() {
        #expect(Set(Self.cases.map(\.series)).count == 24)
        #expect(Self.cases.count == 72)
    }

    /// Our maximum likelihood is at least as good as statsmodels' (to 1e-6 in the log-likelihood).
    @Test(arguments: cases)
    func likelihoodAtLeastAsGoodAsStatsmodels(_ c: Case) throws {
        do {
            let fit = try ExponentialSmoothing.fit(c.y, kind: c.kind)
            #expect(fit.logLikelihood >= c.llf - 1e-6, "ours \(fit.logLikelihood), statsmodels \(c.llf)")
        } catch let failure {
            // Series shorter than the model needs are refused, not fitted badly.
            #expect(failure == .tooShort(observations: c.y.count, needed: c.kind.minimumObservations, model: c.model))
        }
    }

    /// With statsmodels' parameters, our filter and forecasts are statsmodels'.
    @Test(arguments: cases)
    func forecastsWithTheReferenceParametersAgree(_ c: Case) {
        let parameters = ExponentialSmoothing.Parameters(alpha: c.alpha, beta: c.beta, phi: c.phi, level: c.level, trend: c.trend)
        let fit = ExponentialSmoothing.fit(c.y, kind: c.kind, parameters: parameters)
        let forecast = ExponentialSmoothing.forecast(fit, horizon: 5, levels: [80, 95])
        for (h, (ours, theirs)) in zip(forecast.points, c.forecast).enumerated() {
            #expect(agree(ours, theirs, relative: 1e-6), "h = \(h + 1): \(ours) vs \(theirs)")
        }
        #expect(agree(fit.logLikelihood, c.llf, relative: 1e-6) || fit.logLikelihood > c.llf, "llf \(fit.logLikelihood) vs \(c.llf)")
    }

    /// Hand-computed ETS(A,N,N) with α = 0.5, l₀ = 10 on y = 12, 11, 13:
    /// ŷ = 10, 11, 11; e = 2, 0, 2; l = 11, 11, 12. σ² = SSE/(n − 2) = 8; var₂ = σ²(1 + α²) = 10.
    @Test func simpleSmoothingByHand() {
        let fit = ExponentialSmoothing.fit([12, 11, 13], kind: .simple, parameters: .init(alpha: 0.5, level: 10))
        #expect(fit.fitted == [10, 11, 11])
        #expect(fit.sse == 8)
        #expect(fit.finalLevel == 12)
        let forecast = ExponentialSmoothing.forecast(fit, horizon: 2, levels: [95])
        #expect(forecast.points == [12, 12])
        let z = NormalDistribution().quantile(0.975)
        #expect(agree(forecast.upper[0][0], 12 + z * 8.0.squareRoot(), relative: 1e-15))
        #expect(agree(forecast.upper[0][1], 12 + z * 10.0.squareRoot(), relative: 1e-15))
    }

    @Test func shortAndConstantSeriesAreRefused() {
        #expect(throws: ForecastFailure.tooShort(observations: 6, needed: 8, model: "ETS(A,Ad,N)")) { try ExponentialSmoothing.fit([1, 2, 3, 4, 5, 6], kind: .dampedTrend) }
        #expect(throws: ForecastFailure.constant) { try ExponentialSmoothing.fit([5, 5, 5, 5, 5], kind: .simple) }
        #expect(throws: ForecastFailure.noData) { try ExponentialSmoothing.fit([], kind: .simple) }
    }
}
