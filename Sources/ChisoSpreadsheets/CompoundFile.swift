import ChisoCore

/// A Microsoft compound file (OLE2, [MS-CFB]): the container of old `.xls` workbooks and `.doc`
/// documents. It holds named streams in sectors chained by an allocation table; this reads the
/// directory and returns whole streams, checking every sector number, chain and size against the
/// file, so a damaged or hostile file is an error and never a loop or an out-of-bounds read.
struct CompoundFile {
    /// The 8 bytes every compound file starts with.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    private let bytes: [UInt8]
    private let path: String
    private let sectorSize: Int
    /// Whole sectors after the header.
    private var sectorCount: Int { bytes.count / sectorSize - 1 }
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniStream: [UInt8]
    private let miniStreamCutoff: Int
    /// Streams by name, with their first sector and size.
    private let streams: [String: (start: UInt32, size: Int)]

    /// The names of the streams in the file.
    var streamNames: Set<String> { Set(streams.keys) }

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let freeSector: UInt32 = 0xFFFF_FFFF

    init(bytes file: [UInt8], path: String) throws(DataError) {
        self.path = path
        func damaged(_ reason: String) -> DataError { .unreadable(path: path, reason: "a damaged compound file (\(reason))") }
        guard file.count >= 512, Array(file[0..<8]) == Self.signature else { throw damaged("no compound file header") }
        let shift = Int(Self.u16(file, 30))
        guard shift == 9 || shift == 12 else { throw damaged("sector size 2^\(shift)") }
        let sectorSize = 1 << shift
        self.sectorSize = sectorSize
        // A last sector cut short is read as if padded with zeros, so every sector is whole.
        let bytes = file + [UInt8](repeating: 0, count: (sectorSize - file.count % sectorSize) % sectorSize + (file.count < sectorSize ? sectorSize : 0))
        self.bytes = bytes
        let miniShift = Int(Self.u16(bytes, 32))
        guard miniShift == 6 else { throw damaged("mini sector size 2^\(miniShift)") }
        let sectorCount = bytes.count / sectorSize - 1
        guard sectorCount > 0 else { throw damaged("no sectors") }

        // The allocation table's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        let fatSectorCount = Int(Self.u32(bytes, 44))
        guard fatSectorCount <= sectorCount else { throw damaged("\(fatSectorCount) allocation sectors in a file of \(sectorCount)") }
        var fatSectors: [UInt32] = []
        for i in 0..<min(109, fatSectorCount) { fatSectors.append(Self.u32(bytes, 76 + 4 * i)) }
        var difat = Self.u32(bytes, 68)
        var difatSeen = 0
        while fatSectors.count < fatSectorCount {
            guard difat < UInt32(sectorCount), difatSeen <= sectorCount else { throw damaged("a broken chain of allocation sectors") }
            difatSeen += 1
            let base = Self.offset(of: difat, sectorSize: sectorSize)
            let perSector = sectorSize / 4 - 1
            for i in 0..<perSector where fatSectors.count < fatSectorCount { fatSectors.append(Self.u32(bytes, base + 4 * i)) }
            difat = Self.u32(bytes, base + 4 * perSector)
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * sectorSize / 4)
        for sector in fatSectors {
            guard sector < UInt32(sectorCount) else { throw damaged("allocation sector \(sector) beyond the file") }
            let base = Self.offset(of: sector, sectorSize: sectorSize)
            for i in 0..<(sectorSize / 4) { fat.append(Self.u32(bytes, base + 4 * i)) }
        }
        self.fat = fat

        // The directory: 128-byte entries in the chain that starts at header offset 48.
        let directory = try Self.chain(start: Self.u32(bytes, 48), fat: fat, sectorCount: sectorCount, path: path)
        var entries: [(name: String, type: UInt8, start: UInt32, size: Int)] = []
        for sector in directory {
            let base = Self.offset(of: sector, sectorSize: sectorSize)
            for slot in 0..<(sectorSize / 128) {
                let entry = base + slot * 128
                let nameBytes = min(64, Int(Self.u16(bytes, entry + 64)))
                let type = bytes[entry + 66]
                var units: [UInt16] = []
                var k = 0
                while k + 1 < nameBytes { let unit = Self.u16(bytes, entry + k); if unit == 0 { break }; units.append(unit); k += 2 }
                let size = shift == 9 ? Int(Self.u32(bytes, entry + 120)) : Int(clamping: Self.u64(bytes, entry + 120))
                entries.append((String(decoding: units, as: UTF16.self), type, Self.u32(bytes, entry + 116), size))
            }
        }
        guard let root = entries.first, root.type == 5 else { throw damaged("no root entry") }
        var streams: [String: (start: UInt32, size: Int)] = [:]
        for entry in entries.dropFirst() where entry.type == 2 && streams[entry.name] == nil {
            streams[entry.name] = (entry.start, entry.size)
        }
        self.streams = streams
        miniStreamCutoff = Int(Self.u32(bytes, 56))

        // Small streams live in the mini stream (the root entry's data), in 64-byte sectors.
        let miniFATSectors = try Self.chain(start: Self.u32(bytes, 60), fat: fat, sectorCount: sectorCount, path: path, allowEmpty: true)
        var miniFAT: [UInt32] = []
        for sector in miniFATSectors {
            let base = Self.offset(of: sector, sectorSize: sectorSize)
            for i in 0..<(sectorSize / 4) { miniFAT.append(Self.u32(bytes, base + 4 * i)) }
        }
        self.miniFAT = miniFAT
        let rootChain = try Self.chain(start: root.start, fat: fat, sectorCount: sectorCount, path: path, allowEmpty: true)
        guard root.size <= rootChain.count * sectorSize else { throw damaged("the mini stream is shorter than it says") }
        var mini: [UInt8] = []
        mini.reserveCapacity(root.size)
        for sector in rootChain {
            let base = Self.offset(of: sector, sectorSize: sectorSize)
            mini.append(contentsOf: bytes[base..<(base + sectorSize)])
        }
        miniStream = Array(mini.prefix(root.size))
    }

    /// The bytes of stream `name`, or nil when the file has no such stream.
    func stream(_ name: String) throws(DataError) -> [UInt8]? {
        guard let entry = streams[name] else { return nil }
        func damaged(_ reason: String) -> DataError { .unreadable(path: path, reason: "a damaged compound file (stream '\(name)': \(reason))") }
        if entry.size < miniStreamCutoff {
            var out: [UInt8] = []
            var sector = entry.start
            var seen = 0
            let miniCount = miniStream.count / 64
            while out.count < entry.size {
                guard sector < UInt32(miniCount), seen <= miniCount else { throw damaged("a broken chain of mini sectors") }
                seen += 1
                let base = Int(sector) * 64
                out.append(contentsOf: miniStream[base..<(base + 64)])
                guard Int(sector) < miniFAT.count else { throw damaged("mini sector \(sector) has no allocation entry") }
                sector = miniFAT[Int(sector)]
            }
            return Array(out.prefix(entry.size))
        }
        let sectors = try Self.chain(start: entry.start, fat: fat, sectorCount: sectorCount, path: path)
        guard entry.size <= sectors.count * sectorSize else { throw damaged("\(entry.size) bytes in \(sectors.count) sectors") }
        var out: [UInt8] = []
        out.reserveCapacity(entry.size)
        for sector in sectors where out.count < entry.size {
            let base = Self.offset(of: sector, sectorSize: sectorSize)
            out.append(contentsOf: bytes[base..<(base + sectorSize)])
        }
        return Array(out.prefix(entry.size))
    }

    /// The sectors of a chain, each checked to lie in the file; a chain longer than the file has
    /// sectors is a loop.
    private static func chain(start: UInt32, fat: [UInt32], sectorCount: Int, path: String, allowEmpty: Bool = false) throws(DataError) -> [UInt32] {
        var sectors: [UInt32] = []
        var sector = start
        if sector == endOfChain || sector == freeSector {
            if allowEmpty { return [] }
            throw .unreadable(path: path, reason: "a damaged compound file (an empty chain)")
        }
        while sector != endOfChain {
            guard sector < UInt32(sectorCount), Int(sector) < fat.count, sectors.count < sectorCount else {
                throw .unreadable(path: path, reason: "a damaged compound file (a sector chain leaves the file or loops)")
            }
            sectors.append(sector)
            sector = fat[Int(sector)]
        }
        return sectors
    }

    /// The file offset of a sector: the header takes the first sector-sized block.
    private static func offset(of sector: UInt32, sectorSize: Int) -> Int { (Int(sector) + 1) * sectorSize }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
    static func u64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32 }
}
