import ArgumentParser
import ChisoAnalysis

/// `chiso profile`: one unit across every bundled index.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "One province across every bundled index: latest value and rank with change, trend, next-year forecast with interval, distance to the top 10 and to group A, strongest and weakest components.")

    @Argument(help: "The unit, in any spelling (Hà Tĩnh, ha tinh, HT, 42).")
    var unit: String

    @Option(help: "The year (default: the unit's latest year with a value in each index).")
    var year: Int?

    @Option(help: "Seed of the simulated intervals, where a model simulates them.")
    var seed: UInt64 = 1

    @OptionGroup(title: "Merger of 2025") var merger: MergerOptions
    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if let year, !(1900...2100).contains(year) { throw ValidationError("--year must be a year such as 2023, not \(year)") }
    }

    func run() throws {
        let session = try DataSession(input)
        let library = try session.requireLibrary()
        // The province indices: a province's own scorecard of its departments is not one of them.
        let names = library.names().filter { name in (try? library.metadata(name)).map { $0.kind == "panel" && $0.units != "custom" } ?? false }
        let panels = try names.map { try session.loadPanel($0, merger: merger) }
        let result = try PanelAnalysis.profile(panels, unit: unit, year: year, seed: seed)
        try output.emit(result.table, numbers: input.numberStyle)
    }
}
