import Foundation

/// Writes files so that a reader never sees a partial file: the bytes go to a new temporary file
/// in the destination's folder, created exclusively under an unpredictable name (`mkstemp`), and
/// that file is renamed over the destination.
///
/// Only a regular file the user may write is replaced, and it keeps its permissions; a folder, a
/// symbolic link, a device, a FIFO or a read-only file is refused. `-` and `/dev/stdout` mean
/// standard output.
public enum AtomicFile {
    /// Whether `path` names standard output rather than a file.
    public static func isStandardOutput(_ path: String) -> Bool {
        path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1"
    }

    /// Writes `text` as UTF-8 to `path`.
    /// - Throws: `DataError.unwritable` naming the path and the reason.
    public static func write(_ text: String, to path: String) throws(DataError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` (or to standard output for `-`).
    public static func write(_ data: Data, to path: String) throws(DataError) {
        do {
            try write(to: path) { append in try data.withUnsafeBytes { try append($0) } }
        } catch let error as DataError {
            throw error
        } catch {
            throw .unwritable(path: path, reason: "\(error)")
        }
    }

    /// Writes what `produce` hands to its `append` function, piece by piece, to `path` (or to
    /// standard output for `-`): a large output is never held whole, and the file still appears
    /// whole or not at all (an error thrown by `produce` leaves no file behind). A piece is
    /// written from the caller's memory, not copied.
    public static func write(to path: String, producing produce: (_ append: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        if isStandardOutput(path) {
            try produce { bytes in
                if !writeAll(bytes, to: STDOUT_FILENO) { throw DataError.unwritable(path: "standard output", reason: String(cString: strerror(errno))) }
            }
            return
        }
        let mode = try replaceableMode(path)
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.chiso-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw DataError.unwritable(path: path, reason: "cannot create a file in its folder: \(String(cString: strerror(errno)))") }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        func fail(_ reason: String) -> DataError {
            close(descriptor)
            unlink(temporary)
            return .unwritable(path: path, reason: reason)
        }
        do {
            var written: Int64 = 0
            try produce { bytes in
                if !writeAll(bytes, to: descriptor) { throw DataError.unwritable(path: path, reason: String(cString: strerror(errno))) }
                // Writeback of this piece starts now, while the next is made, so that the fsync
                // at the end has little left to wait for (a hint: its failure changes nothing).
                _ = startWriteback?(descriptor, written, Int64(bytes.count), 2 /* SYNC_FILE_RANGE_WRITE */)
                written += Int64(bytes.count)
            }
        } catch let error as DataError {
            throw fail(error.unwritableReason ?? "\(error)")
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 { throw fail(String(cString: strerror(errno))) }
        close(descriptor)
        if rename(temporary, path) != 0 {
            unlink(temporary)
            throw DataError.unwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Linux's `sync_file_range` (not in the C module Swift imports), nil where there is none.
    private static let startWriteback: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0) /* RTLD_DEFAULT */, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()

    /// Writes every byte of `bytes` to `descriptor`, retrying short writes and interruptions;
    /// false (with `errno` set) on failure.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// The permissions the written file gets: those of the file it replaces, else 0644 less the
    /// umask. Refuses what is not a regular file the user may write.
    private static func replaceableMode(_ path: String) throws(DataError) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
            let mask = umask(0)
            umask(mask)
            return 0o644 & ~mask
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unwritable(path: path, reason: "it is a folder")
        case S_IFLNK: throw .unwritable(path: path, reason: "it is a symbolic link; name the file it points to")
        default: throw .unwritable(path: path, reason: "it is not a regular file (a device, a FIFO or a socket)")
        }
        // The write bits too: root may write anything, but a file marked read-only stays so.
        guard access(path, W_OK) == 0, info.st_mode & 0o222 != 0 else { throw .unwritable(path: path, reason: "it is read-only") }
        return info.st_mode & 0o7777
    }
}
