import Foundation

/// A forgiving view of a `JSONSerialization` value: missing keys, `null` and values of an unexpected type
/// all read as absent, and numbers and strings convert into each other where that is unambiguous.
struct CTGovLooseJSON {
    let value: Any?

    init(_ value: Any?) {
        self.value = value is NSNull ? nil : value
    }

    /// The member `key` of an object; absent for anything else.
    subscript(_ key: String) -> CTGovLooseJSON {
        CTGovLooseJSON((value as? [String: Any])?[key])
    }

    /// The value at a dotted path of object members (`"statusModule.startDateStruct.date"`).
    subscript(path path: String) -> CTGovLooseJSON {
        var current = self
        for key in path.split(separator: ".") { current = current[String(key)] }
        return current
    }

    var isObject: Bool { value is [String: Any] }

    /// The object's keys, sorted; empty for anything else.
    var keys: [String] { (value as? [String: Any]).map { $0.keys.sorted() } ?? [] }

    /// The items of an array; empty for anything else.
    var array: [CTGovLooseJSON] {
        (value as? [Any])?.map { CTGovLooseJSON($0) } ?? []
    }

    /// A string, or a number written as one.
    var string: String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber where !isBoolean(number): return number.stringValue
        default: return nil
        }
    }

    /// An integer, from a whole number or a string holding one.
    var int: Int? {
        switch value {
        case let number as NSNumber where !isBoolean(number):
            let double = number.doubleValue
            return double.rounded() == double && abs(double) < 1e15 ? Int(double) : nil
        case let string as String: return Int(string.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// A boolean, from `true`/`false` or a string such as "Yes".
    var bool: Bool? {
        switch value {
        case let number as NSNumber where isBoolean(number): return number.boolValue
        case let bool as Bool: return bool
        default: return nil
        }
    }

    /// The strings of an array of strings (other items skipped).
    var strings: [String] { array.compactMap(\.string) }

    private func isBoolean(_ number: NSNumber) -> Bool {
        // Foundation marks JSON booleans with the `c` (char) Objective-C type.
        String(cString: number.objCType) == "c"
    }
}
