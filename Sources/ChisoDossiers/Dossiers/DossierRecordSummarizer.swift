import ChisoNumerics
import ChisoCore
import Dispatch
import Foundation
import Synchronization

/// How to summarise dossier records.
public struct DossierSummaryOptions: Sendable {
    /// Period length of the summary.
    public var granularity: Period.Kind
    public var byAgency: Bool
    public var byProcedure: Bool
    /// Stop at the first bad row instead of counting bad rows.
    public var strict: Bool
    /// Date that splits pending dossiers into in time and overdue (yyyy-mm-dd); default: the
    /// latest received or finished date in the file.
    public var asOf: String?
    /// Called from a background thread with the share of bytes read, when set.
    public var progress: (@Sendable (Double) -> Void)?
    /// Threads that read the file (default: the cores); the file is cut into twice as many byte
    /// ranges so that a thread that finishes early takes another.
    public var workers: Int

    public init(granularity: Period.Kind = .month, byAgency: Bool = false, byProcedure: Bool = false, strict: Bool = false,
                asOf: String? = nil, progress: (@Sendable (Double) -> Void)? = nil, workers: Int = ParallelWork.processorCount) {
        self.granularity = granularity
        self.byAgency = byAgency
        self.byProcedure = byProcedure
        self.strict = strict
        self.asOf = asOf
        self.progress = progress
        self.workers = max(1, workers)
    }
}

/// What summarising produced, and what it could not read.
public struct DossierSummary: Sendable {
    /// One row per unit, period (and agency, procedure), in unit then period order.
    public let rows: [DossierAggregate]
    /// The columns of `breakdown` in each row (`agency`, `procedure`).
    public let breakdownNames: [String]
    public let records: Int
    public let badRows: Int
    /// The first 10 bad rows: line number and reason.
    public let firstBadRows: [(line: Int, reason: String)]
    /// The date pending dossiers were classified against.
    public let asOf: String
}

/// A row of the records file that cannot be read.
public enum DossierRecordError: RemediableError, Equatable {
    case missingColumn(file: String, column: String, header: [String])
    case badRow(file: String, line: Int, reason: String)
    case badAsOfDate(String)

    public var description: String {
        switch self {
        case let .missingColumn(file, column, header):
            return "\(file): no column '\(column)' in the header (\(header.joined(separator: ", "))); records need dossier_id, unit, agency, procedure, channel, received_date, due_date, finished_date, status"
        case let .badRow(file, line, reason):
            return "\(file):\(line): \(reason); fix the row, or count bad rows and go on"
        case let .badAsOfDate(text):
            return "the as-of date '\(text)' is not a date; write it as yyyy-mm-dd"
        }
    }

    public var remedy: Remedy? {
        if case .badRow = self { return .countBadRows }
        return nil
    }
}

/// Streams a file of dossier records (one row per dossier) into counts per unit and period.
///
/// Each worker reads its own byte range of the file with `pread` into a fixed 8 MB buffer, so
/// memory stays bounded whatever the file size; fields are read from bytes (no `String` per
/// field), and counts go to dense per-worker arrays indexed by GSO code and month, merged at the
/// end. Periods are those of `received_date` (a cohort view): every count of a row belongs to the
/// period its dossier was received in. See docs/dossiers.md.
public enum DossierRecordSummarizer {
    static let columns = ["dossier_id", "unit", "agency", "procedure", "channel", "received_date", "due_date", "finished_date", "status"]

    // Counter slots per group.
    static let received = 0, online = 1, postal = 2, direct = 3, early = 4, onTime = 5, late = 6, withdrawn = 7, pending = 8
    static let slotCount = 9

    public static func summarize(path: String, options: DossierSummaryOptions = DossierSummaryOptions()) throws -> DossierSummary {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if !FileManager.default.fileExists(atPath: path) { throw DataError.fileNotFound(path: path) }
            throw DataError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        let size = Int(info.st_size)
        // Header.
        var headerBytes = [UInt8](repeating: 0, count: min(size, 65536))
        let headerRead = headerBytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        headerBytes = Array(headerBytes.prefix(max(0, headerRead)))
        guard let newline = headerBytes.firstIndex(of: 0x0A) else { throw DataError.emptyFile(file: path) }
        var headerStart = 0
        if headerBytes.count >= 3 && headerBytes[0] == 0xEF && headerBytes[1] == 0xBB && headerBytes[2] == 0xBF { headerStart = 3 }
        let header = String(decoding: headerBytes[headerStart..<newline], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var positions: [Int] = []
        for column in columns {
            guard let index = header.firstIndex(of: column) else { throw DossierRecordError.missingColumn(file: path, column: column, header: header) }
            positions.append(index)
        }
        let layout = RecordLayout(fieldCount: header.count, unit: positions[1], agency: positions[2], procedure: positions[3], channel: positions[4],
                                  received: positions[5], due: positions[6], finished: positions[7], status: positions[8])
        // Byte ranges, each starting at a line.
        let dataStart = newline + 1
        let chunkCount = options.workers * 2
        var bounds = [dataStart]
        for c in 1..<chunkCount {
            var offset = dataStart + (size - dataStart) * c / chunkCount
            offset = max(offset, bounds.last!)
            bounds.append(nextLineStart(fd: fd, from: offset, size: size))
        }
        bounds.append(size)
        let progressBytes = ByteCounter()
        let monitor = options.progress.map { report in ProgressMonitor(total: size, bytes: progressBytes, report: report) }
        monitor?.start()
        let (chunkBounds, summaryOptions) = (bounds, options)
        let results = ParallelWork.map(chunkCount, threads: options.workers) { c in
            scan(fd: fd, from: chunkBounds[c], to: chunkBounds[c + 1], layout: layout, options: summaryOptions, progress: progressBytes)
        }
        monitor?.stop()
        return try merge(results, path: path, options: options)
    }

    /// The offset of the first line starting at or after `offset`.
    static func nextLineStart(fd: Int32, from offset: Int, size: Int) -> Int {
        var position = offset
        var buffer = [UInt8](repeating: 0, count: 4096)
        if position > 0 {
            // Start after the newline that ends the line containing offset − 1.
            position -= 1
        }
        while position < size {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(position)) }
            guard n > 0 else { return size }
            if let i = buffer[0..<n].firstIndex(of: 0x0A) { return position + i + 1 }
            position += n
        }
        return size
    }
}
