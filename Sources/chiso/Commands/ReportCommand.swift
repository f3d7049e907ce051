import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import ChisoIO
import ChisoReport
import Foundation

extension ReportLanguage: ExpressibleByArgument {}

/// `chiso report`: the statistics sections of a periodic report, written.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the statistics sections of a periodic report in Vietnamese (or English), as Markdown, HTML or Word.",
        discussion: """
        The sections come from templates (Markdown with Mustache tags, templates/report/*.mustache); \
        --template FILE takes a province's own. Every figure in the text comes from the data; a \
        figure that is missing makes its sentence go or say so. The format follows --output: .docx, \
        .html, else Markdown (on standard output without --output). docs/reports.md lists the keys.
        """,
        subcommands: [ReportDossiersCommand.self, ReportIndexCommand.self, ReportScorecardCommand.self])
}

/// What every report subcommand shares: language, template, output file.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Language of the text: vi or en.")
    var lang: ReportLanguage = .vi

    @Option(help: "A template of your own (Markdown with Mustache tags) instead of the default.")
    var template: String?

    @Option(name: [.short, .long], help: "Write to FILE (.docx, .html or .md; atomically) instead of Markdown on standard output.")
    var output: String?

    /// The template to fill: the user's, or the default of `name` in the language.
    func template(_ name: String, session: DataSession) throws -> ReportTemplate {
        if let template { return try ReportTemplate(path: NotebookSandbox.reading(template)) }
        return try ReportWriter.defaultTemplate(name, language: lang, datasets: session.requireLibrary())
    }

    /// Writes the report: Markdown to standard output, or the file in its extension's format.
    func write(markdown: String, title: String, charts: [String: ReportChart]) throws {
        let format = ReportOutputFormat(path: output)
        let data = try ReportWriter.output(markdown: markdown, title: title, charts: charts, format: format, language: lang)
        if let output, !AtomicFile.isStandardOutput(output) {
            try AtomicFile.write(data, to: NotebookSandbox.writing(output))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
