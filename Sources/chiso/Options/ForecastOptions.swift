import ArgumentParser
import ChisoAnalysis
import ChisoNumerics

extension ForecastModel: ExpressibleByArgument {}

/// Options shared by `forecast` and `backtest`.
struct ForecastOptions: ParsableArguments {
    @Option(help: "Periods ahead to forecast.")
    var horizon: Int = 1

    @Option(help: "Interval levels in percent, comma-separated.")
    var level: String = "80,95"

    @Option(help: "Seed for the simulated intervals of the panel model.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("no-logit"), help: "Model bounded indicators (percentages, rates) on their own scale instead of the logit scale.")
    var noLogit = false

    @Flag(name: .customLong("no-log"), help: "Model positive quantities that grow (counts, amounts, plain positive values spanning more than a factor of two) on their own scale instead of the log scale.")
    var noLog = false

    /// The levels, parsed.
    var levels: [Double] { level.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }

    func validate() throws {
        if horizon < 1 { throw ValidationError("--horizon must be at least 1, not \(horizon)") }
        if horizon > 50 { throw ValidationError("--horizon must be at most 50 periods") }
        let parts = level.split(separator: ",")
        if parts.isEmpty || levels.count != parts.count || levels.contains(where: { !($0 > 0 && $0 < 100) }) {
            throw ValidationError("--level takes percentages strictly between 0 and 100, such as 80,95; not '\(level)'")
        }
    }
}
