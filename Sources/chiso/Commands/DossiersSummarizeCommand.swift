import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import Foundation

/// `chiso dossiers summarize RECORDS.csv`.
struct DossiersSummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarise one row per dossier into counts and rates per unit and month, quarter or year.",
        discussion: """
        Records have the columns dossier_id, unit (GSO code), agency, procedure, channel \
        (online|direct|postal), received_date, due_date, finished_date (empty while pending), \
        status (early|on_time|late|withdrawn|pending). Counts are by the period a dossier was \
        received in; pending dossiers are overdue when their due date is before --as-of. \
        The file is streamed on all cores with bounded memory.
        """)

    @Argument(help: "The records CSV.")
    var file: String

    @Option(help: "Grouping: unit plus month, quarter or year, e.g. unit,month.")
    var by: String = "unit,month"

    @Flag(help: "Break the summary down by agency.")
    var agency = false

    @Flag(help: "Break the summary down by procedure.")
    var procedure = false

    @Flag(help: "Stop at the first bad row with its line number (default: count bad rows and show the first 10).")
    var strict = false

    @Option(name: .customLong("as-of"), help: "Date (yyyy-mm-dd) that splits pending dossiers into in time and overdue (default: the latest date in the file).")
    var asOf: String?

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    var granularity: Period.Kind? {
        let parts = Set(splitList([by]).map { $0.lowercased() })
        guard parts.contains("unit"), parts.count == 2 else { return nil }
        if parts.contains("month") { return .month }
        if parts.contains("quarter") { return .quarter }
        if parts.contains("year") { return .year }
        return nil
    }

    /// A progress bar on stderr, redrawn in place.
    @Sendable static func drawProgress(_ share: Double) {
        let width = 30
        let filled = Int(share * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let end = share >= 1 ? "\n" : ""
        FileHandle.standardError.write(Data("\r\(bar) \(Int(share * 100))%\(end)".utf8))
    }

    func validate() throws {
        if granularity == nil { throw ValidationError("--by takes unit and one of month, quarter, year, e.g. unit,month; not '\(by)'") }
    }

    func run() throws {
        let showProgress = isatty(STDERR_FILENO) == 1 && !input.quiet
        let progress: (@Sendable (Double) -> Void)? = showProgress ? Self.drawProgress : nil
        let summary = try DossierRecordSummarizer.summarize(path: NotebookSandbox.reading(file), options: DossierSummaryOptions(
            granularity: granularity!, byAgency: agency, byProcedure: procedure, strict: strict, asOf: asOf, progress: progress,
            workers: input.threads))
        try output.emit(summary.table, numbers: input.numberStyle)
        if !input.quiet {
            Diagnostics.note("\(summary.records) records in \(summary.rows.count) groups; pending split at \(summary.asOf)")
            if summary.badRows > 0 {
                Diagnostics.note("\(summary.badRows) bad rows not counted; first: " + summary.firstBadRows.map { "line \($0.line): \($0.reason)" }.joined(separator: "; "))
            }
        }
    }
}
