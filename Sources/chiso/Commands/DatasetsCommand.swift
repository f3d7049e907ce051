import ArgumentParser
import ChisoAnalysis
import ChisoIO

/// `chiso datasets [NAME]`: what is bundled and imported, and how complete it is;
/// `chiso datasets remove NAME` removes what was imported into a dataset.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the bundled datasets with their indicators, years, units and coverage.",
        discussion: "With a NAME, give that dataset's coverage per indicator and year, with the values imported from official workbooks (`chiso import`).",
        subcommands: [DatasetsListCommand.self, DatasetsRemoveCommand.self],
        defaultSubcommand: DatasetsListCommand.self)
}

/// `chiso datasets [NAME] [--sources|--differences]`.
struct DatasetsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the datasets, or describe one: coverage per year, where its values come from, how imports differ from page figures.")

    @Argument(help: "A dataset to describe in detail.")
    var name: String?

    @Flag(help: "With NAME: where each value comes from (each page, each sheet of an imported workbook), instead of the coverage.")
    var sources = false

    @Flag(help: "With NAME: the cells where imported workbooks differ from the bundled page figures beyond rounding.")
    var differences = false

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if (sources || differences) && name == nil { throw ValidationError("--sources and --differences describe one dataset: give its NAME") }
        if sources && differences { throw ValidationError("give --sources or --differences, not both") }
    }

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
            let loaded = try library.loadDataset(name, registry: registry, imports: session.imports)
            if sources {
                try output.emit(DatasetSources(panel: loaded.panel).table, numbers: input.numberStyle)
            } else if differences {
                try output.emit(ImportDifferences(dataset: name, disagreements: loaded.imports?.disagreements ?? []).table, numbers: input.numberStyle)
            } else {
                try output.emit(DatasetCoverage(panel: loaded.panel, metadata: metadata, imports: loaded.imports).table, numbers: input.numberStyle)
                if let merge = loaded.imports, !input.quiet {
                    Diagnostics.note("`chiso datasets \(name) --sources` says which values came from which file and sheet; `--differences` lists the \(merge.disagreements.count) that differ from the page figures")
                }
            }
            return
        }
        var summaries: [DatasetSummary] = []
        for name in library.names() {
            let metadata = try library.metadata(name)
            let panel = metadata.kind == "panel" ? try library.loadDataset(name, registry: registry, imports: session.imports).panel : nil
            summaries.append(DatasetSummary(metadata: metadata, panel: panel))
        }
        try output.emit(DatasetsOverview(summaries: summaries, registry: registry).table, numbers: input.numberStyle)
    }
}

/// `chiso datasets remove NAME`: undoes `chiso import` for one dataset.
struct DatasetsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove the workbooks imported into a dataset; the bundled page figures stay.")

    @Argument(help: "The dataset (pci, papi).")
    var name: String

    @OptionGroup(title: "Input") var input: InputOptions

    func run() throws {
        let session = try DataSession(input)
        let library = try session.requireLibrary()
        _ = try library.metadata(name)
        let removed = try session.imports.remove(name)
        if removed.isEmpty {
            print("Nothing was imported into '\(name)'.")
        } else {
            print("Removed from '\(name)': \(removed.map { "\($0.file) (\($0.year))" }.joined(separator: ", ")).")
        }
    }
}
