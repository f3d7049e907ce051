import ChisoCore
import ChisoSpreadsheets
import Foundation

/// Reads a CSV file straight from its bytes on every core: a long file by `LongCSVScan`, a wide
/// one by `WideCSVScan`. It gives what the general reader gives (the same panel, notes and
/// sources); a file it cannot read that way exactly — a line break inside quotes, a layout it
/// cannot decide from the header, anything the general reader reports as an error — is left to
/// the general reader (`batch` returns nil).
enum CSVScan {
    /// A mapped CSV file and its header, read once for the layout readers.
    struct Source {
        let file: MappedFile
        let displayName: String
        let header: [String]
        /// The header as a table without records, for matching column roles.
        let headerTable: TabularFile
        let separator: UInt8
        /// Where the first data line starts.
        let dataStart: Int
        /// The period of a file without a period column: the option, else the year in its name.
        let fallbackPeriod: Period?
    }

    /// The rows of the CSV file at `path`, or nil when the general reader must read it.
    static func batch(path: String, options: ReadOptions, filter: PanelFilter, report: inout LoadReport) -> ObservationBatch? {
        guard let file = MappedFile(path: path) else { return nil }
        defer { file.close() }
        let bytes = file.bytes
        guard FileKind.detect(prefix: Array(bytes.prefix(1024))) == .text else { return nil }
        var bodyStart = 0
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bodyStart = 3 }

        // The header: the first line, read by the general tokenizer.
        let headerEnd = bytes[bodyStart...].firstIndex(of: 0x0A) ?? bytes.count
        let headerBytes = ArraySlice(bytes[bodyStart..<headerEnd])
        guard headerBytes.withUnsafeBufferPointer({ Validation.firstInvalidUTF8($0, from: 0) }) == nil else { return nil }
        let separator = options.separator ?? CSVTokenizer.detectSeparator(headerBytes)
        guard let (records, _) = try? CSVTokenizer.records(headerBytes, separator: separator, file: path), records.count == 1 else { return nil }
        let header = records[0].fields.map { $0.trimmingSpaces }
        let headerTable = TabularFile(displayName: path, header: header, records: [], blankLines: 0)
        let source = Source(file: file, displayName: path, header: header, headerTable: headerTable, separator: separator,
                            dataStart: min(headerEnd + 1, bytes.count),
                            fallbackPeriod: options.period ?? PanelLoader.year(inFileName: (path as NSString).lastPathComponent).map(Period.year))
        guard let layout = options.layout ?? layout(of: headerTable) else { return nil }
        switch layout {
        case .long: return LongCSVScan.batch(source, options: options, filter: filter, report: &report)
        case .wideIndicators, .wideYears: return WideCSVScan.batch(source, layout: layout, options: options, filter: filter, report: &report)
        }
    }

    /// The layout `PanelLoader.detectLayout` finds, decided from the header alone; nil when it
    /// needs the records (no column is named as the unit column).
    static func layout(of headerTable: TabularFile) -> TableLayout? {
        if headerTable.column(named: ColumnRole.indicator) != nil && headerTable.column(named: ColumnRole.value) != nil { return .long }
        guard let unit = headerTable.column(named: ColumnRole.unit), !headerTable.isRowNumberColumn(unit) else { return nil }
        return PanelLoader.detectLayout(headerTable)
    }

    /// The chunks of the file from its first data line, each read by a reader of its own, on
    /// `threads` threads.
    static func scan<Reader: CSVChunkReading>(_ source: Source, threads: Int, reader: @Sendable () -> Reader) -> [Reader.Chunk] {
        let bounds = chunkBounds(source, threads: threads), base = source.file.base
        return ParallelWork.map(bounds.count - 1, threads: threads) { c in
            var chunkReader = reader()
            return chunkReader.read(base.pointer, from: bounds[c], to: bounds[c + 1])
        }
    }

    /// Chunk boundaries from the first data line to the end: line starts, about equal in size,
    /// several per thread (one for a file under 1 MB).
    private static func chunkBounds(_ source: CSVScan.Source, threads: Int) -> [Int] {
        let bytes = source.file.bytes, from = source.dataStart
        let size = bytes.count
        let parts = size - from < 1 << 20 ? 1 : max(1, threads) * 16
        var bounds = [from]
        for part in 1..<max(parts, 1) {
            var offset = from + (size - from) * part / parts
            // Move to the start of the next line.
            while offset < size && bytes[offset - 1] != 0x0A { offset += 1 }
            if offset > bounds.last! { bounds.append(offset) }
        }
        if bounds.last! < size || bounds.count == 1 { bounds.append(size) }
        return bounds
    }
}

/// What a worker read from its lines: counts every reader keeps.
protocol ScannedChunk: Sendable {
    /// Lines in the chunk, blank ones among them.
    var lines: Int { get set }
    var blankLines: Int { get set }
    /// Something only the general reader explains: the file is read again by it.
    var needsGeneralReader: Bool { get set }
}

/// A reader of the lines of one chunk of a CSV file, used once: it splits lines with `fields`
/// and reads each line of fields into `chunk` with `row`.
protocol CSVChunkReading: SendableMetatype {
    associatedtype Chunk: ScannedChunk
    var chunk: Chunk { get set }
    var fields: CSVLineFields { get }
    /// Reads the current line's fields (`fields`), starting at `base`.
    mutating func row(_ base: UnsafePointer<UInt8>)
}

extension CSVChunkReading {
    /// Reads the lines in [from, to) of `base`; `from` is the start of a line.
    mutating func read(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Chunk {
        defer { fields.deallocate() }
        let (lines, needsGeneralReader) = fields.forEachLine(base, from: from, to: to) { line, hasFields in
            chunk.lines = line
            if hasFields { row(base) } else { chunk.blankLines += 1 }
            return !chunk.needsGeneralReader
        }
        chunk.lines = lines
        if needsGeneralReader { chunk.needsGeneralReader = true }
        return chunk
    }
}
