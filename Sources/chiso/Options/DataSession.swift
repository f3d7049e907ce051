import ChisoAnalysis
import ChisoCore
import ChisoIO
import Foundation

/// The bundled datasets, the province registry and the loading of a dataset or file argument,
/// shared by every command that reads data.
struct DataSession {
    let input: InputOptions
    let library: DatasetLibrary?
    let registry: ProvinceRegistry?
    /// The workbooks the user imported, laid over the bundled datasets they belong to.
    let imports = ImportStore(root: NotebookSandbox.importFolder(ImportStore.locate().root))

    init(_ input: InputOptions) throws {
        self.input = input
        if let library = try? DatasetLibrary.locate(explicit: input.datasets) {
            self.library = library
            self.registry = try library.provinceRegistry()
        } else if let explicit = input.datasets {
            throw DataError.datasetsFolderNotFound(searched: [explicit])
        } else {
            self.library = nil
            self.registry = nil
        }
    }

    /// The bundled library, or an error that says where it was looked for.
    func requireLibrary() throws -> DatasetLibrary {
        if let library { return library }
        return try DatasetLibrary.locate(explicit: input.datasets)
    }

    /// Loads a bundled dataset by name, or a file, folder or `-` (standard input) by path,
    /// and prints the load notes on stderr. A file's rows that `filter` drops are never laid out
    /// (bundled datasets are small and always read whole).
    func loadPanel(_ requested: String, filter: PanelFilter = PanelFilter()) throws -> Panel {
        let argument = NotebookSandbox.reading(requested)
        let isPath = argument == "-" || FileManager.default.fileExists(atPath: argument)
        if !isPath, let library, library.names().contains(argument) {
            let loaded = try library.loadDataset(argument, registry: registry!, imports: imports)
            note(loaded.report)
            return loaded.panel
        }
        if !isPath && !argument.contains("/") && !argument.contains(".") {
            let searched = library.map { [$0.root] } ?? DatasetLibrary.candidates(explicit: input.datasets, environment: ProcessInfo.processInfo.environment, executablePath: CommandLine.arguments[0])
            let panels = library.map { library in library.names().filter { (try? library.metadata($0).kind) == "panel" } } ?? []
            throw DataError.datasetNotFound(name: argument, available: panels, searched: searched)
        }
        if registry == nil { Diagnostics.note("the province registry was not found; unit names are read as written (pass --datasets DIR)") }
        let (panel, report) = try PanelLoader(registry: registry).load(path: argument, options: input.readOptions, filter: filter)
        note(report)
        return panel
    }

    /// Variables for a regression: a CSV file read column by column, or one or several bundled
    /// datasets (`par,sipas`) joined by unit and period.
    func loadVariables(_ requested: String) throws -> VariableTable {
        let argument = NotebookSandbox.reading(requested)
        let isPath = argument == "-" || FileManager.default.fileExists(atPath: argument)
        let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if !isPath, let library, names.allSatisfy(library.names().contains) {
            return VariableTable.joining(try names.map { try loadPanel($0) })
        }
        if !isPath { _ = try loadPanel(names.first { !(library?.names().contains($0) ?? false) } ?? argument) }
        let table = try VariableTable.read(path: argument, options: input.readOptions)
        if !input.quiet {
            for column in table.textColumns { Diagnostics.note("\(table.source): column '\(column)' holds text and is not a variable") }
        }
        return table
    }

    private func note(_ report: LoadReport) {
        guard !input.quiet else { return }
        for note in report.notes { Diagnostics.note(userMessage(for: note)) }
    }
}

/// Messages for stderr.
enum Diagnostics {
    static func note(_ text: String) {
        FileHandle.standardError.write(Data("note: \(text)\n".utf8))
    }
}
