import ChisoCore
import Foundation

/// The folder of bundled datasets and what it holds.
///
/// It is found, in order, at `--datasets DIR`, `$CHISO_DATASETS`, `datasets/` next to the
/// executable or in `../share/chiso/datasets` beside it, in a folder above the executable
/// (a build inside the package), and in the package the binary was built from.
public struct DatasetLibrary: Sendable {
    /// The folder that holds one sub-folder per dataset.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The candidate folders in search order, for the given explicit folder, environment and executable.
    public static func candidates(explicit: String?, environment: [String: String], executablePath: String) -> [String] {
        if let explicit { return [explicit] }
        var list: [String] = []
        if let fromEnvironment = environment["CHISO_DATASETS"], !fromEnvironment.isEmpty { list.append(fromEnvironment) }
        let executableFolder = ((executablePath as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        list.append((executableFolder as NSString).appendingPathComponent("datasets"))
        list.append((executableFolder as NSString).appendingPathComponent("../share/chiso/datasets"))
        var folder = executableFolder
        while folder != "/" && !folder.isEmpty {
            folder = (folder as NSString).deletingLastPathComponent
            list.append((folder as NSString).appendingPathComponent("datasets"))
        }
        list.append(packageDatasetsFolder)
        return list
    }

    /// `datasets/` of the package this module was compiled in.
    public static let packageDatasetsFolder: String = {
        var path = #filePath as NSString
        for _ in 0..<4 { path = path.deletingLastPathComponent as NSString }
        return path.appendingPathComponent("datasets")
    }()

    /// The first candidate folder that holds `provinces/dataset.json`.
    /// - Throws: `DataError.datasetsFolderNotFound` listing the folders searched.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executablePath: String = CommandLine.arguments[0]) throws(DataError) -> DatasetLibrary {
        let searched = candidates(explicit: explicit, environment: environment, executablePath: executablePath)
        for folder in searched where FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("provinces/dataset.json")) {
            return DatasetLibrary(root: (folder as NSString).standardizingPath)
        }
        throw .datasetsFolderNotFound(searched: searched)
    }

    /// Names of the datasets in the folder, sorted.
    public func names() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: folder($0) + "/dataset.json") }.sorted()
    }

    private func folder(_ name: String) -> String {
        (root as NSString).appendingPathComponent(name)
    }

    /// The metadata of a dataset.
    public func metadata(_ name: String) throws(DataError) -> DatasetMetadata {
        let path = folder(name) + "/dataset.json"
        guard FileManager.default.fileExists(atPath: path) else {
            throw .datasetNotFound(name: name, available: names(), searched: [root])
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(DatasetMetadata.self, from: data)
        } catch {
            throw .invalidMetadata(file: path, reason: "not a valid dataset description: \(error)")
        }
    }

    /// The province registry in `provinces/`.
    public func provinceRegistry() throws(DataError) -> ProvinceRegistry {
        try ProvinceRegistry(folder: folder("provinces"))
    }

    /// Loads a bundled panel dataset with its catalog and unit system.
    public func loadPanel(_ name: String, registry: ProvinceRegistry) throws(DataError) -> (Panel, DatasetMetadata, LoadReport) {
        let loaded = try loadDataset(name, registry: registry, imports: nil)
        return (loaded.panel, loaded.metadata, loaded.report)
    }

    /// A dataset as loaded: the panel, its description, the load report, and what was merged
    /// from the user's imported workbooks.
    public struct LoadedDataset: Sendable {
        public let panel: Panel
        public let metadata: DatasetMetadata
        public let report: LoadReport
        /// Nil when nothing was imported into the dataset.
        public let imports: ImportMerge?
    }

    /// Loads a bundled panel dataset, with the workbooks imported into it in `imports` laid over
    /// its page facts (the workbook wins where both give a cell).
    public func loadDataset(_ name: String, registry: ProvinceRegistry, imports: ImportStore?) throws(DataError) -> LoadedDataset {
        let metadata = try metadata(name)
        guard metadata.kind == "panel", let data = metadata.data else {
            throw .invalidMetadata(file: folder(name) + "/dataset.json", reason: "'\(name)' is a \(metadata.kind), not a panel of indicator values")
        }
        let units = UnitSystemChoice(rawValue: metadata.units) ?? .custom
        let options = ReadOptions(layout: .long, decimal: .point, separator: 0x2C, units: units)
        let path = (folder(name) as NSString).appendingPathComponent(data)
        let loader = PanelLoader(registry: registry)
        guard let imports, let imported = try imports.table(name) else {
            let (panel, report) = try loader.load(path: path, options: options, catalog: metadata.indicators, declaredUnits: metadata.declaredUnitSystem, name: name)
            return LoadedDataset(panel: panel, metadata: metadata, report: report, imports: nil)
        }
        let (table, merge) = try ImportMerge.merge(bundled: try TabularFile.read(path: path), imported: imported, entries: try imports.entries(name), registry: registry)
        var (panel, report) = try loader.load(table: table, options: options, catalog: metadata.indicators, declaredUnits: metadata.declaredUnitSystem, name: name)
        let differing = merge.disagreements.isEmpty ? "" : "; \(merge.disagreements.count) of them differ from the page figures beyond rounding"
        report.layoutNotes.append(Note("\(name): \(merge.importedCells) values and ranks from \(merge.entries.count) imported workbooks, \(merge.replacedCells) of them over page figures\(differing)",
                                       remedy: .describeDataset(name)))
        return LoadedDataset(panel: panel, metadata: metadata, report: report, imports: merge)
    }
}
