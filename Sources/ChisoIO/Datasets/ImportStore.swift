import ChisoCore
import Foundation

/// The user's own data: official workbooks imported into a bundled dataset, kept under
/// `$CHISO_HOME/imports/<dataset>/` (by default `$XDG_DATA_HOME/chiso`, else
/// `~/.local/share/chiso`): one CSV of the values read from each workbook, and `manifest.json`
/// saying which file each came from.
public struct ImportStore: Sendable {
    /// The user data folder.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The folder the environment names: `CHISO_HOME`, else `XDG_DATA_HOME/chiso`, else `~/.local/share/chiso`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> ImportStore {
        if let home = environment["CHISO_HOME"], !home.isEmpty { return ImportStore(root: home) }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return ImportStore(root: (data as NSString).appendingPathComponent("chiso")) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return ImportStore(root: (home as NSString).appendingPathComponent(".local/share/chiso"))
    }

    /// One imported workbook, as the manifest records it.
    public struct Entry: Codable, Sendable, Equatable {
        /// The workbook's file name.
        public let file: String
        /// Where it was imported from.
        public let path: String
        /// A fingerprint of its bytes (FNV-1a, 64 bits), so that importing it again changes nothing.
        public let fingerprint: String
        public let year: Int
        /// Values and published ranks read.
        public let values: Int
        public let ranks: Int
        /// The sheets read.
        public let sheets: [String]
        /// The CSV of its values, in the dataset's import folder.
        public let data: String
    }

    /// What saving an import did.
    public enum Outcome: Sendable, Equatable {
        /// Stored as a new entry.
        case added(Entry)
        /// Already there: the same file, or another file with the same values for the same year.
        case unchanged(Entry)
    }

    private func folder(_ dataset: String) -> String { ((root as NSString).appendingPathComponent("imports") as NSString).appendingPathComponent(dataset) }
    private func manifestPath(_ dataset: String) -> String { (folder(dataset) as NSString).appendingPathComponent("manifest.json") }

    /// The workbooks imported into `dataset`, in the order they were imported.
    public func entries(_ dataset: String) throws(DataError) -> [Entry] {
        let path = manifestPath(dataset)
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            return try JSONDecoder().decode([Entry].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .invalidMetadata(file: path, reason: "not a list of imported workbooks: \(error)")
        }
    }

    /// What saving an import would do, without writing anything.
    /// - Throws: `DataError.importConflict` when another workbook already imported gives other
    ///   values for the same cells.
    public func check(_ imported: OfficialWorkbookImport, fingerprint: String) throws(DataError) -> Outcome {
        let dataset = imported.index.dataset
        let entries = try self.entries(dataset)
        if let same = entries.first(where: { $0.fingerprint == fingerprint }) { return .unchanged(same) }
        let rows = Self.rows(imported)
        // Another workbook of the same year: the same values (a copy, a re-download) change
        // nothing; other values, or cells it lacks, would make two sources of one year.
        for other in entries where other.year == imported.year {
            let existing = try self.rows(of: other, dataset: dataset)
            var differences = Self.differences(existing, rows)
            let known = Set(existing.map { "\($0[0])|\($0[1])|\($0[2])" })
            let extra = rows.filter { !known.contains("\($0[0])|\($0[1])|\($0[2])") }
            if differences.isEmpty && extra.isEmpty { return .unchanged(other) }
            if !extra.isEmpty { differences.append("\(extra.count) cells it does not give, such as \(extra[0][0]) \(extra[0][1]) \(extra[0][2])") }
            throw .importConflict(file: imported.file, imported: other.file, dataset: dataset, differences: differences)
        }
        return .added(Entry(file: (imported.file as NSString).lastPathComponent, path: imported.file, fingerprint: fingerprint, year: imported.year,
                            values: imported.values.filter { $0.value != nil }.count, ranks: imported.values.filter { $0.rank != nil }.count,
                            sheets: imported.sheetsRead.map(\.name), data: "\(dataset)-\(imported.year)-\(fingerprint.prefix(8)).csv"))
    }

    /// Stores what was read from a workbook whose bytes have `fingerprint`; importing the same
    /// workbook again, or another with the same values for the year, changes nothing.
    /// - Throws: `DataError.importConflict` as `check` does; `.unwritable` when the folder cannot be written.
    @discardableResult
    public func save(_ imported: OfficialWorkbookImport, fingerprint: String) throws(DataError) -> Outcome {
        let outcome = try check(imported, fingerprint: fingerprint)
        guard case let .added(entry) = outcome else { return outcome }
        let dataset = imported.index.dataset
        do {
            try FileManager.default.createDirectory(atPath: folder(dataset), withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder(dataset), reason: "cannot create the folder")
        }
        try AtomicFile.write(Self.csv(Self.rows(imported)), to: (folder(dataset) as NSString).appendingPathComponent(entry.data))
        try writeManifest(try entries(dataset) + [entry], dataset: dataset)
        return outcome
    }

    /// Removes every workbook imported into `dataset`, and says which.
    public func remove(_ dataset: String) throws(DataError) -> [Entry] {
        let entries = try self.entries(dataset)
        guard FileManager.default.fileExists(atPath: folder(dataset)) else { return [] }
        do { try FileManager.default.removeItem(atPath: folder(dataset)) } catch {
            throw .unwritable(path: folder(dataset), reason: "cannot remove the folder")
        }
        return entries
    }

    /// The values imported into `dataset`, as one long table (`unit,period,indicator,value,rank,
    /// source,note`), or nil when nothing was imported.
    public func table(_ dataset: String) throws(DataError) -> TabularFile? {
        let entries = try self.entries(dataset)
        guard !entries.isEmpty else { return nil }
        var records: [CSVRecord] = []
        for entry in entries {
            let table = try TabularFile.read(path: (folder(dataset) as NSString).appendingPathComponent(entry.data))
            guard table.header == Self.header else {
                throw .invalidMetadata(file: table.displayName, reason: "not a table of imported values (header \(table.header.joined(separator: ",")))")
            }
            records += table.records
        }
        return TabularFile(displayName: (root as NSString).appendingPathComponent("imports/\(dataset)"), header: Self.header, records: records, blankLines: 0)
    }

    /// FNV-1a over the file's bytes, as 16 hex digits.
    public static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static let header = ["unit", "period", "indicator", "value", "rank", "source", "note"]

    private static func rows(_ imported: OfficialWorkbookImport) -> [[String]] {
        imported.values.map { value in
            [value.unit.name, "\(value.year)", value.indicator, value.value.map(DecimalText.shortest) ?? "", value.rank.map(String.init) ?? "",
             value.source, value.note ?? ""]
        }
    }

    private func rows(of entry: Entry, dataset: String) throws(DataError) -> [[String]] {
        let table = try TabularFile.read(path: (folder(dataset) as NSString).appendingPathComponent(entry.data))
        return table.records.map { record in table.header.indices.map { table.field(record, $0) } }
    }

    /// Cells two imports give different values or ranks for: "Đà Nẵng 2016 PCI: 70 and 69.9".
    private static func differences(_ old: [[String]], _ new: [[String]]) -> [String] {
        let before = Dictionary(old.map { ("\($0[0])|\($0[1])|\($0[2])", $0) }, uniquingKeysWith: { a, _ in a })
        return new.compactMap { row in
            guard let previous = before["\(row[0])|\(row[1])|\(row[2])"], previous[3] != row[3] || previous[4] != row[4] else { return nil }
            return "\(row[0]) \(row[1]) \(row[2]): \(previous[3]) (rank \(previous[4].isEmpty ? "–" : previous[4])) and \(row[3]) (rank \(row[4].isEmpty ? "–" : row[4]))"
        }
    }

    private static func csv(_ rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private func writeManifest(_ entries: [Entry], dataset: String) throws(DataError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(entries) } catch { throw .unwritable(path: manifestPath(dataset), reason: "\(error)") }
        try AtomicFile.write(data + Data("\n".utf8), to: manifestPath(dataset))
    }
}
