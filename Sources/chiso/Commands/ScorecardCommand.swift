import ArgumentParser
import ChisoAnalysis
import ChisoCore

/// `chiso scorecard`: a province's scorecard of its departments and districts.
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "A unit's scorecard: where its points were lost, and what to fix to reach a rank or a share of its maximum.",
        subcommands: [ScorecardLostCommand.self, ScorecardPlanCommand.self])
}

/// What every scorecard subcommand reads.
struct ScorecardOptions: ParsableArguments {
    @Argument(help: "A CSV file or workbook of scores: unit, year, indicator (the total and its criteria), value, max; optionally a group (level) and a criterion code column.")
    var dataset: String

    @Option(help: "The unit (department, district) whose scorecard to read.")
    var unit: String

    @Option(help: "The year (default: the latest with the unit's total).")
    var year: Int?

    @Option(help: "The total's indicator (default: the one named TOTAL, Tổng điểm…, or coded 0).")
    var total: String?

    @OptionGroup(title: "Scorecards") var groupOptions: GroupOptions

    var request: ScorecardRequest { ScorecardRequest(unit: unit, year: year, total: total, group: groupOptions.group) }

    func validate() throws {
        if let year, !(1900...2100).contains(year) { throw ValidationError("--year must be a year such as 2023, not \(year)") }
    }
}

/// `chiso scorecard lost FILE --unit U`.
struct ScorecardLostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lost",
        abstract: "Where a unit's points were lost: per criterion its maximum, score, points lost, share of all points lost, change and the best peer's score, most lost first.")

    @OptionGroup var scorecard: ScorecardOptions

    @Option(help: "Show the criteria at this depth of the tree (1: the fields); default: the deepest criteria.")
    var depth: Int?

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if let depth, depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let result = try PanelAnalysis.pointsLost(try DataSession(input).loadPanel(scorecard.dataset), scorecard.request, depth: depth)
        try output.emit(result.table, numbers: input.numberStyle)
    }
}

/// `chiso scorecard plan FILE --unit U --rank K`.
struct ScorecardPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "What to fix to reach rank K in the group or a share of the maximum: the points the total needs and the fewest criteria that give them, with the probability of the goal.")

    @OptionGroup var scorecard: ScorecardOptions

    @Option(help: "Goal: rank K or better in the unit's group.")
    var rank: Int?

    @Option(help: "Goal: at least this % of the unit's maximum.")
    var percent: Double?

    @Flag(name: .customLong("up-to-maximum"), help: "Let a criterion go up to its maximum, above the best share a peer reached.")
    var upToMaximum = false

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if (rank == nil) == (percent == nil) { throw ValidationError("give one goal: --rank K or --percent P") }
        if let rank, rank < 1 { throw ValidationError("--rank must be at least 1") }
        if let percent, !(percent > 0 && percent <= 100) { throw ValidationError("--percent must be a share of the maximum above 0 and at most 100") }
    }

    func run() throws {
        let goal: ScorecardGoal = rank.map { .rank($0) } ?? .percent(percent!)
        let result = try PanelAnalysis.scorecardPlan(try DataSession(input).loadPanel(scorecard.dataset), scorecard.request, goal: goal, beyondPeers: upToMaximum)
        let table = result.table
        // What the rows need to be read — the points needed, a shortfall, the probability — is in
        // the footnotes, which data formats do not carry: said on stderr, even with -q.
        if ![.table, .markdown].contains(output.resolvedFormat) {
            for note in table.footnotes { Diagnostics.note(note.text(output.lang)) }
        }
        try output.emit(table, numbers: input.numberStyle)
    }
}
