import ArgumentParser
import ChisoAnalysis
import ChisoNumerics

/// `chiso rebase`: a 63-province dataset written as the 34 provinces of 2025.
struct RebaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebase",
        abstract: "Write a 63-province dataset as the 34 provinces in force from 1 July 2025: counts summed, scores averaged.",
        discussion: """
        A merged province has a value only where every province merged into it has one. Scores are \
        a plain mean unless --weights (a unit,weight CSV) or --weight-indicator names the weights; \
        each row says its rule. Published ranks (out of 63) are dropped.
        """)

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "A CSV of unit,weight (e.g. population) for the weighted mean of scores.")
    var weights: String?

    @Option(name: .customLong("weight-indicator"), help: "An indicator of the same dataset to weight the mean of scores by, per year.")
    var weightIndicator: String?

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if weights != nil && weightIndicator != nil { throw ValidationError("--weights and --weight-indicator exclude each other") }
    }

    func run() throws {
        let session = try DataSession(input)
        let rebased = try session.rebase(try session.loadPanel(dataset), weightsFile: weights, weightIndicator: weightIndicator)
        // The rule is part of the result, not a load note: it is printed even with -q.
        Diagnostics.note(rebased.summary)
        try output.emit(rebased.table, numbers: input.numberStyle)
    }
}
