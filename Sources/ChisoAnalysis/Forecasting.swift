import ChisoCore
import ChisoNumerics

/// What to forecast.
public struct ForecastRequest: Sendable {
    /// Indicator id; nil takes the dataset's headline indicator.
    public var indicator: String?
    /// Units to forecast; empty forecasts every unit.
    public var units: [String]
    /// Periods ahead of the last observed period.
    public var horizon: Int
    /// The model, or `auto` to choose.
    public var model: ForecastModel
    /// Interval levels in percent.
    public var levels: [Double]
    /// Seed of the panel model's simulated intervals.
    public var seed: UInt64
    /// Model bounded indicators on the logit scale (the default where the catalog gives bounds).
    public var logitScale: Bool
    /// Model positive quantities that grow (declared counts and amounts, or plain positive values
    /// spanning more than a factor of two) on the log scale.
    public var logScale: Bool

    /// A forecast of `horizon` periods with intervals at `levels`.
    public init(indicator: String? = nil, units: [String] = [], horizon: Int = 1, model: ForecastModel = .auto, levels: [Double] = [80, 95], seed: UInt64 = 1, logitScale: Bool = true,
                logScale: Bool = true) {
        self.logScale = logScale
        self.indicator = indicator
        self.units = units
        self.horizon = horizon
        self.model = model
        self.levels = levels
        self.seed = seed
        self.logitScale = logitScale
    }
}

/// One unit's forecast, or why it has none.
public struct UnitForecast: Sendable {
    /// The unit.
    public let unit: AdministrativeUnit
    /// Its forecast, or why there is none.
    public let outcome: Result<Forecast, ForecastFailure>
    /// The unit's values in `ForecastResult.observedPeriods` (NaN where missing).
    public var history: [Double] = []
}

/// Forecasts of one indicator for the units of a panel.
public struct ForecastResult: Sendable {
    /// The indicator forecast.
    public let indicator: Indicator
    /// The periods forecast (one per horizon).
    public let periods: [Period]
    /// Interval levels in percent.
    public let levels: [Double]
    /// One row per unit: those asked for, or every unit with data.
    public let rows: [UnitForecast]
    /// How the model was chosen: "auto: Panel-AR(2) by pooled MASE 0.81 (naive 0.93)".
    public let selection: String?
    /// The first period used (after a declared break).
    public let firstPeriod: Period?
    /// The periods the models saw, in order.
    public var observedPeriods: [Period] = []

    /// "3 of 378 series not forecast: 2 too short, 1 constant".
    public var failureSummary: String? {
        let failures = rows.compactMap { row -> ForecastFailure? in if case let .failure(f) = row.outcome { return f } else { return nil } }
        guard !failures.isEmpty else { return nil }
        let counts = Dictionary(grouping: failures.map(\.status), by: { $0 }).mapValues(\.count)
        let detail = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
        return "\(failures.count) of \(rows.count) series not forecast: \(detail)"
    }
}

extension PanelAnalysis {
    /// Forecasts one indicator of `panel` `horizon` periods past its last period.
    ///
    /// Periods before the indicator's latest declared break are not used. `auto` on several units
    /// picks one model for the indicator by pooled rolling-origin MASE over the last 5 origins
    /// (`PooledValidation`); for one unit it picks by AICc. Units the chosen model cannot forecast get
    /// the single-series `auto` choice instead, said in their method label. The Panel-AR(2) model is
    /// always fitted on every unit of the panel, even when only some are reported.
    public static func forecast(_ panel: Panel, _ request: ForecastRequest) throws -> ForecastResult {
        let indicatorIndex = try panel.resolveIndicator(request.indicator)
        let indicator = panel.indicators[indicatorIndex]
        guard let lastObserved = panel.periods.indices.last(where: { p in panel.units.indices.contains { !panel.value(unit: $0, period: p, indicator: indicatorIndex).isNaN } }) else {
            throw AnalysisError.noData(panel: panel.name, indicator: indicator.id)
        }
        let segmentStart = indicator.segmentStart(for: panel.periods[lastObserved].year)
        let periodIndices = panel.periods.indices.filter { p in p <= lastObserved && (segmentStart.map { panel.periods[p].year >= $0 } ?? true) }
        let periods = periodIndices.map { panel.periods[$0] }
        let window = PanelWindow(values: panel.units.indices.map { u in periodIndices.map { panel.value(unit: u, period: $0, indicator: indicatorIndex) } })
        let scales = forecastScales(indicator, values: window.values, logit: request.logitScale, log: request.logScale)
        let scale = scales[0]

        // One unit asked for: its own series decides (AICc for auto); otherwise one model for the indicator.
        let (outcomes, selection) = request.units.count == 1
            ? (window.forecast(model: request.model, horizon: request.horizon, levels: request.levels, scale: scale, seed: request.seed), nil)
            : window.forecastChoosing(request.model, horizon: request.horizon, levels: request.levels, scales: scales, seed: request.seed)
        var rows = panel.units.indices.map { UnitForecast(unit: panel.units[$0], outcome: outcomes[$0], history: window.values[$0]) }
        if !request.units.isEmpty {
            let wanted = try request.units.map { try panel.unitSystem.resolve($0).code }
            rows = wanted.map { code in rows.first { $0.unit.code == code } ?? UnitForecast(unit: panel.unitSystem.unit(code: code)!, outcome: .failure(.noData)) }
        } else {
            rows = rows.filter { row in if case .failure(.noData) = row.outcome { return false } else { return true } }
        }
        var target = panel.periods[lastObserved]
        var futurePeriods: [Period] = []
        for _ in 0..<request.horizon { target = target.next; futurePeriods.append(target) }
        var result = ForecastResult(indicator: indicator, periods: futurePeriods, levels: request.levels, rows: rows, selection: selection?.description, firstPeriod: periods.first)
        result.observedPeriods = periods
        return result
    }
}
