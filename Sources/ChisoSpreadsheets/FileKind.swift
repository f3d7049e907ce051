import ChisoCore
import Foundation
import ZIPFoundation

/// What a file is, by its first bytes and, for a ZIP archive, by its parts — never by its name:
/// a downloaded `.xls` is often an HTML page, and a `.xlsx` may be a Word document renamed.
public enum FileKind: Sendable, Equatable {
    /// Text: CSV or anything else that is not one of the formats below.
    case text
    /// An Office Open XML workbook.
    case xlsx
    /// A compound file (OLE2): an Excel 97–2003 workbook, or a Word/PowerPoint 97–2003 document
    /// (told apart when its streams are read).
    case compoundFile
    case openDocumentSpreadsheet
    case wordDocument
    case presentation
    case otherZip
    /// A ZIP archive whose directory does not hold together (a damaged download, a hostile file).
    case damagedZip(reason: String)
    case pdf
    case html
    /// The XML Spreadsheet of Excel 2003 (`<?xml …?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`).
    case excelXML

    /// The kind of the file at `path`. Only the first kilobyte is read, and a ZIP archive's
    /// directory; a file that cannot be opened is `.text`, left to the reader to report.
    public static func detect(path: String) -> FileKind {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .text }
        let head = (try? handle.read(upToCount: 1024)).map { [UInt8]($0) } ?? []
        try? handle.close()
        let kind = detect(prefix: head)
        guard kind == .otherZip else { return kind }
        return zipKind(path: path)
    }

    /// The kind by the first bytes alone; a ZIP archive is `.otherZip` until its parts are read.
    public static func detect(prefix: [UInt8]) -> FileKind {
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .otherZip }
        if prefix.starts(with: CompoundFile.signature) { return .compoundFile }
        if prefix.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // Markup after an optional byte-order mark and white space.
        var start = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < prefix.count, [0x20, 0x09, 0x0A, 0x0D].contains(prefix[start]) { start += 1 }
        guard start < prefix.count, prefix[start] == 0x3C else { return .text }
        let head = String(decoding: prefix[start...], as: UTF8.self).lowercased()
        if head.contains("urn:schemas-microsoft-com:office:spreadsheet") { return .excelXML }
        if head.hasPrefix("<!doctype html") || head.contains("<html") || head.contains("<table") { return .html }
        return .text
    }

    private static func zipKind(path: String) -> FileKind {
        do throws(DataError) { try ZIPDirectoryCheck.validate(path: path) } catch {
            if case let .unreadable(_, reason) = error { return .damagedZip(reason: reason) }
            return .damagedZip(reason: error.description)
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch { return .damagedZip(reason: "not a readable zip archive") }
        if archive["xl/workbook.xml"] != nil { return .xlsx }
        if archive["word/document.xml"] != nil { return .wordDocument }
        if archive["ppt/presentation.xml"] != nil { return .presentation }
        if let entry = archive["mimetype"], entry.uncompressedSize < 200 {
            var text = Data()
            _ = try? archive.extract(entry, skipCRC32: true) { text.append($0) }
            if String(decoding: text, as: UTF8.self).contains("opendocument.spreadsheet") { return .openDocumentSpreadsheet }
        }
        return .otherZip
    }

    /// Whether chiso reads the file as a workbook.
    /// A damaged ZIP archive counts: opening it says what is damaged.
    public var isWorkbook: Bool {
        if case .damagedZip = self { return true }
        return self == .xlsx || self == .compoundFile
    }

    /// For a kind that is neither text nor a workbook: what the file is, and what to do.
    public var refusal: (what: String, advice: String)? {
        switch self {
        case .text, .xlsx, .compoundFile: return nil
        case .openDocumentSpreadsheet: return ("an OpenDocument spreadsheet (.ods)", "save it as .xlsx or CSV from LibreOffice")
        case .wordDocument: return ("a Word document (.docx)", "copy the table into a spreadsheet, or save it as .xlsx or CSV")
        case .presentation: return ("a PowerPoint presentation (.pptx)", "copy the table into a spreadsheet")
        case .otherZip: return ("a ZIP archive that is not a workbook", "unpack it and give the .csv or .xlsx file inside")
        case let .damagedZip(reason): return ("a damaged ZIP archive (\(reason))", "download or copy the file again")
        case .pdf: return ("a PDF document", "get the table as .xlsx or CSV, or copy it into a spreadsheet")
        case .html: return ("an HTML page (often what a portal's \"Excel\" download really is)", "open it in Excel or LibreOffice and save it as .xlsx")
        case .excelXML: return ("an Excel 2003 XML spreadsheet", "open it in Excel or LibreOffice and save it as .xlsx")
        }
    }
}
