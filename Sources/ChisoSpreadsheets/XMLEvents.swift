import Foundation

/// Why an XML part of a workbook cannot be read.
struct XMLSyntaxError: Error, CustomStringConvertible {
    let reason: String
    /// 1-based line of the part where reading stopped.
    let line: Int

    var description: String { "\(reason) (line \(line) of the part)" }
}

/// Streams the elements of the XML parts of a workbook: `start` with each element's local name
/// (without a namespace prefix) and its attributes (qualified names as written), `end` with the
/// local name and the text directly inside it since the last start or end tag.
///
/// Written for SpreadsheetML rather than taken from Foundation's `XMLParser`, which on Linux traps
/// on element names that are not UTF-8 and skips an entity it does not know while reporting the
/// text around it, so that later strings shift. Here the document must be UTF-8; the five
/// predefined entities and character references are decoded and any other entity is an error;
/// a document type declaration is refused (no entity expansion, so no expansion bombs); every
/// end tag must match its start tag. Time and memory are linear in the part's size.
enum XMLEvents {
    static func parse(_ data: Data, start: (String, [String: String]) -> Void,
                      end: (String, String) -> Void = { _, _ in }) throws(XMLSyntaxError) {
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw XMLSyntaxError(reason: "the part is not UTF-8", line: 1)
        }
        var scanner = Scanner(bytes: bytes)
        try scanner.run(start: start, end: end)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var line = 1
        var open: [String] = []
        var text: [UInt8] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        func failure(_ reason: String) -> XMLSyntaxError { XMLSyntaxError(reason: reason, line: line) }

        mutating func run(start: (String, [String: String]) -> Void, end: (String, String) -> Void) throws(XMLSyntaxError) {
            while position < bytes.count {
                let byte = bytes[position]
                if byte != 0x3C {  // text up to the next '<'
                    if byte == 0x26 { try appendEntity() } else { appendText(byte) }
                    continue
                }
                if matches("<?") {
                    try skip(past: "?>")
                } else if matches("<!--") {
                    try skip(past: "-->")
                } else if matches("<![CDATA[") {
                    position += 9
                    let close = try find("]]>")
                    for index in position..<close { appendText(bytes[index]) }
                    position = close + 3
                } else if matches("<!") {
                    throw failure("a document type declaration is not allowed in a workbook part")
                } else if matches("</") {
                    position += 2
                    let name = try readName()
                    skipSpace()
                    guard position < bytes.count, bytes[position] == 0x3E else { throw failure("end tag </\(name)> is not closed") }
                    position += 1
                    guard let expected = open.popLast(), expected == name else {
                        throw failure("end tag </\(name)> does not match the open element\(open.last.map { " <\($0)>" } ?? "")")
                    }
                    end(localName(name), flushText())
                } else {
                    position += 1
                    let name = try readName()
                    let attributes = try readAttributes()
                    text.removeAll(keepingCapacity: true)
                    start(localName(name), attributes)
                    if matches("/>") {
                        position += 2
                        end(localName(name), "")
                    } else if position < bytes.count, bytes[position] == 0x3E {
                        position += 1
                        open.append(name)
                    } else {
                        throw failure("start tag <\(name)> is not closed")
                    }
                }
            }
            if let unclosed = open.last { throw failure("element <\(unclosed)> is never closed") }
        }

        mutating func appendText(_ byte: UInt8) {
            if byte == 0x0A { line += 1 }
            text.append(byte)
            position += 1
        }

        mutating func flushText() -> String {
            defer { text.removeAll(keepingCapacity: true) }
            return String(decoding: text, as: UTF8.self)
        }

        func matches(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            let start = literal.utf8Start
            for k in 0..<count where bytes[position + k] != start[k] { return false }
            return true
        }

        /// The position of the next `literal` at or after the current position.
        func find(_ literal: StaticString) throws(XMLSyntaxError) -> Int {
            var probe = self
            while probe.position < bytes.count {
                if probe.matches(literal) { return probe.position }
                probe.position += 1
            }
            throw failure("'\(literal)' expected before the end of the part")
        }

        mutating func skip(past literal: StaticString) throws(XMLSyntaxError) {
            let target = try find(literal) + literal.utf8CodeUnitCount
            line += bytes[position..<target].filter { $0 == 0x0A }.count
            position = target
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[position]) {
                if bytes[position] == 0x0A { line += 1 }
                position += 1
            }
        }

        /// An element or attribute name: up to space, '=', '/', '>'.
        mutating func readName() throws(XMLSyntaxError) -> String {
            let first = position
            while position < bytes.count, ![0x20, 0x09, 0x0D, 0x0A, 0x3D, 0x2F, 0x3E, 0x3C, 0x22, 0x27].contains(bytes[position]) {
                position += 1
            }
            guard position > first else { throw failure("a name is expected") }
            return String(decoding: bytes[first..<position], as: UTF8.self)
        }

        mutating func readAttributes() throws(XMLSyntaxError) -> [String: String] {
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard position < bytes.count else { throw failure("a tag is not closed before the end of the part") }
                if bytes[position] == 0x3E || matches("/>") { return attributes }
                let name = try readName()
                skipSpace()
                guard position < bytes.count, bytes[position] == 0x3D else { throw failure("attribute \(name) has no value") }
                position += 1
                skipSpace()
                guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else { throw failure("attribute \(name) is not quoted") }
                let quote = bytes[position]
                position += 1
                let saved = text
                text.removeAll(keepingCapacity: true)
                while position < bytes.count, bytes[position] != quote {
                    if bytes[position] == 0x3C { throw failure("'<' inside the value of attribute \(name)") }
                    if bytes[position] == 0x26 { try appendEntity() } else { appendText(bytes[position]) }
                }
                guard position < bytes.count else { throw failure("the value of attribute \(name) is not closed") }
                position += 1
                attributes[name] = flushText()
                text = saved
            }
        }

        /// Decodes `&name;` or `&#N;` / `&#xH;` at the current position into the text.
        mutating func appendEntity() throws(XMLSyntaxError) {
            let first = position + 1
            var semicolon = first
            while semicolon < bytes.count, semicolon - first <= 10, bytes[semicolon] != 0x3B { semicolon += 1 }
            guard semicolon < bytes.count, bytes[semicolon] == 0x3B else { throw failure("'&' that does not start an entity") }
            let name = String(decoding: bytes[first..<semicolon], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch name {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
                } else {
                    throw failure("unknown entity &\(name);")
                }
            }
            guard let scalar else { throw failure("character reference &\(name); is not a character") }
            text.append(contentsOf: Array(String(scalar).utf8))
            position = semicolon + 1
        }

        func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
