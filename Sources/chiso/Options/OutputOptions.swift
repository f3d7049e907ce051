import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoOutput
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

/// Where and how a command writes its table.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                               discussion: "Default: from the extension of --output, else table on a terminal and csv when piped."))
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write to FILE (atomically: complete or not at all) instead of standard output; - is standard output.",
        discussion: "The extension sets the format: .csv, .json, .md, .txt, .xlsx, .svg, .vl.json (Vega-Lite); another is refused."))
    var output: String?

    @Option(help: "Language of headers and labels: vi or en (under vi, CSV headers are the Vietnamese labels instead of column ids).")
    var lang: Language = .en

    @Flag(inversion: .prefixedNo, help: "Start CSV with a UTF-8 byte-order mark, so that Excel on Windows reads Vietnamese text right (default: on for a .csv file, off on standard output).")
    var bom: Bool?

    @Option(help: "Units to stand out in a chart (--format vega-lite or svg), comma-separated.")
    var highlight: [String] = []

    @Option(help: "Colour rises and falls in terminal tables: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(name: .customLong("no-color"), help: "Same as --color never.")
    var noColor = false

    /// The file named by --output, nil for standard output.
    var outputFile: String? {
        output.flatMap { AtomicFile.isStandardOutput($0) ? nil : $0 }
    }

    /// Output formats by file extension; `.vl.json` is checked before `.json`.
    static let formatsByExtension: [(suffix: String, format: OutputFormat)] = [
        (".vl.json", .vegaLite), (".csv", .csv), (".json", .json), (".md", .markdown), (".markdown", .markdown),
        (".txt", .table), (".xlsx", .xlsx), (".svg", .svg),
    ]

    func validate() throws {
        if format == nil, let outputFile, Self.format(ofFile: outputFile) == nil {
            throw ValidationError("--output \(outputFile): unknown extension; use one of \(Self.formatsByExtension.map(\.suffix).joined(separator: ", ")), or give --format")
        }
    }

    static func format(ofFile path: String) -> OutputFormat? {
        let name = (path as NSString).lastPathComponent.lowercased()
        return formatsByExtension.first { name.hasSuffix($0.suffix) }?.format
    }

    /// The format to write: explicit, else from the output file's extension, else by terminal.
    var resolvedFormat: OutputFormat {
        if let format { return format }
        if let outputFile, let byExtension = Self.format(ofFile: outputFile) { return byExtension }
        return isatty(STDOUT_FILENO) == 1 ? .table : .csv
    }

    /// Writes the rendered table to the output file or standard output.
    func emit(_ table: Table, numbers: NumberStyle) throws {
        if resolvedFormat == .xlsx && outputFile == nil && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("--format xlsx writes a binary workbook: give --output FILE.xlsx or redirect standard output")
        }
        let toTerminal = outputFile == nil && isatty(STDOUT_FILENO) == 1
        let colored = !noColor && color.enabled(isTerminal: toTerminal, environment: ProcessInfo.processInfo.environment)
        if (resolvedFormat == .vegaLite || resolvedFormat == .svg) && table.chart == nil {
            throw ValidationError("this table has no chart: --format vega-lite and svg draw `rank` (bars), `show` of one indicator (heat map), `trend` (small multiples), `forecast` (fan) and `compare` (a panel per indicator)")
        }
        var writer = TableWriter(language: lang, numbers: numbers, color: colored, maxWidth: toTerminal ? Self.terminalWidth() : nil)
        writer.highlight = splitList(highlight)
        writer.byteOrderMark = csvByteOrderMark
        let bytes = try writer.encoded(table, as: resolvedFormat)
        if let outputFile {
            try AtomicFile.write(bytes, to: try NotebookSandbox.writing(outputFile))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }

    /// Writes a large result in `count` batches of bytes (`batch(k, first)`): a few batches at a
    /// time are encoded in parallel while the batches before them are written, in order, so the
    /// whole text is never held (at most two windows wait). `opening` and `closing` go around
    /// the batches, and `separator` between two that are not empty.
    func emitBatches(count: Int, threads: Int, opening: [UInt8] = [], separator: [UInt8] = [], closing: [UInt8] = [],
                     batch: @Sendable (_ index: Int, _ first: Bool) -> [UInt8]) throws {
        let path = try outputFile.map { try NotebookSandbox.writing($0) } ?? "-"
        try AtomicFile.write(to: path) { append in
            try withoutActuallyEscaping(append) { append in
                let writer = OrderedWriter(append)
                writer.enqueue([opening])
                var next = 0
                var anyWritten = false
                while next < count {
                    let first = next, window = min(count - next, 4 * max(1, threads))
                    let encoded = ParallelWork.map(window, threads: threads) { k in batch(first + k, first + k == 0) }
                    var pieces: [[UInt8]] = []
                    for bytes in encoded where !bytes.isEmpty {
                        if anyWritten { pieces.append(separator) }
                        pieces.append(bytes)
                        anyWritten = true
                    }
                    writer.enqueue(pieces)
                    next += window
                }
                writer.enqueue([closing])
                try writer.finish()
            }
        }
    }

    /// Whether a byte-order mark starts CSV output: `--bom`, else when writing to a file.
    var csvByteOrderMark: Bool { bom ?? (outputFile != nil) }

    /// The terminal's width in columns, when standard output is one.
    static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Writes pieces in the order given on a thread of its own, while the caller encodes the next
/// ones; at most two groups of pieces wait. The first write error is rethrown by `finish`.
private final class OrderedWriter: @unchecked Sendable {
    // Safe to share: `append` and `failure` are used only on `queue`, and read by `finish` after
    // the queue has drained.
    private let append: (UnsafeRawBufferPointer) throws -> Void
    private let queue = DispatchQueue(label: "chiso.ordered-writer")
    private let slots = DispatchSemaphore(value: 2)
    private var failure: (any Error)?

    init(_ append: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.append = append
    }

    func enqueue(_ pieces: [[UInt8]]) {
        slots.wait()
        queue.async {
            defer { self.slots.signal() }
            guard self.failure == nil else { return }
            do {
                for piece in pieces { try piece.withUnsafeBytes { try self.append($0) } }
            } catch {
                self.failure = error
            }
        }
    }

    func finish() throws {
        queue.sync {}
        if let failure { throw failure }
    }
}
