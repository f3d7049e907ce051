import ChisoCore
import ChisoIO
import Foundation

/// Paths the tests read: the repository, its bundled datasets and `../shared` beside it.
package enum Fixtures {
    /// The repository root (three levels above this file).
    package static let repositoryRoot: String = {
        var path = #filePath as NSString
        for _ in 0..<3 { path = path.deletingLastPathComponent as NSString }
        return path as String
    }()

    /// `datasets/` of the repository.
    package static var datasetsFolder: String { repositoryRoot + "/datasets" }

    /// `Tests/Fixtures/` of the repository.
    package static var fixturesFolder: String { repositoryRoot + "/Tests/Fixtures" }

    /// `../shared` beside the repository.
    package static var sharedFolder: String { ((repositoryRoot as NSString).deletingLastPathComponent as NSString).appendingPathComponent("shared") }

    /// Whether `../shared/realdata` and `../shared/facts` are present.
    package static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: sharedFolder + "/realdata") && FileManager.default.fileExists(atPath: sharedFolder + "/facts")
    }

    /// Whether CI demands `../shared` (`CHISO_REQUIRE_SHARED=1`).
    package static var sharedRequired: Bool {
        ProcessInfo.processInfo.environment["CHISO_REQUIRE_SHARED"] == "1"
    }

    /// Tests that read `../shared` run when it is present, or when CI requires it (and then fail if it is missing).
    package static var runSharedTests: Bool { sharedAvailable || sharedRequired }

    /// The province registry of the bundled datasets.
    package static func registry() throws -> ProvinceRegistry {
        try ProvinceRegistry(folder: datasetsFolder + "/provinces")
    }

    /// A fresh empty folder under the system's temporary folder.
    package static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "chiso-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in a fresh temporary folder and returns its path.
    package static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = try temporaryFolder() + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes raw bytes to `name` in a fresh temporary folder and returns its path.
    package static func temporaryFile(_ name: String, bytes: [UInt8]) throws -> String {
        let path = try temporaryFolder() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

extension Fixtures {
    /// A panel read from long or wide CSV text through the real loader.
    package static func panel(_ csv: String, catalog: [Indicator] = [], options: ReadOptions = ReadOptions(), withProvinces: Bool = true) throws -> Panel {
        let path = try temporaryFile("panel.csv", csv)
        return try PanelLoader(registry: withProvinces ? try registry() : nil).load(path: path, options: options, catalog: catalog).0
    }
}

/// A CSV of numeric columns (and some text columns), read for reference data.
package struct NumericTable {
    package let header: [String]
    package let numbers: [String: [Double]]
    package let text: [String: [String]]
}

extension Fixtures {
    /// Reads a CSV with a decimal point; empty cells are NaN; `textColumns` are kept as text.
    package static func numericTable(_ path: String, textColumns: Set<String> = []) throws -> NumericTable {
        let table = try TabularFile.read(path: path)
        var numbers: [String: [Double]] = [:]
        var text: [String: [String]] = [:]
        for (j, name) in table.header.enumerated() {
            let cells = table.records.map { table.field($0, j) }
            if textColumns.contains(name) { text[name] = cells } else { numbers[name] = cells.map { Double($0) ?? .nan } }
        }
        return NumericTable(header: table.header, numbers: numbers, text: text)
    }
}
