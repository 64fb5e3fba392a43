/// Low-level JSON input from bytes, in exactly the shape `JSONByteWriter` writes: no white space, keys and
/// their punctuation matched as fixed fragments, strings, integers and `true`/`false`/`null`.
///
/// Anything else (white space, another key order, a float, a malformed escape, invalid UTF-8) is a
/// ``Mismatch``: the caller falls back to a general JSON decoder, which decides what such input means.
struct JSONByteReader {
    /// The input is not in the writer's shape.
    struct Mismatch: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// A reader at the start of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Whether every byte has been read.
    var atEnd: Bool { position == bytes.count }

    /// Consumes `fragment` (a key with its punctuation, a bracket) or throws.
    @inline(__always)
    mutating func expect(_ fragment: StaticString) throws {
        let count = fragment.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Mismatch() }
        let start = fragment.utf8Start
        for offset in 0..<count where bytes[position + offset] != start[offset] { throw Mismatch() }
        position += count
    }

    /// Consumes `byte` if it comes next.
    @inline(__always)
    mutating func skip(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes `null` if it comes next.
    mutating func skipNull() -> Bool {
        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "n") else { return false }
        guard bytes[position + 1] == UInt8(ascii: "u"), bytes[position + 2] == UInt8(ascii: "l"),
            bytes[position + 3] == UInt8(ascii: "l")
        else { return false }
        position += 4
        return true
    }

    /// A quoted string.
    mutating func string() throws -> String {
        guard skip(UInt8(ascii: "\"")), let value = JSONString.read(bytes, at: &position) else { throw Mismatch() }
        return value
    }

    /// A quoted string or `null`.
    mutating func optionalString() throws -> String? {
        skipNull() ? nil : try string()
    }

    /// An enum's raw value, or `null`; a value the enum does not know is a mismatch.
    mutating func optionalEnum<E: RawRepresentable<String>>(_: E.Type = E.self) throws -> E? {
        guard let raw = try optionalString() else { return nil }
        guard let value = E(rawValue: raw) else { throw Mismatch() }
        return value
    }

    /// An enum's raw value.
    mutating func enumValue<E: RawRepresentable<String>>(_: E.Type = E.self) throws -> E {
        guard let value = E(rawValue: try string()) else { throw Mismatch() }
        return value
    }

    /// A decimal integer (no leading zero, as JSON requires).
    mutating func int() throws -> Int {
        let negative = skip(UInt8(ascii: "-"))
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "0"),
            bytes[position + 1] &- UInt8(ascii: "0") < 10
        {
            throw Mismatch()
        }
        var value = 0
        var digits = 0
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 {
            let digit = Int(bytes[position] &- UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAgain) = shifted.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow, !overflowAgain else { throw Mismatch() }
            value = sum
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw Mismatch() }
        return value
    }

    /// `true` or `false`.
    mutating func bool() throws -> Bool {
        if position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "t") {
            try expect("true")
            return true
        }
        try expect("false")
        return false
    }

    /// `true`, `false` or `null`.
    mutating func optionalBool() throws -> Bool? {
        skipNull() ? nil : try bool()
    }

    /// An array of strings.
    mutating func strings() throws -> [String] {
        try array { try $0.string() }
    }

    /// An array whose elements `element` reads.
    @inline(__always)
    mutating func array<T>(_ element: (inout JSONByteReader) throws -> T) throws -> [T] {
        guard skip(UInt8(ascii: "[")) else { throw Mismatch() }
        var values: [T] = []
        if skip(UInt8(ascii: "]")) { return values }
        repeat {
            values.append(try element(&self))
        } while skip(UInt8(ascii: ","))
        guard skip(UInt8(ascii: "]")) else { throw Mismatch() }
        return values
    }

    /// The object `element` reads, or `null`.
    @inline(__always)
    mutating func optionalObject<T>(_ element: (inout JSONByteReader) throws -> T) throws -> T? {
        skipNull() ? nil : try element(&self)
    }
}
