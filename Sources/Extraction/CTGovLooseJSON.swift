import Foundation

/// A forgiving view of a `JSONSerialization` value: missing keys, `null` and values of an unexpected type
/// all read as absent, and numbers and strings convert into each other where that is unambiguous.
struct CTGovLooseJSON {
    let value: Any?

    init(_ value: Any?) {
        // Compare types, not values: `value is NSNull` would bridge a whole Swift dictionary to Foundation.
        if let value, type(of: value) == NSNull.self {
            self.value = nil
        } else {
            self.value = value
        }
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
        if let string = value as? String { return string }
        if let number, !isBoolean(number) { return number.stringValue }
        return nil
    }

    /// An integer, from a whole number or a string holding one.
    var int: Int? {
        if let number, !isBoolean(number) {
            let double = number.doubleValue
            return double.rounded() == double && abs(double) < 1e15 ? Int(double) : nil
        }
        if let string = value as? String { return Int(string.trimmingCharacters(in: .whitespaces)) }
        return nil
    }

    /// A boolean, from `true`/`false`.
    var bool: Bool? {
        if let number, isBoolean(number) { return number.boolValue }
        return value as? Bool
    }

    /// The value when it is a Foundation number (checked by type, so nothing is bridged).
    private var number: NSNumber? {
        guard let value, type(of: value) is NSNumber.Type else { return nil }
        return value as? NSNumber
    }

    /// The strings of an array of strings (other items skipped).
    var strings: [String] { array.compactMap(\.string) }

    private func isBoolean(_ number: NSNumber) -> Bool {
        // Foundation marks JSON booleans with the `c` (char) Objective-C type.
        String(cString: number.objCType) == "c"
    }
}
