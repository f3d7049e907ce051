import ArgumentParser
import ChisoAnalysis
import ChisoNumerics

/// `chiso compare`: units side by side on every indicator.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Units side by side on every indicator and component: values, ranks, gaps to the leader, region and national means, change, and which components explain the differences.")

    @Argument(help: "A bundled dataset name, a CSV file, a folder of per-year files, or - for standard input.")
    var dataset: String

    @Option(help: "The units to compare, comma-separated (at least two; the first is the reference for gaps).")
    var units: String

    @Option(help: "The year (default: the latest in which any of the units has a headline value).")
    var year: Int?

    @OptionGroup(title: "Merger of 2025") var merger: MergerOptions
    @OptionGroup(title: "Scorecards") var groupOptions: GroupOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if splitList([units]).count < 2 { throw ValidationError("--units needs at least two units, e.g. --units 'Hà Nội,Đà Nẵng'") }
        if let year, !(1900...2100).contains(year) { throw ValidationError("--year must be a year such as 2023, not \(year)") }
    }

    func run() throws {
        let panel = try DataSession(input).loadScorecardPanel(dataset, merger: merger, group: groupOptions, language: output.lang)
        let result = try PanelAnalysis.compare(panel, CompareRequest(units: splitList([units]), year: year))
        try output.emit(result.table, numbers: input.numberStyle)
    }
}
