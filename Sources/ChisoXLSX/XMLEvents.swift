import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams the elements of an XML document: `start` with each element's name and attributes,
/// `end` with its name and the text directly inside it.
final class XMLEvents: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) -> Void
    private let end: (String, String) -> Void
    private var text = ""

    private init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String, String) -> Void) {
        self.start = start
        self.end = end
    }

    /// Parses `data`; returns false when the XML is malformed.
    static func parse(_ data: Data, start: @escaping (String, [String: String]) -> Void, end: @escaping (String, String) -> Void = { _, _ in }) -> Bool {
        let events = XMLEvents(start: start, end: end)
        let parser = XMLParser(data: data)
        parser.delegate = events
        return parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
        start(name, attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        end(name, text)
        text = ""
    }
}
