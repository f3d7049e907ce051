import ArgumentParser
import ChisoNumerics
import Foundation

/// `chiso`: performance indices of Vietnam's public administration.
@main
struct Chiso: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chiso",
        abstract: "Performance indices of Vietnam's public administration: PAR INDEX, SIPAS, PAPI, PCI and dossier statistics.",
        discussion: """
        A dataset argument is a bundled dataset name (see `chiso datasets`; with the official \
        workbooks imported by `chiso import`), a CSV, .xlsx or .xls file, a folder of per-year \
        files, or - for standard input. Unit names may be written \
        in any spelling: Hà Tĩnh, ha tinh, HT, or the GSO code 42.
        """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(name: "Explore", subcommands: [DatasetsCommand.self, ImportCommand.self, ShowCommand.self, RankCommand.self, RebaseCommand.self]),
            CommandGroup(name: "Model", subcommands: [TrendCommand.self, RegressCommand.self, ForecastCommand.self, BacktestCommand.self]),
            CommandGroup(name: "Plan", subcommands: [ProfileCommand.self, CompareCommand.self, TargetCommand.self, ScorecardCommand.self]),
            CommandGroup(name: "Dossiers", subcommands: [DossiersCommand.self, ExtractCommand.self]),
            CommandGroup(name: "Report", subcommands: [ReportCommand.self]),
            CommandGroup(name: "Notebooks", subcommands: [NotebookCommand.self]),
        ]
    )

    /// Runs the command; bad data and bad requests end with one line on stderr and exit 1.
    static func main() {
        if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil { BLASThreads.set(1) }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any ReportableError {
            fail(userMessage(for: error))
        } catch {
            exit(withError: error)
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("chiso: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
