import Foundation

/// A forgiving view of a parsed JSON value: missing keys, `null` and values of an unexpected type all read
/// as absent, and numbers and strings convert into each other where that is unambiguous (with Foundation's
/// rules for numbers).
struct CTGovLooseJSON {
    let tree: JSONTree?

    init(_ tree: JSONTree?) {
        if case .null = tree {
            self.tree = nil
        } else {
            self.tree = tree
        }
    }

    /// A view of a `JSONSerialization` value (for documents only Foundation reads).
    init(foundation value: Any?) {
        self.init(Self.tree(of: value))
    }

    /// The member `key` of an object; absent for anything else.
    subscript(_ key: String) -> CTGovLooseJSON {
        guard case .object(let members) = tree else { return CTGovLooseJSON(nil) }
        return CTGovLooseJSON(members[key])
    }

    /// The value at a dotted path of object members (`"statusModule.startDateStruct.date"`).
    subscript(path path: String) -> CTGovLooseJSON {
        var current = self
        for key in path.split(separator: ".") { current = current[String(key)] }
        return current
    }

    var isObject: Bool {
        if case .object = tree { return true }
        return false
    }

    var isArray: Bool {
        if case .array = tree { return true }
        return false
    }

    /// The object's keys, sorted; empty for anything else.
    var keys: [String] {
        guard case .object(let members) = tree else { return [] }
        return members.keys.sorted()
    }

    /// The items of an array; empty for anything else.
    var array: [CTGovLooseJSON] {
        guard case .array(let items) = tree else { return [] }
        return items.map { CTGovLooseJSON($0) }
    }

    /// A string, or a number written as one.
    var string: String? {
        switch tree {
        case .string(let string): return string
        case .number(let literal): return Self.number(literal)?.stringValue
        default: return nil
        }
    }

    /// An integer, from a whole number or a string holding one.
    var int: Int? {
        switch tree {
        case .number(let literal):
            guard let number = Self.number(literal) else { return nil }
            let double = number.doubleValue
            return double.rounded() == double && abs(double) < 1e15 ? Int(double) : nil
        case .string(let string): return Int(string.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A boolean, from `true`/`false` (or a number Foundation reads as one).
    var bool: Bool? {
        switch tree {
        case .bool(let value): return value
        case .number(let literal): return Self.number(literal).flatMap { ($0 as Any) as? Bool }
        default: return nil
        }
    }

    /// The strings of an array of strings (other items skipped).
    var strings: [String] { array.compactMap(\.string) }

    /// What kind of value this is, for messages: string, number or boolean, array, null, value.
    var kind: String {
        switch tree {
        case .string: return "string"
        case .number, .bool: return "number or boolean"
        case .array: return "array"
        case nil, .null: return "null"
        case .object: return "value"
        }
    }

    /// The number Foundation makes of a JSON number literal.
    private static func number(_ literal: String) -> NSNumber? {
        try? JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed]) as? NSNumber
    }

    /// The tree of a `JSONSerialization` value.
    private static func tree(of value: Any?) -> JSONTree? {
        guard let value, type(of: value) != NSNull.self else { return nil }
        if let string = value as? String { return .string(string) }
        if type(of: value) is NSNumber.Type, let number = value as? NSNumber {
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number(number.stringValue)
        }
        if let items = value as? [Any] { return .array(items.map { tree(of: $0) ?? .null }) }
        if let members = value as? [String: Any] { return .object(members.mapValues { tree(of: $0) ?? .null }) }
        return nil
    }
}
