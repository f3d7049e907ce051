import ChisoCore
import Foundation

/// Writes files so that a reader never sees a partial file: the text goes to a temporary file
/// in the same folder, which is then renamed over the destination.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    /// - Throws: `DataError.unwritable` naming the path when the folder cannot be written.
    public static func write(_ text: String, to path: String) throws(DataError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`.
    public static func write(_ data: Data, to path: String) throws(DataError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw DataError.unwritable(path: path, reason: reason)
            }
        } catch let error as DataError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
