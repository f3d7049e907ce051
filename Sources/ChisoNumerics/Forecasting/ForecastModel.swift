/// The models `chiso forecast --model` offers.
public enum ForecastModel: String, Sendable, CaseIterable {
    /// Chosen per series by AICc, or per indicator by pooled rolling-origin MASE on a panel.
    case auto
    case naive
    case drift
    case mean
    /// OLS on time.
    case linear
    /// ETS(A,N,N).
    case ses
    /// ETS(A,A,N).
    case holt
    /// ETS(A,Ad,N).
    case damped
    /// Panel-AR(2): pooled over all units of an indicator.
    case panel
    /// Panel growth: pooled AR(1) on the changes (growth rates on the log scale), unit means
    /// shrunk toward the panel's (`PanelGrowth`).
    case growth

    /// The single-series models `auto` chooses among by AICc: the ETS family and the linear trend.
    public static let likelihoodCandidates: [ForecastModel] = [.ses, .holt, .damped, .linear]
    /// Every model but `auto`.
    public static let concrete: [ForecastModel] = [.naive, .drift, .mean, .linear, .ses, .holt, .damped, .panel, .growth]
    /// The models `auto` chooses among on a panel: all but the global mean, which ignores where a
    /// series stands now; index scores are persistent, and in short validation windows the mean's
    /// luck in flat stretches made `auto` pick it where it then lost to naive (PAPI D1 and D4).
    public static let panelCandidates: [ForecastModel] = [.naive, .drift, .linear, .ses, .holt, .damped, .panel, .growth]

    /// Whether the model is fitted on a whole panel rather than on one series.
    public var needsPanel: Bool { self == .panel || self == .growth }
}

/// Forecasts of one series by any single-series model.
public enum SeriesForecaster {
    /// Forecasts `y` (no missing values) `horizon` steps ahead with intervals at `levels` (percent),
    /// on the logit scale when `scale` is given.
    ///
    /// `auto` fits the ETS models and the linear trend that the series' length allows and keeps the
    /// lowest AICc. Fallback chain when none can be fitted, stated in the method label:
    /// 2 points (too short for ETS and trend) → naive; constant → naive (zero-width intervals: no
    /// variation was seen); a single point cannot be forecast with an interval and is refused.
    public static func forecast(_ y: [Double], model: ForecastModel, horizon: Int, levels: [Double], scale: ForecastScale? = nil) throws(ForecastFailure) -> Forecast {
        guard !y.isEmpty else { throw .noData }
        let z = scale.map { s in y.map(s.transform) } ?? y
        let forecast = try onScale(z, model: model, horizon: horizon, levels: levels)
        guard let scale else { return forecast }
        return forecast.onScale(scale, observed: y, label: forecast.method + "[\(scale.name)]")
    }

    private static func onScale(_ y: [Double], model: ForecastModel, horizon: Int, levels: [Double]) throws(ForecastFailure) -> Forecast {
        switch model {
        case .naive: return try BenchmarkForecasts.naive(y, horizon: horizon, levels: levels)
        case .drift: return try BenchmarkForecasts.drift(y, horizon: horizon, levels: levels)
        case .mean: return try BenchmarkForecasts.mean(y, horizon: horizon, levels: levels)
        case .linear: return try BenchmarkForecasts.linearTrend(y, horizon: horizon, levels: levels)
        case .ses: return ExponentialSmoothing.forecast(try ExponentialSmoothing.fit(y, kind: .simple), horizon: horizon, levels: levels)
        case .holt: return ExponentialSmoothing.forecast(try ExponentialSmoothing.fit(y, kind: .trend), horizon: horizon, levels: levels)
        case .damped: return ExponentialSmoothing.forecast(try ExponentialSmoothing.fit(y, kind: .dampedTrend), horizon: horizon, levels: levels)
        case .panel: throw .tooShort(observations: y.count, needed: 0, model: "Panel-AR(2) (needs a panel)")
        case .growth: throw .tooShort(observations: y.count, needed: 0, model: "Panel growth (needs a panel)")
        case .auto: return try automatic(y, horizon: horizon, levels: levels)
        }
    }

    private static func automatic(_ y: [Double], horizon: Int, levels: [Double]) throws(ForecastFailure) -> Forecast {
        guard y.count >= 2 else { throw .tooShort(observations: 1, needed: 2, model: "any model with an interval") }
        guard y.contains(where: { $0 != y[0] }) else {
            return try BenchmarkForecasts.naive(y, horizon: horizon, levels: levels).relabeled("Naive (constant)")
        }
        var best: Forecast?
        for candidate in ForecastModel.likelihoodCandidates {
            guard let forecast = try? onScale(y, model: candidate, horizon: horizon, levels: levels), let aicc = forecast.aicc else { continue }
            if best == nil || aicc < best!.aicc! { best = forecast }
        }
        if let best { return best }
        return try BenchmarkForecasts.naive(y, horizon: horizon, levels: levels).relabeled("Naive (short)")
    }
}
