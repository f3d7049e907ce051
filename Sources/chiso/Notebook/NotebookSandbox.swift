import Foundation

/// The folder a notebook's steps write into when `chiso notebook run` checks or updates it.
///
/// The runner sets `CHISO_NOTEBOOK_SANDBOX` for every step it runs: a step's `--output FILE` is
/// then written under that folder (at the file's absolute path inside it) instead of where it
/// names, and a later step that reads the same path reads that copy, so a notebook that writes a
/// workbook and reads it back still runs, and nothing lands outside the folder. The runner also
/// refuses to run inside another notebook run.
enum NotebookSandbox {
    static let variable = "CHISO_NOTEBOOK_SANDBOX"

    /// The sandbox folder of this process, when it runs as a notebook step.
    static var folder: String? {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        return value
    }

    /// Whether this process runs as a step of a notebook.
    static var isInsideNotebook: Bool { folder != nil }

    /// Where a file named `path` is written: inside the sandbox when there is one (a sandbox of
    /// "/" is the file system itself: the notebook was run with --allow-writes).
    static func writing(_ path: String) throws -> String {
        guard let folder, folder != "/" else { return path }
        let target = sandboxed(path, in: folder)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return target
    }

    /// The user data folder of imported workbooks a step uses: inside the sandbox, so that a
    /// notebook's results do not depend on what the user imported, and its own imports stay there.
    static func importFolder(_ root: String) -> String {
        guard let folder, folder != "/" else { return root }
        return sandboxed(root, in: folder)
    }

    /// Where a file named `path` is read from: the sandbox's copy when an earlier step wrote one.
    static func reading(_ path: String) -> String {
        guard let folder, folder != "/", path != "-" else { return path }
        let copy = sandboxed(path, in: folder)
        return FileManager.default.fileExists(atPath: copy) ? copy : path
    }

    private static func sandboxed(_ path: String, in folder: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (folder as NSString).appendingPathComponent((absolute as NSString).standardizingPath)
    }
}
