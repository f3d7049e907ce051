import ArgumentParser
import ChisoAnalysis
import ChisoOutput
import ChisoDossiers

extension OnTimeConvention: ExpressibleByArgument {}

/// `chiso dossiers`: administrative-procedure dossier statistics.
struct DossiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossiers",
        abstract: "Dossier statistics: check a report's counts, compute rates under each convention, summarise records.",
        subcommands: [DossiersCheckCommand.self, DossiersRatesCommand.self, DossiersSummarizeCommand.self])
}

/// `chiso dossiers check FILE`.
struct DossiersCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that a dossier report adds up: balance, received, channels, parts within totals, whole non-negative counts.",
        discussion: "Exits 1 when any row is inconsistent; each violation names the file and line, unit, period and the numbers.")

    @Argument(help: "A CSV of dossier counts (one row per unit and period; columns as in docs/dossiers.md), or - for standard input.")
    var file: String

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        let session = try DataSession(input)
        let rows = try DossierAggregateReader.read(path: NotebookSandbox.reading(file), options: input.readOptions, registry: session.registry)
        let result = DossierAnalysis.check(rows)
        // What could not be checked, and what was worked out, are part of the answer: said even with -q.
        for (location, missing) in result.unchecked {
            Diagnostics.note("\(location): balance not checked: \(missing.joined(separator: ", ")) not given")
        }
        for (location, field, value) in result.derived where value >= 0 {
            Diagnostics.note("\(location): \(field.rawValue) not given; the balance makes it \(NumberStyle().full(value))")
        }
        if result.violations.isEmpty {
            let scope = result.unchecked.isEmpty ? "every rule holds" : "every rule that could be checked holds (\(result.unchecked.count) balance\(result.unchecked.count == 1 ? "" : "s") not checked)"
            Diagnostics.note("\(result.rows) row\(result.rows == 1 ? "" : "s"): \(scope)")
            return
        }
        try output.emit(result.table, numbers: input.numberStyle)
        Diagnostics.note("\(result.violations.count) inconsistencies in \(result.rows) rows")
        throw ExitCode.failure
    }
}

/// `chiso dossiers rates FILE`.
struct DossiersRatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract: "On-time rate, late rate, online, postal and digitised shares under a chosen denominator.")

    @Argument(help: "A CSV of dossier counts, or - for standard input.")
    var file: String

    @Option(help: "Denominator of the on-time rate: resolved, due, processed or workload (see docs/dossiers.md).")
    var convention: OnTimeConvention = .resolved

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        let session = try DataSession(input)
        let rows = try DossierAggregateReader.read(path: NotebookSandbox.reading(file), options: input.readOptions, registry: session.registry)
        try output.emit(DossierAnalysis.rates(rows, convention: convention).table, numbers: input.numberStyle)
    }
}
