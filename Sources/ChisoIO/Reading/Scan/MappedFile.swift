import Foundation

/// A regular file mapped read-only into memory: its pages are read as the workers reach them
/// and belong to the page cache, not to the process's heap.
final class MappedFile {
    let base: SharedPointer
    let bytes: UnsafeBufferPointer<UInt8>
    private let size: Int

    /// Maps `path`; nil for anything but a non-empty regular file that can be mapped.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { Foundation.close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        madvise(address, size, MADV_SEQUENTIAL)
        let pointer = UnsafePointer(address.assumingMemoryBound(to: UInt8.self))
        base = SharedPointer(pointer: pointer)
        bytes = UnsafeBufferPointer(start: pointer, count: size)
    }

    /// Unmaps the file; nothing may read `bytes` after.
    func close() {
        munmap(UnsafeMutableRawPointer(mutating: base.pointer), size)
    }
}

/// A pointer into memory no one writes while it is shared (a mapped file read by workers).
struct SharedPointer: @unchecked Sendable {
    let pointer: UnsafePointer<UInt8>
}
