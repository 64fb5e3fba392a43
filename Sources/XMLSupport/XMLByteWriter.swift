/// Writes XML straight into a byte array, with the same bytes as ``XMLTextWriter`` (libxml2's `xmlTextWriter`)
/// for the same calls, without a C string, an escaped copy or a libxml2 buffer per value.
///
/// Text is escaped as libxml2 escapes it (`<`, `>`, `&`, `"` and carriage return in text; also line feed and tab
/// in attribute values, where characters beyond ASCII become character references), and characters outside the
/// XML 1.0 `Char` range are dropped. With an indentation, each element starts on a line of its own, indented by
/// its depth, and an element holding only text stays on one line. Element and attribute names are the caller's
/// constants and are not checked here (``XMLTextWriter/isValidName(_:)`` checks a name).
///
/// ```swift
/// var xml = XMLByteWriter(indentation: "  ")
/// try xml.element("trial") { xml in
///     try xml.attribute("id", "NCT01234567")
///     try xml.element("briefTitle", text: "A & B")
/// }
/// let bytes = xml.finish()
/// ```
public struct XMLByteWriter: XMLWriting {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether elements start on lines of their own.
    private let indents: Bool
    /// The indentation's bytes, when it has at most eight: held in place, so that writing it touches no array.
    private let shortIndentation: (bytes: UInt64, count: Int)
    /// The indentation's bytes, when it has more than eight.
    private let longIndentation: [UInt8]
    /// The open elements' names, innermost last, one after another: a byte buffer and where each name ends
    /// (an array of `String`s cost a retain and a release of each name per element).
    private var openNames: [UInt8] = []
    private var openEnds: [Int] = []
    /// Whether the innermost open element's start tag still waits for its `>` (no content yet).
    private var startTagOpen = false
    /// Whether the next end tag goes on a line of its own (the element's last content was an element).
    private var indentEndTag = false

    /// A writer indenting by `indentation` per level, or writing everything without added white space (nil).
    public init(indentation: String? = nil, capacity: Int = 4096) {
        let unit = Array((indentation ?? "").utf8)
        self.indents = indentation != nil
        if unit.count <= 8 {
            var word: UInt64 = 0
            for (offset, byte) in unit.enumerated() { word |= UInt64(byte) << UInt64(8 * offset) }
            self.shortIndentation = (word, unit.count)
            self.longIndentation = []
        } else {
            self.shortIndentation = (0, 0)
            self.longIndentation = unit
        }
        bytes.reserveCapacity(capacity)
        openNames.reserveCapacity(256)
        openEnds.reserveCapacity(16)
    }

    /// Closes the elements still open and returns the bytes.
    public mutating func finish() -> [UInt8] {
        while !openEnds.isEmpty { endElement() }
        return bytes
    }

    public mutating func startElement(_ name: String) {
        closeStartTag(lineBreak: true)
        openNames.append(contentsOf: name.utf8)
        openEnds.append(openNames.count)
        writeIndent()
        bytes.append(0x3C)
        bytes.append(contentsOf: name.utf8)
        startTagOpen = true
    }

    public mutating func endElement() {
        guard let end = openEnds.last else { return }
        let start = openEnds.count > 1 ? openEnds[openEnds.count - 2] : 0
        if startTagOpen {
            if indents { indentEndTag = true }
            bytes.append(0x2F)
            bytes.append(0x3E)
            startTagOpen = false
        } else {
            if indents, indentEndTag { writeIndent() }
            indentEndTag = true
            bytes.append(0x3C)
            bytes.append(0x2F)
            openNames.withUnsafeBufferPointer { names in
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: names[start..<end]))
            }
            bytes.append(0x3E)
        }
        if indents { bytes.append(0x0A) }
        openEnds.removeLast()
        openNames.removeLast(end - start)
    }

    public mutating func attribute(_ name: String, _ value: String) {
        bytes.append(0x20)
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x3D)
        bytes.append(0x22)
        var value = value
        value.withUTF8 { appendEscaped($0, inAttribute: true) }
        bytes.append(0x22)
    }

    public mutating func text(_ value: String) {
        closeStartTag(lineBreak: false)
        if indents { indentEndTag = false }
        var value = value
        value.withUTF8 { appendEscaped($0, inAttribute: false) }
    }

    public mutating func element(_ name: String, text value: String) {
        startElement(name)
        text(value)
        endElement()
    }

    /// Ends the open start tag with `>` before content; a child element then starts on the next line.
    @inline(__always)
    private mutating func closeStartTag(lineBreak: Bool) {
        guard startTagOpen else { return }
        bytes.append(0x3E)
        if lineBreak, indents { bytes.append(0x0A) }
        startTagOpen = false
    }

    /// One indentation per open element above the innermost one.
    @inline(__always)
    private mutating func writeIndent() {
        guard indents, openEnds.count > 1 else { return }
        let levels = openEnds.count - 1
        if !longIndentation.isEmpty {
            for _ in 0..<levels { bytes.append(contentsOf: longIndentation) }
            return
        }
        // A few bytes a level: appended one at a time, which beats copying a buffer this short.
        let (unit, count) = shortIndentation
        for _ in 0..<levels {
            for offset in 0..<count { bytes.append(UInt8(truncatingIfNeeded: unit &>> UInt64(8 * offset))) }
        }
    }

    /// Appends `value` escaped, copying runs that need no escape whole.
    private mutating func appendEscaped(_ value: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        let count = value.count
        var runStart = 0
        var index = 0
        while index < count {
            // Text is mostly plain: eight bytes at a time while none of them needs a look.
            if !inAttribute, let base = value.baseAddress {
                while index &+ 8 <= count,
                    !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index &+= 8
                }
                guard index < count else { break }
            }
            let byte = value[index]
            if Self.isPlain(byte, inAttribute: inAttribute) {
                index &+= 1
                continue
            }
            let replacement: StaticString
            switch byte {
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x26: replacement = "&amp;"
            case 0x22: replacement = "&quot;"
            case 0x0D: replacement = "&#13;"
            case 0x0A: replacement = "&#10;"
            case 0x09: replacement = "&#9;"
            default:
                let disallowed = XMLTextWriter.disallowedLength(value, at: index)
                if disallowed > 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<index]))
                    index &+= disallowed
                    runStart = index
                } else if inAttribute, byte >= 0xC0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<index]))
                    index &+= appendCharacterReference(value, at: index)
                    runStart = index
                } else {
                    index &+= 1
                }
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<index]))
            bytes.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index &+= 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[runStart..<count]))
    }

    /// Whether any of eight bytes may need escaping or dropping in text: a control, `"`, `&`, `<`, `>`, or the
    /// lead byte of U+FFFE/U+FFFF (`0xEF`). Exact for each test (no byte is missed).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
        return belowSpace || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x26))
            || hasZeroByte(word ^ (ones &* 0x3C)) || hasZeroByte(word ^ (ones &* 0x3E))
            || hasZeroByte(word ^ (ones &* 0xEF))
    }

    /// Whether `byte` is copied as it is: not a character to escape, not a control, not the lead byte of
    /// U+FFFE/U+FFFF, and in an attribute value ASCII.
    @inline(__always)
    private static func isPlain(_ byte: UInt8, inAttribute: Bool) -> Bool {
        if byte >= 0x80 { return !inAttribute && byte != 0xEF }
        if byte >= 0x3F { return true }
        if byte >= 0x20 { return byte != 0x22 && byte != 0x26 && byte != 0x3C && byte != 0x3E }
        return !inAttribute && (byte == 0x09 || byte == 0x0A)
    }

    /// Writes the character starting at `index` as `&#xHEX;` (upper-case digits) and returns its byte length.
    private mutating func appendCharacterReference(_ value: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = value[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var scalar = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length where index + offset < value.count {
            scalar = scalar << 6 | UInt32(value[index + offset] & 0x3F)
        }
        bytes.append(contentsOf: "&#x".utf8)
        var shift = 28
        while shift > 0, scalar >> UInt32(shift) == 0 { shift -= 4 }
        while shift >= 0 {
            let digit = UInt8((scalar >> UInt32(shift)) & 0xF)
            bytes.append(digit < 10 ? 0x30 + digit : 0x37 + digit)
            shift -= 4
        }
        bytes.append(0x3B)
        return length
    }
}
