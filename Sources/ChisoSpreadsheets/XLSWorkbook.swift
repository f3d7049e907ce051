import ChisoCore
import Foundation

/// An Excel 97–2003 workbook (`.xls`, BIFF8 in a compound file): its worksheets, read as grids of
/// cell text like an `.xlsx` sheet. Cells are read from their records (shared strings, labels,
/// numbers, RK and MULRK numbers, the cached results of formulas, booleans and errors); merged
/// ranges are kept; numbers in a date format become yyyy-mm-dd in either date system.
/// Password-protected workbooks and Excel 5/95 files (BIFF5) are refused with what to do.
public struct XLSWorkbook: WorkbookFile {
    public let path: String
    /// Worksheet names in workbook order (chart sheets and macro sheets are left out).
    public let sheetNames: [String]
    private let sheetOffsets: [Int]
    private let stream: [UInt8]
    private let sharedStrings: [String]
    /// For each cell format (XF) index, whether its number format shows a date.
    private let dateFormats: [Bool]
    private let from1904: Bool

    private enum RecordType {
        static let bof: UInt16 = 0x0809, eof: UInt16 = 0x000A
        static let filePass: UInt16 = 0x002F, dateMode: UInt16 = 0x0022
        static let format: UInt16 = 0x041E, xf: UInt16 = 0x00E0, boundSheet: UInt16 = 0x0085, sst: UInt16 = 0x00FC
        static let labelSST: UInt16 = 0x00FD, label: UInt16 = 0x0204, rString: UInt16 = 0x00D6
        static let number: UInt16 = 0x0203, rk: UInt16 = 0x027E, mulRK: UInt16 = 0x00BD
        static let formula: UInt16 = 0x0006, string: UInt16 = 0x0207, boolErr: UInt16 = 0x0205
        static let mergedCells: UInt16 = 0x00E5
    }

    /// Opens the workbook at `path`; a file larger than `limits.maximumPartBytes` is refused.
    public init(path: String, limits: WorkbookLimits = WorkbookLimits()) throws(DataError) {
        self.path = path
        let file = try Self.read(path, limit: limits.maximumPartBytes)
        let container = try CompoundFile(bytes: file, path: path)
        guard let stream = try container.stream("Workbook") else {
            if container.streamNames.contains("Book") {
                throw .unreadable(path: path, reason: "an Excel 5.0/95 workbook (BIFF5), which chiso does not read; open it in Excel or LibreOffice and save it as .xlsx")
            }
            if container.streamNames.contains("WordDocument") {
                throw .notATable(path: path, what: "a Word 97–2003 document (.doc)", advice: "copy the table into a spreadsheet, or save it as .xlsx or CSV")
            }
            if container.streamNames.contains("PowerPoint Document") {
                throw .notATable(path: path, what: "a PowerPoint 97–2003 presentation (.ppt)", advice: "copy the table into a spreadsheet")
            }
            throw .notATable(path: path, what: "a compound document without a workbook in it", advice: "give the workbook as .xlsx, .xls or CSV")
        }
        self.stream = stream
        func damaged(_ reason: String) -> DataError { .unreadable(path: path, reason: "a damaged .xls workbook (\(reason))") }

        var records = BIFFRecords(stream, from: 0)
        guard let bof = records.next(), bof.type == RecordType.bof, bof.data.count >= 2 else { throw damaged("no BIFF header") }
        let version = UInt16(bof.data[bof.data.startIndex]) | UInt16(bof.data[bof.data.startIndex + 1]) << 8
        guard version == 0x0600 else {
            throw .unreadable(path: path, reason: "an Excel 5.0/95 workbook (BIFF version \(String(version, radix: 16))), which chiso does not read; open it in Excel or LibreOffice and save it as .xlsx")
        }
        var names: [String] = [], offsets: [Int] = []
        var strings: [String] = []
        var customDates: Set<Int> = []
        var formatOfXF: [Int] = []
        var from1904 = false
        var encrypted = false
        do throws(BIFFDamage) {
            globals: while let record = records.next(), record.type != RecordType.eof {
                var cursor = record.cursor
                switch record.type {
                case RecordType.filePass:
                    encrypted = true
                    break globals
                case RecordType.dateMode:
                    from1904 = try cursor.u16() == 1
                case RecordType.format:
                    let id = Int(try cursor.u16())
                    if XLSXWorkbook.isDateFormat(try cursor.string(countBytes: 2)) { customDates.insert(id) }
                case RecordType.xf:
                    try cursor.skip(2)
                    formatOfXF.append(Int(try cursor.u16()))
                case RecordType.boundSheet:
                    let offset = Int(try cursor.u32())
                    _ = try cursor.u8()
                    let kind = try cursor.u8()
                    let name = try cursor.string(countBytes: 1)
                    guard kind == 0 else { continue }  // 2: chart, 1: macro sheet, 6: VBA module
                    guard offset < stream.count else { throw BIFFDamage(reason: "sheet '\(name)' lies beyond the workbook stream") }
                    names.append(name)
                    offsets.append(offset)
                case RecordType.sst:
                    try cursor.skip(4)
                    let unique = Int(try cursor.u32())
                    // Each string takes at least 3 bytes: a count beyond the record is damage, not a size to allocate.
                    strings.reserveCapacity(min(unique, record.segments.reduce(0) { $0 + $1.count } / 3))
                    while strings.count < unique && !cursor.isAtEnd { strings.append(try cursor.string(countBytes: 2, rich: true)) }
                default:
                    continue
                }
            }
        } catch {
            throw damaged(error.reason)
        }
        if encrypted {
            throw .unreadable(path: path, reason: "the workbook is protected with a password (encrypted); open it in Excel or LibreOffice, remove the protection and save it as .xlsx")
        }
        sheetNames = names
        sheetOffsets = offsets
        sharedStrings = strings
        dateFormats = formatOfXF.map { (14...22).contains($0) || (45...47).contains($0) || customDates.contains($0) }
        self.from1904 = from1904
    }

    /// The worksheet at 0-based `index` of `sheetNames`.
    public func sheet(at index: Int) throws(DataError) -> Worksheet {
        let name = sheetNames[index]
        let displayName = "\(path)[\(name)]"
        var rows: [Int: [Int: Worksheet.Cell]] = [:]
        var merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
        var records = BIFFRecords(stream, from: sheetOffsets[index])
        var depth = 0
        var pendingFormula: (row: Int, column: Int)?
        func store(_ row: UInt16, _ column: UInt16, _ cell: Worksheet.Cell) throws(BIFFDamage) {
            guard Int(column) < Worksheet.maximumColumn else { throw BIFFDamage(reason: "a cell in column \(Int(column) + 1)") }
            rows[Int(row) + 1, default: [:]][Int(column) + 1] = cell
        }
        func number(_ value: Double, format: UInt16) -> Worksheet.Cell {
            if Int(format) < dateFormats.count, dateFormats[Int(format)], Worksheet.isDateSerial(value) {
                return Worksheet.Cell(text: Worksheet.date(serial: value, from1904: from1904), isNumber: false)
            }
            return Worksheet.Cell(text: Worksheet.decimal(value), isNumber: true)
        }
        do throws(BIFFDamage) {
            while let record = records.next() {
                var cursor = record.cursor
                switch record.type {
                case RecordType.bof:
                    depth += 1
                    continue
                case RecordType.eof:
                    depth -= 1
                default:
                    break
                }
                if depth <= 0 { break }
                // Charts embedded in the sheet are substreams of their own.
                guard depth == 1 else { continue }
                switch record.type {
                case RecordType.labelSST:
                    let (row, column, _) = (try cursor.u16(), try cursor.u16(), try cursor.u16())
                    let index = Int(try cursor.u32())
                    guard index < sharedStrings.count else { throw BIFFDamage(reason: "a cell refers to shared string \(index) of \(sharedStrings.count)") }
                    try store(row, column, Worksheet.Cell(text: sharedStrings[index], isNumber: false))
                case RecordType.label, RecordType.rString:
                    let (row, column, _) = (try cursor.u16(), try cursor.u16(), try cursor.u16())
                    try store(row, column, Worksheet.Cell(text: try cursor.string(countBytes: 2), isNumber: false))
                case RecordType.number:
                    let (row, column, format) = (try cursor.u16(), try cursor.u16(), try cursor.u16())
                    let value = Double(bitPattern: try cursor.u64())
                    guard value.isFinite else { throw BIFFDamage(reason: "a number cell that is not a number") }
                    try store(row, column, number(value, format: format))
                case RecordType.rk:
                    let (row, column, format) = (try cursor.u16(), try cursor.u16(), try cursor.u16())
                    try store(row, column, number(Self.rk(try cursor.u32()), format: format))
                case RecordType.mulRK:
                    let row = try cursor.u16(), first = try cursor.u16()
                    let count = (record.data.count - 6) / 6
                    for k in 0..<count {
                        let format = try cursor.u16()
                        try store(row, first &+ UInt16(truncatingIfNeeded: k), number(Self.rk(try cursor.u32()), format: format))
                    }
                case RecordType.formula:
                    let (row, column, format) = (try cursor.u16(), try cursor.u16(), try cursor.u16())
                    let result = try cursor.u64()
                    if result >> 48 != 0xFFFF {
                        let value = Double(bitPattern: result)
                        if value.isFinite { try store(row, column, number(value, format: format)) }
                    } else {
                        switch result & 0xFF {
                        case 0: pendingFormula = (Int(row), Int(column))  // the text follows in a STRING record
                        case 1: try store(row, column, Worksheet.Cell(text: (result >> 16) & 0xFF == 0 ? "FALSE" : "TRUE", isNumber: false))
                        case 2: try store(row, column, Worksheet.Cell(text: Self.errorText(UInt8((result >> 16) & 0xFF)), isNumber: false))
                        default: continue  // an empty string
                        }
                    }
                case RecordType.string:
                    if let target = pendingFormula {
                        try store(UInt16(target.row), UInt16(target.column), Worksheet.Cell(text: try cursor.string(countBytes: 2), isNumber: false))
                    }
                    pendingFormula = nil
                case RecordType.boolErr:
                    let (row, column, _) = (try cursor.u16(), try cursor.u16(), try cursor.u16())
                    let (value, isError) = (try cursor.u8(), try cursor.u8())
                    try store(row, column, Worksheet.Cell(text: isError != 0 ? Self.errorText(value) : value == 0 ? "FALSE" : "TRUE", isNumber: false))
                case RecordType.mergedCells:
                    let count = Int(try cursor.u16())
                    for _ in 0..<count {
                        let (top, bottom, left, right) = (Int(try cursor.u16()), Int(try cursor.u16()), Int(try cursor.u16()), Int(try cursor.u16()))
                        if top <= bottom && left <= right { merges.append(((top + 1)...(bottom + 1), (left + 1)...(right + 1))) }
                    }
                default:
                    continue
                }
            }
        } catch {
            throw .unreadable(path: displayName, reason: "a damaged .xls sheet (\(error.reason))")
        }
        return Worksheet(name: name, displayName: displayName, rows: rows, merges: merges)
    }

    /// A number in the compact RK form: 30 bits of an integer or of a double's high word, maybe
    /// divided by 100 ([MS-XLS] 2.5.217).
    static func rk(_ raw: UInt32) -> Double {
        let value = raw & 0x02 != 0 ? Double(Int32(bitPattern: raw) >> 2) : Double(bitPattern: UInt64(raw & 0xFFFF_FFFC) << 32)
        return raw & 0x01 != 0 ? value / 100 : value
    }

    /// The text Excel shows for an error value.
    static func errorText(_ code: UInt8) -> String {
        switch code {
        case 0x00: return "#NULL!"
        case 0x07: return "#DIV/0!"
        case 0x0F: return "#VALUE!"
        case 0x17: return "#REF!"
        case 0x1D: return "#NAME?"
        case 0x24: return "#NUM!"
        default: return "#N/A"
        }
    }

    /// The bytes of a regular file no larger than `limit`.
    private static func read(_ path: String, limit: Int) throws(DataError) -> [UInt8] {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch { throw .fileNotFound(path: path) }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw .unreadable(path: path, reason: "not a regular file") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else { throw .tooLarge(path: path, reason: "the workbook is \(size >> 20) MiB, more than \(limit >> 20) MiB") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "cannot read the file") }
        return [UInt8](data)
    }
}
