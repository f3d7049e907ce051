import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import ChisoIO
import ChisoNumerics
import ChisoOutput
import Foundation

/// `chiso extract REPORT.txt`: figures stated in a report's prose.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read the figures a Vietnamese report states in prose: dossier counts, scores out of a maximum, ranks, shares.",
        discussion: "Each figure keeps the sentence it came from; nothing is guessed. --as dossiers gives aggregate rows for `chiso dossiers check`.")

    enum Shape: String, ExpressibleByArgument { case figures, dossiers, scorecard }

    @Argument(help: "A text or Markdown report, or - for standard input.")
    var file: String

    @Option(name: .customLong("as"), help: "figures (one row per figure), dossiers (one aggregate row per department and period) or scorecard (scores with their maxima, as `chiso scorecard` reads them).")
    var shape: Shape = .figures

    @OptionGroup(title: "Output") var output: OutputOptions
    @Flag(name: .shortAndLong, help: "Do not print the count of figures on stderr.") var quiet = false

    func run() throws {
        let bytes = try InputFile.bytes(NotebookSandbox.reading(file))
        let text = String(decoding: try TextDecoding.utf8Body(of: bytes, file: file), as: UTF8.self)
        let figures = ReportExtractor.extract(text)
        let result = ExtractionResult(figures: figures)
        let table = switch shape {
        case .figures: result.table
        case .dossiers: result.dossierTable
        case .scorecard: result.scorecardTable
        }
        try output.emit(table, numbers: NumberStyle())
        if !quiet { Diagnostics.note("\(figures.count) figures read") }
    }
}
