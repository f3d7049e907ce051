import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoNumerics
import ChisoOutput

extension TieMethod: ExpressibleByArgument {}
extension RegionSystem: ExpressibleByArgument {}

/// `chiso rank`: units ranked on one indicator in one year.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank units on an indicator: rank out of n, published rank, change since the previous year, percentile, quartile.")

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "The indicator to rank (default: the dataset's headline indicator); with --all, a list (A,B,…).")
    var indicator: String?

    @Flag(help: "Rank every indicator (or those of --indicator) in every year (or those of --years) into one long table: unit, period, indicator, value, rank, n, published rank, rank change, percentile.")
    var all = false

    @Option(help: "With --all: the years to rank, e.g. 2018-2024.")
    var years: String?

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

    @Option(help: "Ratings beside the ranks, by thresholds on the ranked figure: '90:Tốt,80:Khá,50:Trung bình,0:Kém'.")
    var ratings: String?

    @OptionGroup(title: "Scorecards") var groupOptions: GroupOptions
    @OptionGroup(title: "Merger of 2025") var merger: MergerOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if all {
            if year != nil || top != nil || bottom != nil || region != nil {
                throw ValidationError("--all ranks every year and unit; --year, --top, --bottom and --region do not apply (use --years A-B)")
            }
        } else if years != nil {
            throw ValidationError("--years goes with --all; rank one year with --year")
        } else if let indicator, indicator.contains(",") {
            throw ValidationError("rank one indicator at a time, or a list with --all")
        }
        if let years, YearRange(parsing: years) == nil {
            throw ValidationError("--years must be a year or a range such as 2018-2024, not '\(years)'")
        }
        if let ratings, RatingBands(parsing: ratings) == nil {
            throw ValidationError("--ratings must be thresholds and labels such as '90:Tốt,80:Khá,50:Trung bình,0:Kém', not '\(ratings)'")
        }
        if all && ratings != nil { throw ValidationError("--ratings goes with one ranking, not --all") }
        if top != nil && bottom != nil { throw ValidationError("--top and --bottom exclude each other") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let bottom, bottom < 1 { throw ValidationError("--bottom must be at least 1") }
        if let year, !(1900...2100).contains(year) { throw ValidationError("--year must be a year such as 2023, not \(year)") }
    }

    func run() throws {
        if all { return try rankAll() }
        let panel = try DataSession(input).loadPanel(dataset, merger: merger, filter: PanelFilter(indicators: indicator.map { [$0] }))
        let result = try PanelAnalysis.rank(panel, RankRequest(indicator: indicator, period: year.map(Period.year), ties: ties, top: top, bottom: bottom, region: region,
                                                               regionSystem: regionSystem, group: groupOptions.group, ratings: ratings.flatMap(RatingBands.init(parsing:))))
        // Which period was ranked, and on what scale, is part of the answer: said even with -q.
        if let note = result.periodNote { Diagnostics.note(note.text(output.lang)) }
        if let note = result.scale.note { Diagnostics.note("\(result.indicator.id) \(result.period): \(note.text(output.lang))") }
        if !input.quiet {
            Diagnostics.note("\(result.indicator.id) \(result.period): \(result.n) of \(result.unitsInScope) units have a value and are ranked")
        }
        try output.emit(result.table, numbers: input.numberStyle)
    }

    /// The most rows `--all` lays out as a terminal or Markdown table.
    static let largestScreenTable = 200_000

    /// `--all`: every indicator × period, streamed as CSV when that is the format.
    private func rankAll() throws {
        let indicators = indicator.map { splitList([$0]) }
        let range = years.flatMap(YearRange.init(parsing:))
        // The year before the first is read too: the first year's rank change needs it.
        let filter = PanelFilter(indicators: indicators, years: range.map { ($0.first - 1)...$0.last })
        let panel = try DataSession(input).loadPanel(dataset, merger: merger, filter: filter)
        let result = try PanelAnalysis.rankAll(panel, RankAllRequest(indicators: indicators, years: range, ties: ties, group: groupOptions.group), threads: input.threads)
        if !input.quiet { Diagnostics.note("indicators ranked: \(result.indicators.count), rows: \(result.count)") }
        if result.percentScale { Diagnostics.note("periods whose units have different maxima are ranked by the % of each unit's own maximum (the percent column)") }
        let columns = result.dataColumns.count
        if output.resolvedFormat == .xlsx && !XLSXSheetLimits.fits(rows: result.count, columns: columns) {
            // Refused before the table is built: millions of rows would take gigabytes first.
            throw DataError.tooLargeForSheet(rows: result.count, columns: columns)
        }
        if [.table, .markdown].contains(output.resolvedFormat) && result.count > Self.largestScreenTable {
            // A table to read is laid out whole (column widths); millions of rows are data, not reading.
            throw ValidationError("\(result.count) rows are too many for a \(output.resolvedFormat.rawValue) (at most \(Self.largestScreenTable)): write them with --format csv or json, or -o FILE.csv, or choose indicators and years")
        }
        guard output.resolvedFormat == .csv || output.resolvedFormat == .json else { return try output.emit(result.table, numbers: input.numberStyle) }
        // Batches of about 50,000 rows, whole indicators each, ranked as they are written.
        var batches: [Range<Int>] = []
        var start = 0, rows = 0
        for (k, count) in result.rowCounts.enumerated() {
            rows += count
            if rows >= 50_000 || k == result.rowCounts.count - 1 {
                batches.append(start..<(k + 1))
                start = k + 1
                rows = 0
            }
        }
        let (ranges, language, numbers, threads) = (batches, output.lang, input.numberStyle, input.threads)
        if output.resolvedFormat == .json {
            // The array `--format json` writes for a table, its objects written batch by batch.
            guard result.count > 0 else { return try output.emit(result.table, numbers: numbers) }
            return try output.emitBatches(count: ranges.count, threads: threads, opening: Array("[\n".utf8), separator: Array(",\n".utf8),
                                          closing: Array("\n]\n".utf8)) { k, _ in result.json(groups: result.groups(ranges[k])) }
        }
        let byteOrderMark = output.csvByteOrderMark
        try output.emitBatches(count: ranges.count, threads: threads) { k, first in
            let rows = result.csv(groups: result.groups(ranges[k]), language: language, numbers: numbers, header: first)
            return first && byteOrderMark ? TableWriter.utf8ByteOrderMark + rows : rows
        }
    }
}
