import ChisoCore
import ChisoNumerics

extension PanelAnalysis {
    /// The scale an indicator is modelled on, from its values (units × periods, NaN = missing):
    /// the logit scale for a bounded percentage or rate (when `logit`); the log scale (when `log`)
    /// for a declared count or amount whose values are all positive, or for an undeclared indicator
    /// whose values are all positive, span more than a factor of two
    /// (`ForecastScale.looksLikeGrowingQuantity`) and grow (`PanelWindow.grows`); otherwise its
    /// own scale. Index scores — bounded, or moving up and down — stay as they are.
    static func forecastScale(_ indicator: Indicator, values: [[Double]], logit: Bool, log: Bool) -> ForecastScale? {
        if logit, let bounds = indicator.boundedScale { return .logit(lower: bounds.lower, upper: bounds.upper) }
        guard log else { return nil }
        let all = values.flatMap { $0 }
        switch indicator.measure {
        case .count, .amount:
            return all.contains { !$0.isNaN } && all.allSatisfy({ $0.isNaN || $0 > 0 }) ? .log : nil
        case .unspecified:
            return ForecastScale.looksLikeGrowingQuantity(all) && PanelWindow(values: values).grows ? .log : nil
        default:
            return nil
        }
    }

    /// The scales `auto` tries on a panel: the indicator's (`forecastScale`), and its own scale
    /// too when that is the log scale — growth that slows is extrapolated better in amounts than
    /// in rates (final budget accounts 2006–2014), and the validation decides.
    static func forecastScales(_ indicator: Indicator, values: [[Double]], logit: Bool, log: Bool) -> [ForecastScale?] {
        let scale = forecastScale(indicator, values: values, logit: logit, log: log)
        return scale == .log ? [scale, nil] : [scale]
    }
}
