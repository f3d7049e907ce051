import ChisoCore
import Foundation
import ZIPFoundation

/// An Office Open XML workbook (`.xlsx`): its sheets, read as grids of cell text.
public struct XLSXWorkbook: WorkbookFile {
    public let path: String
    /// Sheet names in workbook order.
    public let sheetNames: [String]
    private let sheetTargets: [String]
    private let archive: Archive
    private let limits: WorkbookLimits
    private let sharedStrings: [String]
    /// Indices of cell styles whose number format is a date.
    private let dateStyles: Set<Int>

    /// Opens the workbook at `path`, inflating no part beyond `limits`.
    public init(path: String, limits: WorkbookLimits = WorkbookLimits()) throws(DataError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        try ZIPDirectoryCheck.validate(path: path)
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw .unreadable(path: path, reason: "not an .xlsx workbook (not a zip archive)")
        }
        self.path = path
        self.archive = archive
        self.limits = limits
        func entry(_ name: String) throws(DataError) -> Data? { try Self.unpack(name, from: archive, path: path, limits: limits) }
        func parse(_ data: Data, _ part: String, start: (String, [String: String]) -> Void,
                   end: (String, String) -> Void = { _, _ in }) throws(DataError) {
            do throws(XMLSyntaxError) { try XMLEvents.parse(data, start: start, end: end) } catch {
                throw .unreadable(path: path, reason: "\(part) is malformed: \(error)")
            }
        }
        guard let workbook = try entry("xl/workbook.xml"), let rels = try entry("xl/_rels/workbook.xml.rels") else {
            throw .unreadable(path: path, reason: "not an .xlsx workbook (no xl/workbook.xml)")
        }
        var targets: [String: String] = [:]
        try parse(rels, "xl/_rels/workbook.xml.rels", start: { name, attributes in
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        })
        var names: [String] = [], files: [String] = []
        try parse(workbook, "xl/workbook.xml", start: { name, attributes in
            // The relationship id is r:id, whatever prefix the workbook gives its namespace.
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
            guard name == "sheet", let sheetName = attributes["name"], let id, let target = targets[id] else { return }
            names.append(sheetName)
            files.append(target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        })
        sheetNames = names
        sheetTargets = files
        var strings: [String] = []
        if let data = try entry("xl/sharedStrings.xml") {
            // A shared string is the text of all its runs (<t> elements) inside one <si>, without
            // the phonetic guides (<rPh>) some East Asian workbooks add.
            var current = ""
            var phonetic = false
            try parse(data, "xl/sharedStrings.xml", start: { name, _ in
                if name == "si" { current = "" }
                if name == "rPh" { phonetic = true }
            }, end: { name, text in
                if name == "t" && !phonetic { current += text }
                if name == "rPh" { phonetic = false }
                if name == "si" { strings.append(current) }
            })
        }
        sharedStrings = strings
        var styles: Set<Int> = []
        if let data = try entry("xl/styles.xml") {
            do throws(XMLSyntaxError) { styles = try Self.dateStyles(data) } catch {
                throw .unreadable(path: path, reason: "xl/styles.xml is malformed: \(error)")
            }
        }
        dateStyles = styles
    }

    /// The sheet at 0-based `index` of `sheetNames`.
    public func sheet(at index: Int) throws(DataError) -> Worksheet {
        guard let data = try Self.unpack(sheetTargets[index], from: archive, path: path, limits: limits, naming: "sheet '\(sheetNames[index])'") else {
            throw .emptyFile(file: path)
        }
        return try Worksheet(xlsxData: data, name: sheetNames[index], workbook: path, sharedStrings: sharedStrings, dateStyles: dateStyles)
    }

    /// The bytes of the archive entry `name`, or nil when the workbook has no such part; an
    /// entry that cannot be unpacked, or inflates beyond `limits`, is an error naming it (or
    /// `naming`, said to the user).
    static func unpack(_ name: String, from archive: Archive, path: String, limits: WorkbookLimits, naming: String? = nil) throws(DataError) -> Data? {
        guard let item = archive[name] else { return nil }
        let part = naming ?? name
        let compressed = max(1, Int(clamping: item.compressedSize))
        var data = Data()
        var exceeded: String?
        do {
            _ = try archive.extract(item, skipCRC32: true) { chunk in
                data.append(chunk)
                if data.count > limits.maximumPartBytes {
                    exceeded = "\(part) inflates beyond \(limits.maximumPartBytes >> 20) MiB"
                } else if data.count > 16 << 20, data.count / compressed > limits.maximumRatio {
                    exceeded = "\(part) inflates more than \(limits.maximumRatio) times its compressed size, like a zip bomb"
                }
                if exceeded != nil { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            if let exceeded { throw .tooLarge(path: path, reason: exceeded) }
            throw .unreadable(path: path, reason: "cannot unpack \(part)")
        }
        return data
    }

    /// Cell style indices (`cellXfs`) whose number format shows a date: the built-in ids 14–22 and
    /// 45–47, or a custom format with day, month or year codes outside quotes.
    static func dateStyles(_ styles: Data) throws(XMLSyntaxError) -> Set<Int> {
        var customDates: Set<Int> = []
        var inCellXfs = false
        var position = 0
        var result: Set<Int> = []
        try XMLEvents.parse(styles, start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], isDateFormat(code) { customDates.insert(id) }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs:
                if let id = attributes["numFmtId"].flatMap(Int.init), (14...22).contains(id) || (45...47).contains(id) || customDates.contains(id) {
                    result.insert(position)
                }
                position += 1
            default: break
            }
        }, end: { name, _ in if name == "cellXfs" { inCellXfs = false } })
        return result
    }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "d", "m", "y": if !inQuotes && !inBrackets { return true }
            default: continue
            }
        }
        return false
    }
}
