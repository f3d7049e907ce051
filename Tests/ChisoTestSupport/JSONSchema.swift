import Foundation

/// A JSON document as a tree.
package indirect enum JSONValue: Decodable, Equatable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let n = try? container.decode(Double.self) { self = .number(n) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Parses JSON text (on a thread with a large stack: schemas nest deeply).
    package static func parse(_ text: String) throws -> JSONValue {
        try onLargeStack { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
    }

    package subscript(_ key: String) -> JSONValue? {
        if case let .object(members) = self { return members[key] }
        return nil
    }
}

/// Validates JSON against a draft-07 JSON Schema, for the keywords the Vega-Lite v5 schema uses:
/// $ref (local), anyOf, enum, const, type, properties, additionalProperties, required, items,
/// minimum, maximum, minItems, maxItems, minLength, maxLength, minProperties (format is ignored).
package struct JSONSchemaValidator: Sendable {
    let root: JSONValue

    package init(schema: JSONValue) {
        root = schema
    }

    /// The first violations found (empty when `instance` is valid), each with its JSON path.
    package func errors(_ instance: JSONValue) -> [String] {
        (try? onLargeStack {
            var found: [String] = []
            check(instance, against: root, path: "$", errors: &found)
            return found
        }) ?? ["the validation did not run"]
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key.removingPercentEncoding ?? key] else { return nil }
            node = next
        }
        return node
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, errors: inout [String]) {
        guard case let .object(rules) = schema else { return }
        if case let .string(reference)? = rules["$ref"] {
            guard let target = resolve(reference) else { errors.append("\(path): unresolved \(reference)"); return }
            check(value, against: target, path: path, errors: &errors)
        }
        if case let .array(options)? = rules["anyOf"] {
            let valid = options.contains { option in
                var trial: [String] = []
                check(value, against: option, path: path, errors: &trial)
                return trial.isEmpty
            }
            if !valid { errors.append("\(path): matches none of anyOf") }
        }
        if case let .array(allowed)? = rules["enum"], !allowed.contains(value) { errors.append("\(path): not in enum") }
        if let constant = rules["const"], constant != value { errors.append("\(path): not the constant") }
        if let type = rules["type"] {
            let types: [String]
            switch type {
            case let .string(t): types = [t]
            case let .array(ts): types = ts.compactMap { if case let .string(t) = $0 { return t } else { return nil } }
            default: types = []
            }
            if !types.contains(where: { matches(value, type: $0) }) { errors.append("\(path): not of type \(types.joined(separator: "|"))") }
        }
        switch value {
        case let .object(members):
            if case let .object(properties)? = rules["properties"] {
                for (key, member) in members { if let rule = properties[key] { check(member, against: rule, path: path + "." + key, errors: &errors) } }
            }
            let declared: Set<String> = { if case let .object(p)? = rules["properties"] { return Set(p.keys) } else { return [] } }()
            switch rules["additionalProperties"] {
            case .bool(false)?:
                for key in members.keys where !declared.contains(key) { errors.append("\(path): unexpected property '\(key)'") }
            case let extra? where extra != .bool(true):
                for (key, member) in members where !declared.contains(key) { check(member, against: extra, path: path + "." + key, errors: &errors) }
            default: break
            }
            if case let .array(required)? = rules["required"] {
                for case let .string(key) in required where members[key] == nil { errors.append("\(path): missing '\(key)'") }
            }
            if case let .number(minimum)? = rules["minProperties"], Double(members.count) < minimum { errors.append("\(path): too few properties") }
        case let .array(items):
            if let rule = rules["items"] { for (i, item) in items.enumerated() { check(item, against: rule, path: "\(path)[\(i)]", errors: &errors) } }
            if case let .number(minimum)? = rules["minItems"], Double(items.count) < minimum { errors.append("\(path): too few items") }
            if case let .number(maximum)? = rules["maxItems"], Double(items.count) > maximum { errors.append("\(path): too many items") }
        case let .number(x):
            if case let .number(minimum)? = rules["minimum"], x < minimum { errors.append("\(path): below minimum") }
            if case let .number(maximum)? = rules["maximum"], x > maximum { errors.append("\(path): above maximum") }
        case let .string(s):
            if case let .number(minimum)? = rules["minLength"], Double(s.count) < minimum { errors.append("\(path): too short") }
            if case let .number(maximum)? = rules["maxLength"], Double(s.count) > maximum { errors.append("\(path): too long") }
        default: break
        }
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (value, type) {
        case (.null, "null"), (.bool, "boolean"), (.number, "number"), (.string, "string"), (.array, "array"), (.object, "object"): return true
        case let (.number(x), "integer"): return x == x.rounded()
        default: return false
        }
    }
}

/// Runs `body` on a thread with a 256 MB stack and waits for it: recursion over the Vega-Lite
/// schema's nested references overflows the default stack of a test thread.
func onLargeStack<T>(_ body: @escaping () throws -> T) throws -> T {
    nonisolated(unsafe) var result: Result<T, any Error>?
    nonisolated(unsafe) let work = body
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result = Result { try work() }
        done.signal()
    }
    thread.stackSize = 256 << 20
    thread.start()
    done.wait()
    return try result!.get()
}
