import ChisoCore
/// One parsed CSV record and the physical line where it starts.
public struct CSVRecord: Sendable, Equatable {
    public let line: Int
    public let fields: [String]
    /// The sheet column (1-based) each field came from, when a sheet's layout was rearranged
    /// into this record (pairs of name and value columns); nil when field k is column k + 1.
    public let sourceColumns: [Int]?

    public init(line: Int, fields: [String], sourceColumns: [Int]? = nil) {
        self.line = line
        self.fields = fields
        self.sourceColumns = sourceColumns
    }
}

/// An RFC 4180 tokenizer over UTF-8 bytes: quoted fields with doubled quotes, separators and
/// line breaks inside quotes, LF or CRLF line ends, and `,`, `;` or tab separators.
///
/// It tracks the physical line of each record so every later error can say `file:line:column`.
public enum CSVTokenizer {
    /// The separator of a file: the most frequent of `,` `;` tab outside quotes on the header line
    /// (a comma when the header has none of them, as in a one-column file).
    public static func detectSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        for b in bytes {
            if b == 0x22 { inQuotes.toggle(); continue }
            if !inQuotes && (b == 0x0A || b == 0x0D) { break }
            if !inQuotes, counts[b] != nil { counts[b]! += 1 }
        }
        let best = [UInt8(0x2C), 0x3B, 0x09].max { counts[$0]! < counts[$1]! }!
        return counts[best]! == 0 ? 0x2C : best
    }

    /// All records of `bytes`. Lines that are completely empty are skipped; their count is returned.
    public static func records(_ bytes: ArraySlice<UInt8>, separator: UInt8, file: String) throws(DataError) -> (records: [CSVRecord], blankLines: Int) {
        var records: [CSVRecord] = []
        var blankLines = 0
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var fieldStartLine = 1
        var i = bytes.startIndex
        let end = bytes.endIndex
        var quoted = false
        var afterClosingQuote = false

        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
            afterClosingQuote = false
        }
        func finishRecord() {
            finishField()
            if fields.count == 1 && fields[0].isEmpty {
                blankLines += 1
            } else {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while i < end {
            let b = bytes[i]
            if quoted && !afterClosingQuote {
                if b == 0x22 {
                    if i + 1 < end && bytes[i + 1] == 0x22 {
                        field.append(0x22); i += 2; continue
                    }
                    afterClosingQuote = true
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case separator:
                finishField()
                fieldStartLine = line
            case 0x0D where i + 1 < end && bytes[i + 1] == 0x0A:
                i += 1
                fallthrough
            case 0x0A, 0x0D:
                finishRecord()
                line += 1
                recordLine = line
                fieldStartLine = line
            case 0x22:
                if field.isEmpty && !afterClosingQuote && !quoted {
                    quoted = true
                } else {
                    throw .strayQuote(at: SourceLocation(file: file, line: line, column: fields.count + 1))
                }
            default:
                if afterClosingQuote {
                    throw .strayQuote(at: SourceLocation(file: file, line: line, column: fields.count + 1))
                }
                field.append(b)
            }
            i += 1
        }
        if quoted && !afterClosingQuote {
            throw .unterminatedQuote(at: SourceLocation(file: file, line: fieldStartLine, column: fields.count + 1))
        }
        if !field.isEmpty || !fields.isEmpty || quoted { finishRecord() }
        return (records, blankLines)
    }
}
