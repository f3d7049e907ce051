import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoDossiers
import ChisoIO
import ChisoReport
import Foundation

/// `chiso report dossiers FILE --unit U --period P`.
struct ReportDossiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossiers",
        abstract: "The dossier section: received, resolved early / on time / late, withdrawn, pending, online shares, the same period a year earlier, the other units.",
        discussion: "FILE holds dossier counts per unit and period (docs/dossiers.md), such as the output of `chiso dossiers summarize`.")

    @Argument(help: "A CSV or workbook of dossier counts, or - for standard input.")
    var file: String

    @Option(help: "The unit the section is about (as the file names it).")
    var unit: String

    @Option(help: "Denominator of the on-time rate: resolved, due, processed or workload (stated in the text).")
    var convention: OnTimeConvention = .resolved

    @Option(name: .customLong("target-rate"), help: "The on-time rate (percent) the next period's target keeps (default: the rate reached).")
    var targetRate: Double?

    @OptionGroup(title: "Report") var report: ReportOutputOptions
    @OptionGroup(title: "Input") var input: InputOptions

    /// The period of the section (--period of the input options).
    var period: Period? { input.period.flatMap(Period.init(parsing:)) }

    func validate() throws {
        guard let text = input.period else { throw ValidationError("--period is needed: the period of the section, e.g. 2023-H1, 2024-Q2, 2024-06 or 2023") }
        if Period(parsing: text) == nil { throw ValidationError("--period must be a period such as 2023-H1, 2024-Q2, 2024-06 or 2023, not '\(text)'") }
        if let targetRate, !(0...100).contains(targetRate) { throw ValidationError("--target-rate is a percentage from 0 to 100, not \(targetRate)") }
    }

    func run() throws {
        let session = try DataSession(input)
        let rows = try DossierAggregateReader.read(path: NotebookSandbox.reading(file), options: input.readOptions, registry: session.registry)
        let format = ReportFormat(language: report.lang)
        let values = try DossierReportValues(rows: rows, unit: unit, period: period!, convention: convention, format: format,
                                             targetRate: targetRate)
        let markdown = try ReportWriter.markdown(report.template("dossiers", session: session), values: values.values, known: DossierReportValues.keys, charts: values.charts)
        try report.write(markdown: markdown, title: values.title, charts: values.charts)
    }
}
