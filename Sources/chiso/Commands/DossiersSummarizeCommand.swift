import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import Foundation

/// `chiso dossiers summarize RECORDS.csv|RECORDS.xlsx`.
struct DossiersSummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarise one row per dossier into the counts a report gives per unit and month, quarter, half-year or year.",
        discussion: """
        Records (CSV or a workbook sheet) have columns for the unit, received date, due date, \
        finished date and status, and optionally the channel, agency and procedure, named as in \
        the English schema (unit, received_date, …) or as the one-stop systems export them \
        (Cơ quan/Đơn vị, Ngày tiếp nhận, Ngày hẹn trả, Ngày trả kết quả, Trạng thái, Hình thức \
        nộp, …); dates yyyy-mm-dd or dd/mm/yyyy with or without a time. Period accounting (the \
        default) counts as reports do: carried over, received, resolved early / on time / late \
        and withdrawn in the period they were finished, pending at the period's end; cohort \
        accounting counts everything in the period received. The file is streamed on all cores \
        with bounded memory. Statuses, channels and columns and their Vietnamese names: \
        docs/dossiers.md.
        """)

    @Argument(help: "The records: a CSV file or a workbook (.xlsx, .xls).")
    var file: String

    @Option(help: "Grouping: unit plus month, quarter, half or year, e.g. unit,half.")
    var by: String = "unit,month"

    @Option(help: "period: counts as reports give them (carried over, finished in the period, pending at its end); cohort: every count in the period received.")
    var accounting: DossierAccounting = .period

    @Option(help: "Start of a custom reporting window (yyyy-mm-dd or dd/mm/yyyy), with --to; one row per unit for the window.")
    var from: String?

    @Option(help: "End of the custom reporting window, inclusive.")
    var to: String?

    @Option(help: "The window's period label, e.g. 2023-H1 (default: the calendar period nearest its length that its last day falls in).")
    var label: String?

    @Option(help: "A CSV of the file's own names: rows kind,name,meaning with kind column, status or channel (column,Ngày nhận HS,received_date).")
    var map: String?

    @Flag(help: "Break the summary down by agency.")
    var agency = false

    @Flag(help: "Break the summary down by procedure.")
    var procedure = false

    @Flag(help: "Stop at the first bad row with its line number (default: count bad rows and show the first 10).")
    var strict = false

    @Option(name: .customLong("as-of"), help: "The date the export describes: pending dossiers due before it are overdue; later records are not counted (default: the latest date in the file).")
    var asOf: String?

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    var granularity: Period.Kind? {
        let parts = Set(splitList([by]).map { $0.lowercased() })
        guard parts.contains("unit"), parts.count == 2 else { return nil }
        if parts.contains("month") { return .month }
        if parts.contains("quarter") { return .quarter }
        if parts.contains("half") { return .half }
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
        if granularity == nil { throw ValidationError("--by takes unit and one of month, quarter, half, year, e.g. unit,half; not '\(by)'") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together: the first and last day of the reporting window") }
        if label != nil && from == nil { throw ValidationError("--label names a window given with --from and --to") }
        if let label, Period(parsing: label) == nil { throw ValidationError("--label must be a period such as 2023, 2023-H1, 2023-Q2 or 2023-06, not '\(label)'") }
    }

    func run() throws {
        let showProgress = isatty(STDERR_FILENO) == 1 && !input.quiet
        let progress: (@Sendable (Double) -> Void)? = showProgress ? Self.drawProgress : nil
        var vocabulary = DossierRecordVocabulary.standard
        if let map { vocabulary = try vocabulary.adding(mapFile: NotebookSandbox.reading(map)) }
        let window = from.flatMap { from in to.map { (from: from, to: $0) } }
        let summary = try DossierRecordSummarizer.summarize(path: NotebookSandbox.reading(file), options: DossierSummaryOptions(
            granularity: granularity!, accounting: accounting, window: window, windowLabel: label.flatMap(Period.init(parsing:)),
            byAgency: agency, byProcedure: procedure, strict: strict, asOf: asOf, vocabulary: vocabulary, sheet: input.sheet,
            progress: progress, workers: input.threads))
        try output.emit(summary.table, numbers: input.numberStyle)
        // What was not counted is said even with -q: a count that leaves rows out is not silent.
        for unknown in summary.unknownValues {
            Diagnostics.note("\(unknown.rows) rows with \(unknown.column) '\(unknown.value)' not counted (lines \(unknown.lines.map(String.init).joined(separator: ", "))\(unknown.rows > unknown.lines.count ? ", …" : "")); name it in a --map file")
        }
        if summary.badRows > 0 {
            Diagnostics.note("\(summary.badRows) bad rows not counted; first: " + summary.firstBadRows.map { "line \($0.line): \($0.reason)" }.joined(separator: "; "))
        }
        if summary.receivedAfterAsOf > 0 {
            Diagnostics.note("\(summary.receivedAfterAsOf) records received after \(summary.asOf) not counted")
        }
        if summary.timingConflicts.rows > 0 {
            Diagnostics.note("\(summary.timingConflicts.rows) dossiers' stated timing (early, on time, late) differs from their finished and due dates; the stated one is counted (lines \(summary.timingConflicts.lines.map(String.init).joined(separator: ", ")))")
        }
        if !input.quiet {
            Diagnostics.note("\(summary.records) records in \(summary.rows.count) rows, \(summary.accounting.rawValue) accounting, as of \(summary.asOf)")
        }
    }
}

extension DossierAccounting: ExpressibleByArgument {}
