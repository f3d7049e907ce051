import ArgumentParser
import ChisoAnalysis
import ChisoDossiers

extension DossierTargetRate: ExpressibleByArgument {}

/// `chiso target`: what a unit must reach next year, and how likely it is to get there.
struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "Plan a next-year target: the threshold for a rank, score, group or improvement, the gain needed over the unit's forecast, the probability of reaching it, and component headroom.",
        discussion: """
        Every unit's next value is forecast with its own auto model (AICc); the probability comes \
        from joint draws of all units' forecast distributions, assumed independent across units. \
        Groups follow the PAR INDEX convention: A ≥ 90%, B 80–90%, C below 80%.

        With --dossiers FILE the target is a dossier rate: the volume the rate is over is forecast \
        for the next period and the goal becomes the number of dossiers that must meet it.
        """)

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String?

    @Option(help: "The unit to plan for (any spelling, or the GSO code).")
    var unit: String

    @Option(help: "The indicator (default: the dataset's headline indicator).")
    var indicator: String?

    @Option(help: "Goal: rank K or better next year.")
    var rank: Int?

    @Option(help: "Goal: a value of at least S next year.")
    var score: Double?

    @Option(help: "Goal: the PAR INDEX group A (≥ 90%) or B (≥ 80%).")
    var group: String?

    @Option(help: "Goal: this year's value plus N.")
    var improve: Double?

    @Option(help: "A CSV of dossier counts per period (docs/dossiers.md): set a dossier target instead of an index target.")
    var dossiers: String?

    @Option(help: "Dossier rate: on-time, online, postal or digitized.")
    var rate: DossierTargetRate?

    @Option(name: .customLong("at-least"), help: "Dossier goal: the rate of at least P percent.")
    var atLeast: Double?

    @Option(help: "Denominator of the on-time rate: resolved, due, processed or workload (see docs/dossiers.md).")
    var convention: OnTimeConvention = .resolved

    @Option(help: "The year whose values are 'this year' (default: the unit's latest year with a value).")
    var year: Int?

    @Option(help: "Joint draws for the probability (1 to 1,000,000).")
    var draws = 10_000

    @Option(help: "Seed of the draws: the same seed gives the same probability.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("among-available"), help: "Rank among the units that have a value and a forecast, as if they were all the units (by default a rank goal is read against the published ranking).")
    var amongAvailable = false

    @OptionGroup(title: "Scorecards") var groupOptions: GroupOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        let goals = [rank != nil, score != nil, group != nil, improve != nil].filter { $0 }.count
        if dossiers != nil {
            if dataset != nil || indicator != nil || goals > 0 || year != nil {
                throw ValidationError("--dossiers sets a dossier target: give --unit, --rate and --at-least, not a dataset, --indicator, --year or an index goal")
            }
            if rate == nil || atLeast == nil { throw ValidationError("a dossier target needs --rate on-time|online|postal|digitized and --at-least P") }
            return
        }
        if dataset == nil { throw ValidationError("give a dataset, or --dossiers FILE for a dossier target") }
        if rate != nil || atLeast != nil { throw ValidationError("--rate and --at-least set a dossier target and need --dossiers FILE") }
        if goals != 1 { throw ValidationError("give exactly one goal: --rank K, --score S, --group A|B or --improve N") }
        if let rank, rank < 1 { throw ValidationError("--rank must be at least 1") }
        if !(1...1_000_000).contains(draws) { throw ValidationError("--draws must be from 1 to 1000000, not \(draws)") }
        if let score, !score.isFinite { throw ValidationError("--score must be a number, not \(score)") }
        if let improve, !improve.isFinite { throw ValidationError("--improve must be a number, not \(improve)") }
        if let year, !(1900...2100).contains(year) { throw ValidationError("--year must be a year such as 2023, not \(year)") }
    }

    func run() throws {
        if let dossiers, let rate, let atLeast {
            let rows = try DossierAggregateReader.read(path: NotebookSandbox.reading(dossiers), options: input.readOptions, registry: try DataSession(input).registry)
            let result = try DossierAnalysis.target(rows, DossierTargetRequest(unit: unit, rate: rate, atLeast: atLeast, convention: convention))
            try output.emit(result.table, numbers: input.numberStyle)
            return
        }
        let goal: TargetGoal
        if let rank { goal = .rank(rank) } else if let score { goal = .score(score) } else if let group { goal = .group(group) } else { goal = .improve(improve!) }
        let panel = try DataSession(input).loadScorecardPanel(dataset!, group: groupOptions, language: output.lang)
        let result = try PanelAnalysis.target(panel, TargetRequest(unit: unit, indicator: indicator, goal: goal, year: year, draws: draws, seed: seed, amongAvailable: amongAvailable))
        try output.emit(result.table, numbers: input.numberStyle)
    }
}
