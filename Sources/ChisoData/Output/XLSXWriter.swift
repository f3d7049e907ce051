import Foundation
import ZIPFoundation

/// Writes a `Table` as an `.xlsx` workbook: the title in the first row, the headers in the
/// output language on the third, one row per table row with numbers as numeric cells in full
/// precision and missing values as empty cells, and the footnotes on a second sheet — a layout
/// that `--sheet 1` reads back as a table.
public struct XLSXWriter: Sendable {
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    /// The workbook's bytes.
    public func workbook(_ table: Table) throws(DataError) -> Data {
        let table = table.keeping(.screenOnly)
        var rows: [[XMLCell]] = []
        rows.append([.text(table.title?.text(language) ?? "")])
        rows.append([])
        rows.append(table.columns.map { .text($0.header.text(language)) })
        for row in table.rows {
            rows.append(row.map { cell in
                switch cell {
                case let .text(s): return .text(s)
                case let .localized(t): return .text(t.text(language))
                case let .number(x, _): return x.isFinite ? .number(x) : .empty
                case let .integer(n): return .number(Double(n))
                case .missing: return .empty
                }
            })
        }
        let notes = table.footnotes.map { [XMLCell.text($0.text(language))] }
        let sheetNames = language == .vi ? ["Bảng", "Ghi chú"] : ["Table", "Notes"]
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                <sheet name="\(xmlEscaped(sheetNames[0]))" sheetId="1" r:id="rId1"/><sheet name="\(xmlEscaped(sheetNames[1]))" sheetId="2" r:id="rId2"/>\
                </sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\
                </Relationships>
                """),
            ("xl/worksheets/sheet1.xml", sheetXML(rows)),
            ("xl/worksheets/sheet2.xml", sheetXML(notes)),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw DataError.unreadable(path: "<xlsx>", reason: "the workbook could not be assembled") }
            return data
        } catch let error as DataError {
            throw error
        } catch {
            throw .unreadable(path: "<xlsx>", reason: "the workbook could not be assembled: \(error)")
        }
    }

    private enum XMLCell {
        case text(String), number(Double), empty
    }

    private func sheetXML(_ rows: [[XMLCell]]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in rows.enumerated() where !row.isEmpty {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let reference = XLSXSheet.columnName(c + 1) + String(r + 1)
                switch cell {
                case let .text(s): xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlEscaped(s))</t></is></c>"
                case let .number(x): xml += "<c r=\"\(reference)\"><v>\(XLSXSheet.decimal(x))</v></c>"
                case .empty: continue
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }
}
