import ChisoCore
import Foundation
import ZIPFoundation

/// An Office Open XML workbook (`.xlsx`): its sheets, read as grids of cell text.
public struct XLSXWorkbook {
    public let path: String
    /// Sheet names in workbook order.
    public let sheetNames: [String]
    private let sheetTargets: [String]
    private let archive: Archive
    private let sharedStrings: [String]
    /// Indices of cell styles whose number format is a date.
    private let dateStyles: Set<Int>

    /// Opens the workbook at `path`.
    public init(path: String) throws(DataError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw .unreadable(path: path, reason: "not an .xlsx workbook (not a zip archive)")
        }
        self.path = path
        self.archive = archive
        func entry(_ name: String) throws(DataError) -> Data? { try Self.unpack(name, from: archive, path: path) }
        guard let workbook = try entry("xl/workbook.xml"), let rels = try entry("xl/_rels/workbook.xml.rels") else {
            throw .unreadable(path: path, reason: "not an .xlsx workbook (no xl/workbook.xml)")
        }
        var targets: [String: String] = [:]
        _ = XMLEvents.parse(rels, start: { name, attributes in
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        })
        var names: [String] = [], files: [String] = []
        _ = XMLEvents.parse(workbook, start: { name, attributes in
            guard name == "sheet", let sheetName = attributes["name"], let id = attributes["r:id"], let target = targets[id] else { return }
            names.append(sheetName)
            files.append(target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        })
        sheetNames = names
        sheetTargets = files
        var strings: [String] = []
        if let data = try entry("xl/sharedStrings.xml") {
            // A shared string is the text of all its runs (<t> elements) inside one <si>.
            var current = ""
            _ = XMLEvents.parse(data, start: { name, _ in if name == "si" { current = "" } }, end: { name, text in
                if name == "t" { current += text }
                if name == "si" { strings.append(current) }
            })
        }
        sharedStrings = strings
        dateStyles = try entry("xl/styles.xml").map(Self.dateStyles) ?? []
    }

    /// The sheet named `selector`, or at 1-based position `selector`, or the first.
    public func sheet(_ selector: String?) throws(DataError) -> XLSXSheet {
        var index = 0
        if let selector {
            if let found = sheetNames.firstIndex(of: selector) {
                index = found
            } else if let position = Int(selector), (1...sheetNames.count).contains(position) {
                index = position - 1
            } else {
                throw .unreadable(path: path, reason: "no sheet '\(selector)'; its sheets are \(sheetNames.map { "'\($0)'" }.joined(separator: ", "))")
            }
        }
        guard sheetNames.indices.contains(index), let data = try Self.unpack(sheetTargets[index], from: archive, path: path, naming: "sheet '\(sheetNames[index])'") else {
            throw .emptyFile(file: path)
        }
        return try XLSXSheet(data: data, name: sheetNames[index], workbook: path, sharedStrings: sharedStrings, dateStyles: dateStyles)
    }

    /// The bytes of the archive entry `name`, or nil when the workbook has no such part; an
    /// entry that cannot be unpacked is an error naming it (or `naming`, said to the user).
    private static func unpack(_ name: String, from archive: Archive, path: String, naming: String? = nil) throws(DataError) -> Data? {
        guard let item = archive[name] else { return nil }
        var data = Data()
        do { _ = try archive.extract(item, skipCRC32: true) { data.append($0) } } catch {
            throw .unreadable(path: path, reason: "cannot unpack \(naming ?? name)")
        }
        return data
    }

    /// Cell style indices (`cellXfs`) whose number format shows a date: the built-in ids 14–22 and
    /// 45–47, or a custom format with day, month or year codes outside quotes.
    static func dateStyles(_ styles: Data) -> Set<Int> {
        var customDates: Set<Int> = []
        var inCellXfs = false
        var position = 0
        var result: Set<Int> = []
        _ = XMLEvents.parse(styles, start: { name, attributes in
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
