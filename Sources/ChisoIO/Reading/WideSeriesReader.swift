import ChisoCore
import ChisoNumerics
import Foundation

/// Many series with periods as columns, read for batch fitting: ids kept as written (no unit
/// lookup), values in a periods × series matrix, NaN where a cell is empty.
public struct SeriesMatrix: Sendable {
    public let source: String
    /// The first column of each row, verbatim.
    public let ids: [String]
    public let periods: [Period]
    /// One column per series, one row per period.
    public let values: Matrix

    public init(source: String, ids: [String], periods: [Period], values: Matrix) {
        precondition(values.rows == periods.count && values.columns == ids.count, "one row per period and one column per series")
        self.source = source
        self.ids = ids
        self.periods = periods
        self.values = values
    }
}

/// Reads a wide CSV of series (`id,2013,2014,…`) straight from bytes, on all cores.
///
/// Built for files of hundreds of thousands of series, it reads plain numerals only — an optional
/// sign, digits and one decimal mark (a point, or a comma with `decimal: .comma`), no thousands
/// separators, no quotes around numbers; empty cells are missing. Anything else stops the read
/// with the cell's line and column. Numerals of up to 15 significant digits are converted exactly
/// (an integer mantissa and an exact power of ten, one correctly rounded division); longer ones
/// go through the standard library's parser.
public enum WideSeriesReader {
    public static func read(path: String, decimal: DecimalSeparator = .point) throws(DataError) -> SeriesMatrix {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let bytes = [UInt8](data)
        let body = try TextDecoding.utf8Body(of: bytes, file: path)
        let separator = CSVTokenizer.detectSeparator(body)
        let headerEnd = body.firstIndex(of: 0x0A) ?? body.endIndex
        let (headerRecords, _) = try CSVTokenizer.records(body[body.startIndex..<headerEnd], separator: separator, file: path)
        guard let header = headerRecords.first?.fields, header.count >= 2 else { throw .emptyFile(file: path) }
        var periods: [Period] = []
        for (column, name) in header.enumerated().dropFirst() {
            guard let period = Period(header: name) else {
                throw .badPeriod(at: SourceLocation(file: path, line: 1, column: column + 1, columnName: name), text: name)
            }
            periods.append(period)
        }
        // Split the data lines into one chunk per core, each starting on a line boundary.
        let start = min(headerEnd + 1, body.endIndex)
        let chunkCount = max(1, min(ParallelWork.processorCount, 8))
        var bounds = [start]
        for c in 1..<chunkCount {
            var cut = start + (body.endIndex - start) * c / chunkCount
            while cut < body.endIndex && body[cut] != 0x0A { cut += 1 }
            bounds.append(min(cut + 1, body.endIndex))
        }
        bounds.append(body.endIndex)
        let lineOffsets = bounds.indices.dropLast().map { c in body[start..<bounds[c]].reduce(2) { $1 == 0x0A ? $0 + 1 : $0 } }
        let decimalMark: UInt8 = decimal == .comma ? 0x2C : 0x2E
        // `body` indexes the same storage as `bytes` (a BOM only moves its start).
        let (chunkBounds, periodCount) = (bounds, periods.count)
        let chunks = ParallelWork.map(chunkCount) { c in
            bytes.withUnsafeBufferPointer { buffer in
                parseChunk(buffer, from: chunkBounds[c], to: chunkBounds[c + 1], firstLine: lineOffsets[c], columns: periodCount,
                           separator: separator, decimalMark: decimalMark, file: path)
            }
        }
        var ids: [String] = []
        var columns: [Double] = []
        for chunk in chunks {
            switch chunk {
            case let .success(part):
                ids += part.ids
                columns += part.values
            case let .failure(error):
                throw error
            }
        }
        return SeriesMatrix(source: path, ids: ids, periods: periods,
                            values: Matrix(rows: periods.count, columns: ids.count, columnMajor: columns))
    }

    private struct Chunk { var ids: [String] = []; var values: [Double] = [] }

    private static func parseChunk(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, firstLine: Int, columns: Int,
                                   separator: UInt8, decimalMark: UInt8, file: String) -> Result<Chunk, DataError> {
        var chunk = Chunk()
        var i = from
        var line = firstLine
        while i < to {
            var lineEnd = i
            while lineEnd < to && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var end = lineEnd
            if end > i && bytes[end - 1] == 0x0D { end -= 1 }
            if end > i {
                var fieldStart = i
                var column = 0
                var cursor = i
                var row: [Double] = []
                row.reserveCapacity(columns)
                while cursor <= end {
                    if cursor == end || bytes[cursor] == separator {
                        if column == 0 {
                            chunk.ids.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<cursor]), as: UTF8.self))
                        } else {
                            guard let value = number(bytes, fieldStart, cursor, decimalMark) else {
                                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<cursor]), as: UTF8.self)
                                return .failure(.badNumber(at: SourceLocation(file: file, line: line, column: column + 1), text: text,
                                                           convention: "a plain numeral (batch mode reads no thousands separators or quotes)"))
                            }
                            row.append(value)
                        }
                        column += 1
                        fieldStart = cursor + 1
                    }
                    cursor += 1
                }
                guard row.count == columns else {
                    return .failure(.raggedRow(at: SourceLocation(file: file, line: line), expected: columns + 1, found: row.count + 1))
                }
                chunk.values += row
            }
            i = lineEnd + 1
            line += 1
        }
        return .success(chunk)
    }

    /// Exact powers of ten representable in a double.
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// A plain numeral in bytes[start..<end]; NaN for an empty cell; nil when not a numeral.
    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ decimalMark: UInt8) -> Double? {
        var i = start
        while i < end && bytes[i] == 0x20 { i += 1 }
        var stop = end
        while stop > i && bytes[stop - 1] == 0x20 { stop -= 1 }
        if i == stop { return .nan }
        var negative = false
        if bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var decimals = 0
        var seenMark = false
        var sawDigit = false
        while i < stop {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                sawDigit = true
                if mantissa == 0 && b == 0x30 {
                    if seenMark { decimals += 1 }
                } else {
                    if digits >= 15 { return slowNumber(bytes, start, end, decimalMark) }
                    mantissa = mantissa * 10 + UInt64(b - 0x30)
                    digits += 1
                    if seenMark { decimals += 1 }
                }
            } else if b == decimalMark && !seenMark {
                seenMark = true
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if decimals > 22 { return slowNumber(bytes, start, end, decimalMark) }
        let value = Double(mantissa) / powersOfTen[decimals]
        return negative ? -value : value
    }

    private static func slowNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ decimalMark: UInt8) -> Double? {
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingSpaces
        if decimalMark == 0x2C { text = text.replacingOccurrences(of: ",", with: ".") }
        // A plain numeral only (Double also reads "inf", "nan" and exponents), and a finite one.
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
