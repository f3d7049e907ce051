import ChisoCore
import ChisoNumerics
import Foundation
import Mustache

/// A report template: Markdown with Mustache tags (`{{key}}`, `{{#key}}…{{/key}}` shown when the
/// key has a value, `{{^key}}…{{/key}}` when it has none). Rendered as text, without HTML
/// escaping; the Markdown is turned into HTML or Word after. Mustache is the template language
/// every reporting tool knows, with a specification a province's own form can be written
/// against; the swift-mustache library implements it (docs/reports.md).
public struct ReportTemplate: Sendable {
    public let name: String
    let text: String
    let template: MustacheTemplate

    public init(name: String, text: String) throws {
        self.name = name
        self.text = text
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch {
            throw ReportError.badTemplate(name: name, reason: "\(error)")
        }
    }

    /// A template file.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !FileManager.default.fileExists(atPath: path) { throw DataError.fileNotFound(path: path) }
            throw DataError.unreadable(path: path, reason: "cannot be read")
        }
        try self.init(name: path, text: String(decoding: data, as: UTF8.self))
    }

    static let tag = try! NSRegularExpression(pattern: #"\{\{\{?\s*([#^/&]?)\s*([^}\s]+)\s*\}?\}\}"#)

    /// The keys the template names (the first part of a dotted name).
    public var keys: [String] {
        let ns = text as NSString
        var keys: [String] = []
        for match in Self.tag.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: match.range(at: 2))
            if name == "." || name.hasPrefix("!") || name.hasPrefix("%") || name.hasPrefix(">") { continue }
            let key = String(name.split(separator: ".").first ?? Substring(name))
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// The text for `values`; a key the template names that `known` does not have is an error
    /// listing the known ones.
    public func render(_ values: [String: Any], known: [String]) throws -> String {
        let unknown = keys.filter { !known.contains($0) }
        if !unknown.isEmpty { throw ReportError.unknownKeys(template: name, keys: unknown, known: known.sorted()) }
        return template.render(values)
    }
}

/// A report that cannot be written.
public enum ReportError: ReportableError, Equatable {
    case badTemplate(name: String, reason: String)
    case unknownKeys(template: String, keys: [String], known: [String])
    case noRow(unit: String, period: String, available: [String])
    case noValue(unit: String, indicator: String, year: String)
    case templatesNotFound(searched: [String])

    public var description: String {
        switch self {
        case let .badTemplate(name, reason):
            return "\(name): not a Mustache template: \(reason)"
        case let .unknownKeys(template, keys, known):
            return "\(template): unknown keys \(keys.joined(separator: ", ")); the report knows: \(known.joined(separator: ", "))"
        case let .noRow(unit, period, available):
            return "no dossier figures for \(unit) in \(period); the file has: \(available.joined(separator: ", "))"
        case let .noValue(unit, indicator, year):
            return "\(unit) has no \(indicator) value for \(year)"
        case let .templatesNotFound(searched):
            return "the report templates were not found (looked in \(searched.joined(separator: ", ")))"
        }
    }
}
