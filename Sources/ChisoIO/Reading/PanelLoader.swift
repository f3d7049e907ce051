import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Reads indicator tables into panels: a CSV file in any layout, a sheet of an `.xlsx` or `.xls`
/// workbook, a folder of per-year files, or standard input (`-`).
public struct PanelLoader: Sendable {
    /// Resolves province names; nil reads every file with its own units.
    public let registry: ProvinceRegistry?

    public init(registry: ProvinceRegistry?) {
        self.registry = registry
    }

    /// Reads a file or a folder of per-year files; `name` names the panel (the path by default).
    /// Only the rows `filter` keeps are laid out. A long CSV file is read from its bytes on every
    /// core (`options.threads`); `reader: .general` reads it as every other table is read.
    /// - Returns: the panel and what the load skipped, merged or left missing.
    public func load(path: String, options: ReadOptions = ReadOptions(), filter: PanelFilter = PanelFilter(), catalog: [Indicator] = [],
                     declaredUnits: UnitSystem? = nil, name: String? = nil, reader: Reader = .fastest) throws(DataError) -> (Panel, LoadReport) {
        var report = LoadReport(source: name ?? (path == "-" ? "<stdin>" : path))
        var isDirectory: ObjCBool = false
        let exists = path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if path != "-" && !exists { throw .fileNotFound(path: path) }
        if reader == .fastest && path != "-" && !isDirectory.boolValue {
            var scanReport = report
            if let batch = CSVScan.batch(path: path, options: options, filter: filter, report: &scanReport) {
                try Self.check(filter, names: batch.allIndicatorNames, file: path)
                let panel = try build(batch, options: options, catalog: catalog, declaredUnits: declaredUnits, report: &scanReport)
                return (panel, scanReport)
            }
        }
        var observations: [Observation]
        if isDirectory.boolValue {
            observations = try folderObservations(path, options: options, report: &report)
        } else {
            let (table, decimalPoint) = try TabularFile.open(path: path, options: options)
            report.blankLines += table.blankLines
            var fileOptions = options
            if decimalPoint { fileOptions.decimal = .point }
            observations = try fileObservations(table, fileName: path, options: fileOptions, report: &report)
        }
        let panel = try build(try Self.filtered(observations, by: filter, file: path), options: options, catalog: catalog,
                              declaredUnits: declaredUnits, report: &report)
        return (panel, report)
    }

    /// Reads a table already in memory (a CSV parsed with `TabularFile.parse`, or a sheet read
    /// with `TabularFile.sheet`); its display name stands for the file (a year in it is the period).
    public func load(table: TabularFile, options: ReadOptions = ReadOptions(), catalog: [Indicator] = [], declaredUnits: UnitSystem? = nil,
                     name: String? = nil) throws(DataError) -> (Panel, LoadReport) {
        var report = LoadReport(source: name ?? table.displayName)
        report.blankLines += table.blankLines
        let observations = try fileObservations(table, fileName: table.displayName, options: options, report: &report)
        let panel = try build(ObservationBatch(observations), options: options, catalog: catalog, declaredUnits: declaredUnits, report: &report)
        return (panel, report)
    }

    private func build(_ batch: ObservationBatch, options: ReadOptions, catalog: [Indicator], declaredUnits: UnitSystem?,
                       report: inout LoadReport) throws(DataError) -> Panel {
        let codebook = try options.unitCodebook.map { path throws(DataError) in try Self.codebook(path) } ?? [:]
        let builder = PanelBuilder(name: report.source, catalog: catalog, unitChoice: options.units, registry: registry,
                                   declaredUnits: declaredUnits, codebook: codebook, onDuplicate: options.onDuplicate)
        return try builder.build(batch, report: &report)
    }

    /// The layout of a table: long when it has indicator and value columns, years-as-columns
    /// when every column but the unit and indicator columns is a period, else indicators-as-columns.
    public static func detectLayout(_ table: TabularFile) -> TableLayout {
        if table.column(named: ColumnRole.indicator) != nil && table.column(named: ColumnRole.value) != nil { return .long }
        let idColumns = Set([(try? table.unitColumn()) ?? 0, table.column(named: ColumnRole.indicator)].compactMap { $0 })
        let others = table.header.indices.filter { !idColumns.contains($0) && !table.isRowNumberColumn($0) && !table.header[$0].isEmpty }
        if !others.isEmpty && others.allSatisfy({ Period(header: table.header[$0]) != nil }) { return .wideYears }
        return .wideIndicators
    }

    /// The year in a file name such as `2023.csv` or `papi_2023.csv`: the only four-digit group, 1900–2100.
    public static func year(inFileName name: String) -> Int? {
        let stem = (name as NSString).deletingPathExtension
        var groups: [String] = []
        var current = ""
        for character in stem + " " {
            if character.isASCII && character.isNumber { current.append(character) } else {
                if !current.isEmpty { groups.append(current) }
                current = ""
            }
        }
        let years = groups.filter { $0.count == 4 }.compactMap(Int.init).filter { (1900...2100).contains($0) }
        return years.count == 1 && groups.count == 1 ? years[0] : nil
    }

    private func fileObservations(_ table: TabularFile, fileName: String, options: ReadOptions, report: inout LoadReport) throws(DataError) -> [Observation] {
        report.layoutNotes += table.layoutNotes
        let fileYear = Self.year(inFileName: (fileName as NSString).lastPathComponent).map(Period.year)
        // A sheet's name or title says more about its table than the workbook's file name.
        var fallbackPeriod = options.period ?? fileYear
        if options.period == nil, let hint = table.periodHint, table.column(named: ColumnRole.period) == nil {
            fallbackPeriod = hint.period
            report.layoutNotes.append(Note("\(table.displayName): period \(hint.period) from \(hint.origin)", remedy: .givePeriod))
        }
        switch options.layout ?? Self.detectLayout(table) {
        case .long:
            return try LongTableReader.observations(table, options: options, fallbackPeriod: fallbackPeriod, report: &report)
        case .wideIndicators:
            return try WideTableReader.indicatorColumns(table, options: options, fallbackPeriod: fallbackPeriod, report: &report)
        case .wideYears:
            let stem = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
            return try WideTableReader.periodColumns(table, options: options, fallbackIndicator: stem, report: &report)
        }
    }

    /// Every `.csv`, `.xlsx` or `.xls` file named by a single year; other entries are reported as not read.
    private func folderObservations(_ folder: String, options: ReadOptions, report: inout LoadReport) throws(DataError) -> [Observation] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw .unreadable(path: folder, reason: error.localizedDescription)
        }
        var observations: [Observation] = []
        var filesRead = 0
        for entry in entries where !entry.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { report.skippedFiles.append("\(entry)/ (a folder)"); continue }
            guard [".csv", ".xlsx", ".xls"].contains(where: entry.lowercased().hasSuffix) else {
                report.skippedFiles.append("\(entry) (not a .csv, .xlsx or .xls file)"); continue
            }
            guard let year = Self.year(inFileName: entry) else { report.skippedFiles.append("\(entry) (no single year in its name)"); continue }
            let (table, decimalPoint) = try TabularFile.open(path: path, options: options)
            var fileReport = LoadReport(source: path)
            fileReport.blankLines = table.blankLines
            var fileOptions = options
            fileOptions.period = .year(year)
            if decimalPoint { fileOptions.decimal = .point }
            observations += try fileObservations(table, fileName: path, options: fileOptions, report: &fileReport)
            report.absorb(fileReport)
            filesRead += 1
        }
        if filesRead == 0 { throw .noPerYearFiles(folder: folder) }
        return observations
    }

    /// Code → name pairs from the first two columns of a CSV file.
    static func codebook(_ path: String) throws(DataError) -> [String: String] {
        let table = try TabularFile.read(path: path)
        guard table.header.count >= 2 else { throw .missingColumn(file: path, role: "name (second)", headers: table.header) }
        var map: [String: String] = [:]
        for record in table.records { map[table.field(record, 0)] = table.field(record, 1) }
        return map
    }
}
