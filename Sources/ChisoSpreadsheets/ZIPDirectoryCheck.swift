import ChisoCore
import Foundation

/// Checks a ZIP archive's directory before anything is unpacked: every entry's local header must
/// sit where the central directory says, carry the same name, and its data must lie inside the
/// file. ZIPFoundation trusts the local headers, and one whose sizes are garbage (a damaged or
/// hostile file) makes it wait forever for bytes past the end of the file.
enum ZIPDirectoryCheck {
    /// Throws `DataError.unreadable` naming the first inconsistency.
    static func validate(path: String) throws(DataError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "cannot open the file") }
        defer { try? handle.close() }
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            guard offset >= 0, count >= 0, (try? handle.seek(toOffset: UInt64(offset))) != nil,
                  let data = try? handle.read(upToCount: count), data.count == count else { return nil }
            return [UInt8](data)
        }
        func damaged(_ reason: String) -> DataError { .unreadable(path: path, reason: "the workbook is damaged: \(reason)") }
        guard let size = (try? handle.seekToEnd()).map(Int.init), size >= 22 else { throw damaged("too short to be a zip archive") }
        // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
        let tailLength = min(size, 65_557)
        guard let tail = bytes(at: size - tailLength, count: tailLength),
              let end = (0...(tailLength - 22)).reversed().first(where: { tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 5 && tail[$0 + 3] == 6 }) else {
            throw damaged("no zip directory at its end")
        }
        let entries = Int(UInt16(tail, at: end + 10))
        let directorySize = Int(UInt32(tail, at: end + 12))
        let directoryOffset = Int(UInt32(tail, at: end + 16))
        guard directoryOffset + directorySize <= size, let directory = bytes(at: directoryOffset, count: directorySize) else {
            throw damaged("its zip directory lies outside the file")
        }
        var position = 0
        for _ in 0..<entries {
            guard position + 46 <= directory.count, UInt32(directory, at: position) == 0x0201_4B50 else { throw damaged("a zip directory entry is broken") }
            let compressed = Int(UInt32(directory, at: position + 20))
            let nameLength = Int(UInt16(directory, at: position + 28))
            let extraLength = Int(UInt16(directory, at: position + 30))
            let commentLength = Int(UInt16(directory, at: position + 32))
            let localOffset = Int(UInt32(directory, at: position + 42))
            guard position + 46 + nameLength <= directory.count else { throw damaged("a zip directory entry is broken") }
            let name = Array(directory[(position + 46)..<(position + 46 + nameLength)])
            let shown = String(decoding: name, as: UTF8.self)
            defer { position += 46 + nameLength + extraLength + commentLength }
            // ZIP64 entries keep their sizes and offsets elsewhere; archives that large are not checked here.
            if compressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF { continue }
            guard let local = bytes(at: localOffset, count: 30), UInt32(local, at: 0) == 0x0403_4B50 else {
                throw damaged("the entry \(shown) does not start where the zip directory says")
            }
            let localNameLength = Int(UInt16(local, at: 26))
            let localExtraLength = Int(UInt16(local, at: 28))
            guard localNameLength == nameLength, bytes(at: localOffset + 30, count: nameLength) == name,
                  localOffset + 30 + localNameLength + localExtraLength + compressed <= size else {
                throw damaged("the entry \(shown) does not match the zip directory or runs past the end of the file")
            }
        }
    }
}

private extension UInt16 {
    init(_ bytes: [UInt8], at offset: Int) {
        self = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }
}

private extension UInt32 {
    init(_ bytes: [UInt8], at offset: Int) {
        self = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
