import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import ChisoIO
import ChisoNumerics
import ChisoOutput
import ChisoSpreadsheets
import Foundation

/// `chiso extract REPORT.txt`: figures stated in a report's prose.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read the figures a Vietnamese report states: dossier counts, rates, scores out of a maximum, ranks, changes, targets.",
        discussion: """
        Reads text, Markdown, Word (.docx: paragraphs and tables in document order) and PDF (through \
        pdftotext, Debian poppler-utils). Each figure keeps the exact text and sentence it came from; \
        nothing is guessed. Where a report states parts and their total, a note on stderr says when they \
        do not add up. --as dossiers gives aggregate rows for `chiso dossiers check`. Rules: docs/extraction.md.
        """)

    enum Shape: String, ExpressibleByArgument { case figures, dossiers, scorecard }

    @Argument(help: "A text, Markdown, .docx or .pdf report, or - for standard input.")
    var file: String

    @Option(name: .customLong("as"), help: "figures (one row per figure), dossiers (one aggregate row per department and period) or scorecard (scores with their maxima, as `chiso scorecard` reads them).")
    var shape: Shape = .figures

    @OptionGroup(title: "Output") var output: OutputOptions
    @Flag(name: .shortAndLong, help: "Do not print the count of figures on stderr.") var quiet = false

    func run() throws {
        let path = NotebookSandbox.reading(file)
        let document = try Self.document(path)
        let figures = ReportExtractor.extract(document)
        let result = ExtractionResult(figures: figures)
        let table = switch shape {
        case .figures: result.table
        case .dossiers: result.dossierTable
        case .scorecard: result.scorecardTable
        }
        try output.emit(table, numbers: NumberStyle())
        // Parts that do not add up are said whatever -q says: the source is inconsistent.
        for check in ReportExtractor.checks(figures) where !check.addsUp {
            Diagnostics.note("the parts do not add up: \(check.description)")
        }
        if !quiet { Diagnostics.note("\(figures.count) figures read") }
    }

    /// The report as paragraphs and tables, by what the file is.
    static func document(_ path: String) throws -> ReportDocument {
        // A pipe or device (standard input by its path) is read once, as text: looking at its
        // first bytes would consume them.
        let regular = (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
        let kind = path == "-" || !regular ? FileKind.text : FileKind.detect(path: path)
        switch kind {
        case .wordDocument:
            return ReportDocument(word: try WordDocument(path: path))
        case .pdf:
            guard let pdftotext = Self.executable("pdftotext") else { throw ExtractError.noPDFReader(path: path) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pdftotext)
            process.arguments = ["-enc", "UTF-8", path, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ExtractError.unreadablePDF(path: path) }
            return ReportDocument(text: String(decoding: data, as: UTF8.self))
        default:
            let bytes = try InputFile.bytes(path)
            return ReportDocument(text: String(decoding: try TextDecoding.utf8Body(of: bytes, file: path), as: UTF8.self))
        }
    }

    /// The path of a program on the PATH.
    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A report file extract cannot read.
enum ExtractError: Error, CustomStringConvertible {
    case noPDFReader(path: String)
    case unreadablePDF(path: String)

    var description: String {
        switch self {
        case let .noPDFReader(path):
            return "\(path): a PDF is read through pdftotext, which is not installed; install it (apt-get install poppler-utils) or save the report as text or .docx"
        case let .unreadablePDF(path):
            return "\(path): pdftotext could not read this PDF; save the report as text or .docx"
        }
    }
}
