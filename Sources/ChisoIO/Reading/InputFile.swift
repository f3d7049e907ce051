import ChisoCore
import Foundation

/// The bytes of an input: a regular file, a FIFO or device such as `/dev/stdin`, or `-` for
/// standard input. Errors name the path and say why in words, not as a system error code.
public enum InputFile {
    /// Reads all of `path`.
    /// - Throws: `DataError.fileNotFound` or `.unreadable` naming the path.
    public static func bytes(_ path: String) throws(DataError) -> [UInt8] {
        if path == "-" {
            do { return try readAll(STDIN_FILENO) } catch { throw .unreadable(path: "<stdin>", reason: error.reason) }
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw .unreadable(path: path, reason: "it is a folder")
        }
        do {
            return try readAll(descriptor, expected: info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }

    /// Why a read failed.
    public struct ReadFailure: Error {
        public let reason: String
    }

    /// Everything readable from an open descriptor (a file, a pipe), retrying reads a signal
    /// interrupts — Foundation's `readDataToEndOfFile` traps on those.
    public static func readAll(_ descriptor: Int32, expected: Int = 0) throws(ReadFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }
}
