import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoIO
import Foundation

extension OfficialIndex: ExpressibleByArgument {}

/// `chiso import pci|papi FILE…`: the official workbooks as published join the bundled dataset.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the official PCI or PAPI workbooks as published: every year's totals, ranks and sub-indices.",
        discussion: """
        Reads the workbooks VCCI (PCI) and CECODES/UNDP (PAPI) publish, .xls or .xlsx, in every \
        layout they have used: summaries with one row per province or one pair of columns per \
        indicator, and one sheet per sub-index. The year comes from the file name (or --year). \
        What is read is kept in $CHISO_HOME (default $XDG_DATA_HOME/chiso or \
        ~/.local/share/chiso); from then on the dataset name (pci, papi) means the bundled page \
        figures with the imported values laid over them, in every command. Where a workbook and \
        a page give the same cell, the workbook's value is used and every difference beyond \
        rounding is listed. Importing a workbook again changes nothing; \
        `chiso datasets remove NAME` undoes the imports.
        """)

    @Argument(help: "The index: pci or papi.")
    var index: OfficialIndex

    @Argument(help: "The workbooks, as downloaded (.xls or .xlsx).")
    var files: [String]

    @Option(help: "The year of the workbooks, when their file names do not say it.")
    var year: Int?

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if let year, !(1990...2100).contains(year) { throw ValidationError("--year must be a year from 1990 to 2100, not \(year)") }
    }

    func run() throws {
        let session = try DataSession(input)
        let library = try session.requireLibrary()
        let registry = try library.provinceRegistry()
        let reader = OfficialWorkbookReader(registry: registry)
        // Everything is read and checked before anything is stored: a failing file leaves no import behind.
        var read: [(OfficialWorkbookImport, String)] = []
        for file in files {
            let path = NotebookSandbox.reading(file)
            let imported = try reader.read(path: path, index: index, year: year, limits: input.readOptions.workbookLimits)
            read.append((imported, ImportStore.fingerprint(try InputFile.bytes(path))))
        }
        var rows: [ImportSummary.Row] = []
        for (imported, fingerprint) in read { _ = try session.imports.check(imported, fingerprint: fingerprint) }
        for (imported, fingerprint) in read {
            rows.append(ImportSummary.Row(imported: imported, outcome: try session.imports.save(imported, fingerprint: fingerprint)))
            if !input.quiet { for note in imported.notes { Diagnostics.note(userMessage(for: note)) } }
        }
        let loaded = try library.loadDataset(index.dataset, registry: registry, imports: session.imports)
        try output.emit(ImportSummary(dataset: index.dataset, rows: rows, folder: session.imports.root).table, numbers: input.numberStyle)
        // The differences with the page figures are part of the result: said even with -q.
        if let merge = loaded.imports, !merge.disagreements.isEmpty {
            Diagnostics.note("\(merge.disagreements.count) imported values differ from the bundled page figures beyond rounding; the workbooks' are used (`chiso datasets \(index.dataset) --differences` lists them):")
            for d in merge.disagreements.prefix(10) {
                Diagnostics.note("  \(d.unit) \(d.period) \(d.indicator) \(d.field): page \(d.bundled) (\(d.bundledSource)), workbook \(d.imported) (\(d.importedSource))")
            }
            if merge.disagreements.count > 10 { Diagnostics.note("  … and \(merge.disagreements.count - 10) more") }
        }
    }
}
