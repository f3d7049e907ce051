import ChisoCore
import ChisoDossiers
import ChisoNumerics
import Foundation

/// The rates a dossier target can be set on.
public enum DossierTargetRate: String, Sendable, CaseIterable {
    /// Resolved early or on time, over the denominator of the chosen convention.
    case onTime = "on-time"
    /// Received online, over dossiers received in the period.
    case online
    /// Received by post, over dossiers received in the period.
    case postal
    /// Digitised, over dossiers received in the period.
    case digitized

    /// The count the rate counts and the volume it is over, in one row.
    func parts(_ row: DossierAggregate, convention: OnTimeConvention) -> (count: Double?, volume: Double?) {
        switch self {
        case .onTime:
            let rates = DossierRates(row, convention: convention)
            return (rates.onTimeCount, rates.denominator)
        case .online: return (row[.receivedOnline], row.receivedInPeriod)
        case .postal: return (row[.receivedPostal], row.receivedInPeriod)
        case .digitized: return (row[.digitized], row.receivedInPeriod)
        }
    }

    /// What the volume is, in words.
    func volumeLabel(_ convention: OnTimeConvention) -> LocalizedText {
        switch self {
        case .onTime: return LocalizedText(vi: "mẫu số tỷ lệ đúng hạn (\(convention.rawValue))", en: "on-time denominator (\(convention.rawValue))")
        case .online, .postal, .digitized: return LocalizedText(vi: "hồ sơ tiếp nhận trong kỳ", en: "dossiers received in the period")
        }
    }
}

/// What to plan: a unit's rate of at least `atLeast` percent next period.
public struct DossierTargetRequest: Sendable {
    /// The unit as written in the file (matched by spelling key).
    public var unit: String
    /// Which rate the target is for.
    public var rate: DossierTargetRate
    /// The target rate in percent, 0–100.
    public var atLeast: Double
    /// The denominator of the on-time rate.
    public var convention: OnTimeConvention
    /// Interval levels in percent of the volume forecast.
    public var levels: [Double]

    /// A target of at least `atLeast` percent for `rate` next period.
    public init(unit: String, rate: DossierTargetRate, atLeast: Double, convention: OnTimeConvention = .resolved, levels: [Double] = [80, 95]) {
        self.unit = unit
        self.rate = rate
        self.atLeast = atLeast
        self.convention = convention
        self.levels = levels
    }
}

/// The number of dossiers that must meet the rate next period, from the forecast volume.
public struct DossierTargetResult: Sendable {
    /// The unit, as the file names it.
    public let unit: String
    /// The request answered.
    public let request: DossierTargetRequest
    /// The last period of the history.
    public let lastPeriod: Period
    /// The period planned.
    public let nextPeriod: Period
    /// Periods of history the volume forecast used.
    public let observations: Int
    /// The volume the rate was over last period.
    public let lastVolume: Double
    /// The count the rate counted last period.
    public let lastCount: Double
    /// The rate last period, in percent.
    public var lastRate: Double { 100 * lastCount / lastVolume }
    /// The volume forecast (its lower bounds floored at 0: counts are not negative).
    public let volume: Forecast
    /// ⌈atLeast% × volume⌉ at the point forecast.
    public let required: Double
    /// ⌈atLeast% × volume⌉ at each level's upper bound: enough if the period is as busy as that.
    public let requiredAtUpper: [Double]
    /// The count at last period's rate on the forecast volume, and the shortfall against `required`.
    public let atLastRate: Double
    /// `required` minus `atLastRate`: the extra dossiers needed over last period's rate.
    public var shortfall: Double { required - atLastRate }
}

extension DossierAnalysis {
    /// Plans a dossier target for one unit: forecasts the volume the rate is over (the convention's
    /// denominator for the on-time rate, dossiers received for the shares) as `forecast` forecasts
    /// a panel — every unit of the file's volumes, `auto` chosen on them, volumes that grow on the
    /// log scale against drift (`PanelWindow.forecastChoosing`), one unit alone by AICc — and turns
    /// the goal into the number of dossiers that must meet it.
    public static func target(_ rows: [DossierAggregate], _ request: DossierTargetRequest) throws -> DossierTargetResult {
        guard (0...100).contains(request.atLeast) else { throw DossierTargetError.rateOutOfRange(request.atLeast) }
        let key = NameFolding.key(request.unit)
        let mine = rows.filter { NameFolding.key($0.unit) == key }
        guard let name = mine.first?.unit else {
            let units = Array(Set(rows.map(\.unit))).sorted()
            throw DossierTargetError.unknownUnit(request.unit, available: units)
        }
        // One row per period: a breakdown (by field or procedure) is summed.
        var byPeriod: [Period: (count: Double, volume: Double)] = [:]
        for row in mine {
            let parts = request.rate.parts(row, convention: request.convention)
            guard let count = parts.count, let volume = parts.volume else {
                throw DossierTargetError.missingCounts(unit: name, period: row.period.description, location: row.location, rate: request.rate.rawValue)
            }
            let sum = byPeriod[row.period] ?? (0, 0)
            byPeriod[row.period] = (sum.count + count, sum.volume + volume)
        }
        let periods = byPeriod.keys.sorted()
        let last = periods[periods.count - 1]
        guard zip(periods, periods.dropFirst()).allSatisfy({ $0.next == $1 }) else {
            throw DossierTargetError.gap(unit: name, periods: periods.map(\.description))
        }
        let volumes = periods.map { byPeriod[$0]!.volume }
        let forecast: Forecast
        switch volumeForecasts(rows, unit: name, through: last, request: request) {
        case let .success(f): forecast = f
        case let .failure(error): throw DossierTargetError.cannotForecast(unit: name, reason: error.description)
        }
        let volume = forecast.replacing(distributions: forecast.distributions.map { $0.floored(at: 0) })
        let share = request.atLeast / 100
        guard byPeriod[last]!.volume > 0 else { throw DossierTargetError.cannotForecast(unit: name, reason: "no volume in \(last)") }
        let lastRate = byPeriod[last]!.count / byPeriod[last]!.volume
        return DossierTargetResult(
            unit: name, request: request, lastPeriod: last, nextPeriod: last.next, observations: volumes.count,
            lastVolume: byPeriod[last]!.volume, lastCount: byPeriod[last]!.count, volume: volume,
            required: wholeDossiers(share * volume.points[0]),
            requiredAtUpper: volume.upper.map { wholeDossiers(share * $0[0]) },
            atLastRate: (lastRate * volume.points[0]).rounded(.down))
    }
}

extension DossierAnalysis {
    /// The volume forecast of `unit` for the period after `last`, from the volumes of every unit of
    /// `rows` up to `last` (units × periods, summed over breakdowns; NaN where a unit has none).
    static func volumeForecasts(_ rows: [DossierAggregate], unit: String, through last: Period,
                                request: DossierTargetRequest) -> Result<Forecast, ForecastFailure> {
        var volumes: [String: [Period: Double]] = [:]
        for row in rows where row.period <= last {
            guard let volume = request.rate.parts(row, convention: request.convention).volume else { continue }
            volumes[row.unit, default: [:]][row.period, default: 0] += volume
        }
        guard let first = volumes.values.flatMap(\.keys).min() else { return .failure(.noData) }
        var periods = [first]
        while periods.last! < last { periods.append(periods.last!.next) }
        let units = volumes.keys.sorted()
        let window = PanelWindow(values: units.map { u in periods.map { volumes[u]![$0] ?? .nan } })
        let volumeIndicator = Indicator(id: "volume", label: LocalizedText("volume"), measure: .count)
        let scales = PanelAnalysis.forecastScales(volumeIndicator, values: window.values, logit: false, log: true)
        let (outcomes, _) = window.forecastChoosing(.auto, horizon: 1, levels: request.levels, scales: scales, seed: 1)
        return outcomes[units.firstIndex(of: unit)!]
    }
}

/// The least whole number of dossiers at or above x (x rounded to 9 significant digits first, so
/// that 98% of 1,000 is 980, not 981).
private func wholeDossiers(_ x: Double) -> Double {
    roundedToSignificantDigits(x, 9).rounded(.up)
}

/// A dossier target that cannot be set.
public enum DossierTargetError: RemediableError, Equatable {
    /// The target rate is not a percentage from 0 to 100.
    case rateOutOfRange(Double)
    /// The file has no unit of that name.
    case unknownUnit(String, available: [String])
    /// A row lacks a count the rate needs.
    case missingCounts(unit: String, period: String, location: String?, rate: String)
    /// The unit's periods are not consecutive.
    case gap(unit: String, periods: [String])
    /// The volume series cannot be forecast.
    case cannotForecast(unit: String, reason: String)

    public var description: String {
        switch self {
        case let .rateOutOfRange(value): return "the target rate must be a percentage from 0 to 100, not \(value)"
        case let .unknownUnit(unit, available): return "no unit '\(unit)' in the dossier file; its units are: \(available.joined(separator: ", "))"
        case let .missingCounts(unit, period, location, rate):
            return "\(location.map { "\($0): " } ?? "")\(unit) \(period) lacks the counts of the \(rate) rate (see docs/dossiers.md)"
        case let .gap(unit, periods): return "\(unit)'s periods are not consecutive (\(periods.joined(separator: ", "))); a volume forecast needs an unbroken series"
        case let .cannotForecast(unit, reason): return "cannot forecast the volume of \(unit): \(reason)"
        }
    }

    public var remedy: Remedy? {
        if case .rateOutOfRange = self { return .giveRateAsPercent }
        return nil
    }
}
