import Foundation

/// Numbers for the distinct byte strings of one column, found without making a `String` per
/// cell: an open-addressing table over hashes of the bytes. It keeps pointers into the bytes it was
/// given, which must stay valid while it is used (a mapped file during its scan).
struct ByteInterner {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var pointers: [UnsafePointer<UInt8>] = []
    private var lengths: [Int] = []
    private var lastID: Int32 = -1
    /// The number met right after each number the last time: files repeat their units in the
    /// same order for every indicator and year, so the next name is most often the one that
    /// followed last time.
    private var successors: [Int32] = []
    private var lastPointer: UnsafePointer<UInt8>?
    private var lastLength = 0

    init() {
        slots = [Int32](repeating: -1, count: 64)
    }

    /// The number of the bytes at `p`, and whether they are new.
    @inline(__always)
    mutating func number(_ p: UnsafePointer<UInt8>, _ length: Int) -> (id: Int32, isNew: Bool) {
        // Sorted files repeat a value over many consecutive rows.
        if let lastPointer, lastLength == length, Self.same(lastPointer, p, length) { return (lastID, false) }
        if lastID >= 0 {
            let guess = successors[Int(lastID)]
            if guess >= 0, lengths[Int(guess)] == length, Self.same(pointers[Int(guess)], p, length) {
                lastID = guess
                lastPointer = p
                lastLength = length
                return (guess, false)
            }
        }
        let hash = Self.hash(p, length)
        let id = slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                pointers.withUnsafeBufferPointer { pointers in
                    lengths.withUnsafeBufferPointer { lengths in
                        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
                        while true {
                            let id = slots[slot]
                            if id < 0 { return -Int32(slot) - 1 }
                            let i = Int(id)
                            if hashes[i] == hash && lengths[i] == length && Self.same(pointers[i], p, length) { return id }
                            slot = (slot + 1) & (slots.count - 1)
                        }
                    }
                }
            }
        }
        lastPointer = p
        lastLength = length
        if id >= 0 {
            if lastID >= 0 { successors[Int(lastID)] = id }
            lastID = id
            return (id, false)
        }
        let new = Int32(pointers.count)
        slots[Int(-id - 1)] = new
        hashes.append(hash)
        pointers.append(p)
        lengths.append(length)
        successors.append(-1)
        if lastID >= 0 { successors[Int(lastID)] = new }
        lastID = new
        if pointers.count * 2 > slots.count { grow() }
        return (new, true)
    }

    /// A hash of the bytes: eight at a time where there are eight, mixed by multiplication.
    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var hash = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= length {
            hash = (hash ^ UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            i += 8
        }
        while i < length {
            hash = (hash ^ UInt64(p[i])) &* 0x100000001b3
            i += 1
        }
        return hash ^ (hash >> 29)
    }

    /// Whether `length` bytes at `a` and `b` are equal; short names are compared in place
    /// rather than through a call to `memcmp`.
    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        if a == b { return true }
        var i = 0
        while i + 8 <= length {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        while i < length {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
