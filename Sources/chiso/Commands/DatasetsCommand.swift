import ArgumentParser
import ChisoAnalysis

/// `chiso datasets [NAME]`: what is bundled, and how complete it is.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the bundled datasets with their indicators, years, units and coverage.",
        discussion: "With a NAME, give that dataset's coverage per indicator and year.")

    @Argument(help: "A bundled dataset to describe in detail.")
    var name: String?

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        let session = try DataSession(input)
        let library = try session.requireLibrary()
        let registry = try library.provinceRegistry()
        if let name {
            let metadata = try library.metadata(name)
            guard metadata.kind == "panel" else {
                try output.emit(DatasetsOverview(summaries: [DatasetSummary(metadata: metadata, panel: nil)], registry: registry).table, numbers: input.numberStyle)
                return
            }
            let (panel, _, _) = try library.loadPanel(name, registry: registry)
            try output.emit(DatasetCoverage(panel: panel, metadata: metadata).table, numbers: input.numberStyle)
            return
        }
        var summaries: [DatasetSummary] = []
        for name in library.names() {
            let metadata = try library.metadata(name)
            let panel = metadata.kind == "panel" ? try library.loadPanel(name, registry: registry).0 : nil
            summaries.append(DatasetSummary(metadata: metadata, panel: panel))
        }
        try output.emit(DatasetsOverview(summaries: summaries, registry: registry).table, numbers: input.numberStyle)
    }
}
