import TrialModel

/// A parsed JSON document as a Swift value, read straight from UTF-8 bytes.
///
/// The reader is strict (RFC 8259, UTF-8 only, no byte-order mark, nesting up to ``JSONTree/maxDepth``):
/// anything it refuses is handed to Foundation's `JSONSerialization` by the caller, so a document either
/// reads the same as Foundation reads it or is judged by Foundation itself. Numbers keep their literal text,
/// so converting them can follow Foundation's rules exactly.
indirect enum JSONTree: Sendable {
    case null
    case bool(Bool)
    /// A number as written in the document.
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    /// The deepest nesting the reader accepts.
    static let maxDepth = 512

    /// The document in `bytes`, or nil when the strict reader does not accept it.
    ///
    /// The values of object members named in `unreadMembers` are checked as strictly as any other but not
    /// built: they read as `null` (for sections a reader never looks at, such as a study's results).
    static func parse(_ bytes: [UInt8], unreadMembers: [StaticString] = []) -> JSONTree? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONTreeReader(bytes: buffer, unreadMembers: unreadMembers)
            guard let value = reader.value(depth: 0) else { return nil }
            reader.skipWhitespace()
            return reader.position == buffer.count ? value : nil
        }
    }
}

/// The recursive-descent reader behind ``JSONTree/parse(_:unreadMembers:)``: returns nil at the first thing it
/// refuses.
private struct JSONTreeReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let unreadMembers: [StaticString]
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, unreadMembers: [StaticString]) {
        self.bytes = bytes
        self.unreadMembers = unreadMembers
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) -> JSONTree? {
        guard depth < JSONTree.maxDepth else { return nil }
        skipWhitespace()
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    private mutating func object(depth: Int) -> JSONTree? {
        position += 1
        var members: [String: JSONTree] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let key = string() else {
                return nil
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            if isUnread(key) {
                guard check(depth: depth + 1) else { return nil }
                members[key] = .null
            } else {
                guard let member = value(depth: depth + 1) else { return nil }
                members[key] = member
            }
            skipWhitespace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(members)
            default: return nil
            }
        }
    }

    private mutating func array(depth: Int) -> JSONTree? {
        position += 1
        var items: [JSONTree] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            skipWhitespace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default: return nil
            }
        }
    }

    /// Whether `key` names a member whose value is checked but not built.
    private func isUnread(_ key: String) -> Bool {
        unreadMembers.contains { name in
            key.utf8.count == name.utf8CodeUnitCount
                && key.utf8.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
    }

    /// Checks a value as ``value(depth:)`` reads it, without building it: true when it would be accepted.
    private mutating func check(depth: Int) -> Bool {
        guard depth < JSONTree.maxDepth else { return false }
        skipWhitespace()
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case UInt8(ascii: "{"): return checkContainer(depth: depth, isObject: true)
        case UInt8(ascii: "["): return checkContainer(depth: depth, isObject: false)
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return skipNumber()
        }
    }

    /// Checks an object or an array starting at its opening bracket, as ``object(depth:)`` and
    /// ``array(depth:)`` read them.
    private mutating func checkContainer(depth: Int, isObject: Bool) -> Bool {
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == close {
            position += 1
            return true
        }
        while true {
            if isObject {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), skipString() else {
                    return false
                }
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                position += 1
            }
            guard check(depth: depth + 1) else { return false }
            skipWhitespace()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case close:
                position += 1
                return true
            default: return false
            }
        }
    }

    /// A number: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as written.
    private mutating func number() -> JSONTree? {
        let start = position
        guard skipNumber() else { return nil }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    /// Moves past a number as ``number()`` reads it; false when there is none.
    private mutating func skipNumber() -> Bool {
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { return false }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(bytes[position]) {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        } else {
            return false
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { return false }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { return false }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A string starting at the opening quote: escapes resolved, UTF-8 checked.
    private mutating func string() -> String? {
        position += 1
        return JSONString.read(bytes, at: &position)
    }

    /// Moves past a string starting at the opening quote, checked as ``string()`` reads it; false when it would
    /// refuse it.
    private mutating func skipString() -> Bool {
        position += 1
        return JSONString.skip(bytes, at: &position)
    }
}
