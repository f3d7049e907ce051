import ChisoCore
import ChisoIO
import ChisoNumerics
import ChisoSpreadsheets
import Dispatch
import Foundation

/// How records are counted into periods (docs/dossiers.md).
public enum DossierAccounting: String, Sendable, CaseIterable {
    /// As reports count: carried over at the start, received, finished (by the finished date),
    /// pending at the end.
    case period
    /// Every count in the period the dossier was received.
    case cohort
}

/// How to summarise dossier records.
public struct DossierSummaryOptions: Sendable {
    /// Period length of the summary (the label kind of a custom window).
    public var granularity: Period.Kind
    public var accounting: DossierAccounting
    /// A custom window, yyyy-mm-dd or dd/mm/yyyy, inclusive, instead of calendar periods.
    public var window: (from: String, to: String)?
    /// The window's period label (default: the calendar period of `granularity`'s kind nearest
    /// its length that its last day falls in).
    public var windowLabel: Period?
    public var byAgency: Bool
    public var byProcedure: Bool
    /// Stop at the first bad row instead of counting bad rows.
    public var strict: Bool
    /// The date the export describes: pending dossiers past due then are overdue, later records
    /// and finishes are not counted; default: the latest received or finished date in the file.
    public var asOf: String?
    /// The names of columns, statuses and channels.
    public var vocabulary: DossierRecordVocabulary
    /// The sheet of a workbook, by name or position (default: the first).
    public var sheet: String?
    /// Called from a background thread with the share of bytes read, when set.
    public var progress: (@Sendable (Double) -> Void)?
    /// Threads that read the file (default: the cores); the file is cut into twice as many byte
    /// ranges so that a thread that finishes early takes another.
    public var workers: Int

    public init(granularity: Period.Kind = .month, accounting: DossierAccounting = .period, window: (from: String, to: String)? = nil,
                windowLabel: Period? = nil, byAgency: Bool = false, byProcedure: Bool = false, strict: Bool = false, asOf: String? = nil,
                vocabulary: DossierRecordVocabulary = .standard, sheet: String? = nil,
                progress: (@Sendable (Double) -> Void)? = nil, workers: Int = ParallelWork.processorCount) {
        self.granularity = granularity
        self.accounting = accounting
        self.window = window
        self.windowLabel = windowLabel
        self.byAgency = byAgency
        self.byProcedure = byProcedure
        self.strict = strict
        self.asOf = asOf
        self.vocabulary = vocabulary
        self.sheet = sheet
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
    public let accounting: DossierAccounting
    /// Whether the file has a channel column (without one, channel counts are unknown).
    public let hasChannels: Bool
    public let records: Int
    public let badRows: Int
    /// The first 10 bad rows: line number and reason.
    public let firstBadRows: [(line: Int, reason: String)]
    /// Statuses and channels the vocabulary does not know: column, value, rows, first lines.
    public let unknownValues: [(column: String, value: String, rows: Int, lines: [Int])]
    /// Dossiers whose stated timing differs from their dates (the stated one is counted), and the
    /// first lines.
    public let timingConflicts: (rows: Int, lines: [Int])
    /// Records received after the as-of date, not counted.
    public let receivedAfterAsOf: Int
    /// The date the export is taken to describe (yyyy-mm-dd).
    public let asOf: String
    /// The earliest received date (yyyy-mm-dd); empty without records.
    public let earliestReceived: String
    /// The custom window, yyyy-mm-dd, when one was asked for.
    public let window: (from: String, to: String)?
}

/// A records file or option that cannot be read.
public enum DossierRecordError: RemediableError, Equatable {
    case missingColumn(file: String, column: String, header: [String])
    case badRow(file: String, line: Int, reason: String)
    case badDate(option: String, text: String)
    case badWindow(from: String, to: String)
    case badMap(file: String, line: Int, reason: String)
    case noRecords(file: String)

    public var description: String {
        switch self {
        case let .missingColumn(file, column, header):
            return "\(file): no column for '\(column)' in the header (\(header.joined(separator: ", "))); records need \(DossierRecordColumn.required.map(\.rawValue).joined(separator: ", ")), by these names or the Vietnamese ones of docs/dossiers.md (a map file adds others)"
        case let .badRow(file, line, reason):
            return "\(file):\(line): \(reason); fix the row, or count bad rows and go on"
        case let .badDate(option, text):
            return "the \(option) date '\(text)' is not a date; write it as yyyy-mm-dd or dd/mm/yyyy"
        case let .badWindow(from, to):
            return "the window \(from) – \(to) ends before it starts"
        case let .badMap(file, line, reason):
            return "\(file):\(line): \(reason)"
        case let .noRecords(file):
            return "\(file): no records below the header"
        }
    }

    public var remedy: Remedy? {
        switch self {
        case .badRow: return .countBadRows
        case .missingColumn: return .mapRecordNames
        default: return nil
        }
    }
}

/// Streams a file of dossier records (one row per dossier) into counts per unit and period.
///
/// Each worker reads its own byte range of the file with `pread` into a fixed 8 MB buffer, so
/// memory stays bounded whatever the file size; fields are read from bytes (no `String` per
/// field), and counts go to dense per-worker arrays indexed by GSO code and period, merged at
/// the end. A workbook's sheet is read whole and counted the same way. See docs/dossiers.md.
public enum DossierRecordSummarizer {
    public static func summarize(path: String, options: DossierSummaryOptions = DossierSummaryOptions()) throws -> DossierSummary {
        if FileKind.detect(path: path).isWorkbook { return try summarizeWorkbook(path: path, options: options) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if !FileManager.default.fileExists(atPath: path) { throw DataError.fileNotFound(path: path) }
            throw DataError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        let size = Int(info.st_size)
        var headBytes = [UInt8](repeating: 0, count: min(size, 65536))
        let headRead = headBytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        headBytes = Array(headBytes.prefix(max(0, headRead)))
        let header = try findHeader(headBytes, path: path, vocabulary: options.vocabulary)
        let context = try makeContext(layout: header.layout, options: options)
        // Byte ranges, each starting at a line.
        let dataStart = header.dataStart
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
        let chunkBounds = bounds
        let results = ParallelWork.map(chunkCount, threads: options.workers) { c in
            scan(fd: fd, from: chunkBounds[c], to: chunkBounds[c + 1], context: context, progress: progressBytes)
        }
        monitor?.stop()
        return try merge(results, path: path, headerLine: header.line, context: context)
    }

    /// The header: the first of the first 30 lines that names every required column (title
    /// lines above it are skipped), its layout, its line number and where the data starts.
    static func findHeader(_ bytes: [UInt8], path: String, vocabulary: DossierRecordVocabulary) throws -> (layout: RecordLayout, line: Int, dataStart: Int) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var firstHeader: [String]? = nil
        for lineNumber in 1...30 {
            guard start < bytes.count else { break }
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            let separator = CSVTokenizer.detectSeparator(line)
            let names = (try? CSVTokenizer.records(line, separator: separator, file: path).records.first?.fields) ?? nil ?? []
            if firstHeader == nil && !names.isEmpty { firstHeader = names }
            if let layout = layout(names, separator: separator, vocabulary: vocabulary) {
                guard end < bytes.count else { throw DossierRecordError.noRecords(file: path) }
                return (layout, lineNumber, end + 1)
            }
            start = end + 1
        }
        guard let header = firstHeader else { throw DataError.emptyFile(file: path) }
        throw missingColumn(header, file: path, vocabulary: vocabulary)
    }

    /// The error for a header that lacks a required column: the first one missing.
    static func missingColumn(_ header: [String], file: String, vocabulary: DossierRecordVocabulary) -> DossierRecordError {
        let found = Set(header.compactMap(vocabulary.column))
        let missing = DossierRecordColumn.required.first { !found.contains($0) }!
        return .missingColumn(file: file, column: missing.rawValue, header: header)
    }

    /// The layout of a header, or nil when a required column is missing.
    static func layout(_ names: [String], separator: UInt8, vocabulary: DossierRecordVocabulary) -> RecordLayout? {
        var position: [DossierRecordColumn: Int] = [:]
        for (index, name) in names.enumerated() {
            if let column = vocabulary.column(name), position[column] == nil { position[column] = index }
        }
        guard DossierRecordColumn.required.allSatisfy({ position[$0] != nil }) else { return nil }
        return RecordLayout(fieldCount: names.count, unit: position[.unit]!, agency: position[.agency] ?? -1, procedure: position[.procedure] ?? -1,
                            channel: position[.channel] ?? -1, received: position[.receivedDate]!, due: position[.dueDate]!,
                            finished: position[.finishedDate]!, status: position[.status]!, separator: separator)
    }

    /// The periods and as-of date of the options.
    static func makeContext(layout: RecordLayout, options: DossierSummaryOptions) throws -> RecordContext {
        var asOf: Int? = nil
        if let text = options.asOf {
            guard let date = RecordDates.packed(text) else { throw DossierRecordError.badDate(option: "as-of", text: text) }
            asOf = date
        }
        var periods = RecordPeriods(granularity: options.granularity)
        if let (fromText, toText) = options.window {
            guard let from = RecordDates.packed(fromText) else { throw DossierRecordError.badDate(option: "from", text: fromText) }
            guard let to = RecordDates.packed(toText) else { throw DossierRecordError.badDate(option: "to", text: toText) }
            guard from <= to else { throw DossierRecordError.badWindow(from: fromText, to: toText) }
            periods = RecordPeriods(from: from, to: to, label: options.windowLabel ?? RecordPeriods.label(from: from, to: to))
        }
        return RecordContext(layout: layout, options: options, periods: periods, asOf: asOf, vocabulary: options.vocabulary)
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
