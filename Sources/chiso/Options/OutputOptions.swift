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

    @Option(name: .shortAndLong, help: "Write to FILE (atomically: complete or not at all) instead of standard output.")
    var output: String?

    @Option(help: "Language of headers and labels: vi or en.")
    var lang: Language = .en

    @Option(help: "Units to stand out in a chart (--format vega-lite or svg), comma-separated.")
    var highlight: [String] = []

    @Option(help: "Colour rises and falls in terminal tables: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(name: .customLong("no-color"), help: "Same as --color never.")
    var noColor = false

    /// The format to write: explicit, else from the output file's extension, else by terminal.
    var resolvedFormat: OutputFormat {
        if let format { return format }
        if let output {
            switch (output as NSString).pathExtension.lowercased() {
            case "json": return .json
            case "md", "markdown": return .markdown
            case "txt": return .table
            case "xlsx": return .xlsx
            case "svg": return .svg
            default: return .csv
            }
        }
        return isatty(STDOUT_FILENO) == 1 ? .table : .csv
    }

    /// Writes the rendered table to the output file or standard output.
    func emit(_ table: Table, numbers: NumberStyle) throws {
        if resolvedFormat == .xlsx && output == nil && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("--format xlsx writes a binary workbook: give --output FILE.xlsx or redirect standard output")
        }
        let toTerminal = output == nil && isatty(STDOUT_FILENO) == 1
        let colored = !noColor && color.enabled(isTerminal: toTerminal, environment: ProcessInfo.processInfo.environment)
        if (resolvedFormat == .vegaLite || resolvedFormat == .svg) && table.chart == nil {
            throw ValidationError("this table has no chart: --format vega-lite and svg draw `rank` (bars), `show` of one indicator (heat map), `trend` (small multiples), `forecast` (fan) and `compare` (a panel per indicator)")
        }
        var writer = TableWriter(language: lang, numbers: numbers, color: colored, maxWidth: toTerminal ? Self.terminalWidth() : nil)
        writer.highlight = splitList(highlight)
        let bytes = try writer.encoded(table, as: resolvedFormat)
        if let output {
            try AtomicFile.write(bytes, to: output)
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }

    /// The terminal's width in columns, when standard output is one.
    static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
