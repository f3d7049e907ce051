import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoNumerics

extension TieMethod: ExpressibleByArgument {}
extension RegionSystem: ExpressibleByArgument {}

/// `chiso rank`: units ranked on one indicator in one year.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank units on an indicator: rank out of n, published rank, change since the previous year, percentile, quartile.")

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "The indicator to rank (default: the dataset's headline indicator).")
    var indicator: String?

    @Option(help: "The year (default: the latest year with a value).")
    var year: Int?

    @Option(help: "How ties share ranks: min (1, 2, 2, 4), average, dense (1, 2, 2, 3), first, max.")
    var ties: TieMethod = .min

    @Option(help: "Show the best N only.")
    var top: Int?

    @Option(help: "Show the worst N only.")
    var bottom: Int?

    @Option(help: "Rank within one region: one of the six of 2023 ('Bắc Trung Bộ và duyên hải miền Trung', 'Red River Delta') or of the eight traditional ones ('Bắc Trung Bộ', 'Duyên hải Nam Trung Bộ').")
    var region: String?

    @Option(name: .customLong("region-system"), help: "Read --region in the six regions of 2023 (2023) or the eight traditional ones (traditional); needed only for a name both use with different provinces (Đồng bằng sông Hồng).")
    var regionSystem: RegionSystem?

    @OptionGroup(title: "Merger of 2025") var merger: MergerOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if top != nil && bottom != nil { throw ValidationError("--top and --bottom exclude each other") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let bottom, bottom < 1 { throw ValidationError("--bottom must be at least 1") }
        if let year, !(1900...2100).contains(year) { throw ValidationError("--year must be a year such as 2023, not \(year)") }
    }

    func run() throws {
        let panel = try DataSession(input).loadPanel(dataset, merger: merger, filter: PanelFilter(indicators: indicator.map { [$0] }))
        let result = try PanelAnalysis.rank(panel, RankRequest(indicator: indicator, period: year.map(Period.year), ties: ties, top: top, bottom: bottom, region: region,
                                                               regionSystem: regionSystem))
        // Which period was ranked is part of the answer: said even with -q.
        if let note = result.periodNote { Diagnostics.note(note.text(output.lang)) }
        if !input.quiet {
            Diagnostics.note("\(result.indicator.id) \(result.period): \(result.n) of \(result.unitsInScope) units have a value and are ranked")
        }
        try output.emit(result.table, numbers: input.numberStyle)
    }
}
