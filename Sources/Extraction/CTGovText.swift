import TrialModel

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Text clean-up shared by the ClinicalTrials.gov readers: XML text blocks, API v2 Markdown, placeholders,
/// DOIs and study addresses. Values here are single fields, so ordinary `String` API is fine.
enum CTGovText {
    /// A one-line value (title, name, label): white space collapsed and trimmed; nil when empty.
    static func line(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let collapsed = collapse(raw)
        return collapsed.isEmpty ? nil : collapsed
    }

    /// A legacy XML text block or free-text element: the common indentation goes, paragraphs (split on
    /// blank lines) are kept and joined by a blank line, and the lines inside a paragraph are joined by spaces.
    /// Placeholders such as "Not available" give nil.
    static func paragraphs(_ raw: String?) -> String? {
        guard let raw else { return nil }
        // One pass over the bytes: each line collapsed straight into the result, after a space when it continues
        // a paragraph or a blank line when it starts the next one.
        var inParagraph = false
        let text = collapsingLines(raw) { out, line in
            let separator: Separator = inParagraph ? .space : (out.isEmpty ? .none : .blankLine)
            inParagraph = appendCollapsed(line, to: &out, after: separator)
        }
        return text.isEmpty || isPlaceholder(text) ? nil : text
    }

    /// A legacy XML text block whose line structure matters (eligibility criteria): each line trimmed,
    /// runs of blank lines reduced to one, leading and trailing blank lines removed.
    static func block(_ raw: String?) -> String? {
        guard let raw else { return nil }
        var blank = false
        let text = collapsingLines(raw) { out, line in
            let separator: Separator = out.isEmpty ? .none : (blank ? .blankLine : .newline)
            let hadText = appendCollapsed(line, to: &out, after: separator)
            blank = hadText ? false : !out.isEmpty
        }
        return text.isEmpty || isPlaceholder(text) ? nil : text
    }

    /// What goes before a line's text in ``paragraphs(_:)`` and ``block(_:)``.
    private enum Separator {
        case none, space, newline, blankLine
    }

    /// The text that `body` builds from each line of `raw` (as ``lines(_:)`` cuts them), given the bytes so far
    /// and the line's bytes.
    private static func collapsingLines(
        _ raw: String, _ body: (inout [UInt8], UnsafeBufferPointer<UInt8>) -> Void
    ) -> String {
        var raw = raw
        return raw.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            guard let base = bytes.baseAddress else { return "" }
            let newline: UInt8 = memchr(base, 0x0A, bytes.count) != nil ? 0x0A : 0x0D
            var start = 0
            while true {
                let found = memchr(base + start, Int32(newline), bytes.count - start)
                let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                // A `\r` before `\n` is white space, which collapsing drops like the line end it is.
                body(&out, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                guard end < bytes.count else { break }
                start = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends a line with its white space collapsed and trimmed, after `separator` when it has any text;
    /// returns whether it had.
    private static func appendCollapsed(
        _ line: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], after separator: Separator
    ) -> Bool {
        var hasText = false
        var pendingSpace = false
        var index = 0
        while index < line.count {
            let spaceLength = whiteSpaceLength(line, at: index)
            if spaceLength > 0 {
                pendingSpace = hasText
                index += spaceLength
                continue
            }
            if !hasText {
                hasText = true
                switch separator {
                case .none: break
                case .space: out.append(0x20)
                case .newline: out.append(0x0A)
                case .blankLine: out.append(contentsOf: [0x0A, 0x0A])
                }
            } else if pendingSpace {
                out.append(0x20)
            }
            pendingSpace = false
            // A run of printable ASCII (most of a word, or all of it) goes in at once.
            var end = index + 1
            while end < line.count, line[end] > 0x20, line[end] < 0x80 { end += 1 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<end]))
            index = end
        }
        return hasText
    }

    /// An API v2 text field (Markdown): line ends normalised, Markdown escapes removed, trimmed.
    /// Placeholders give nil.
    static func markdown(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let text = trim(unescapeMarkdown(lines(raw).map { trimTrailing($0) }.joined(separator: "\n")))
        return text.isEmpty || isPlaceholder(text) ? nil : text
    }

    /// A classic API text field (plain text): line ends normalised, trailing white space of each line removed,
    /// trimmed. Placeholders give nil.
    static func plain(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let text = trim(lines(raw).map { trimTrailing($0) }.joined(separator: "\n"))
        return text.isEmpty || isPlaceholder(text) ? nil : text
    }

    /// Removes CommonMark backslash escapes (`\>` → `>`, `\*` → `*`); other backslashes stay.
    static func unescapeMarkdown(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var escaped = false
        for byte in text.utf8 {
            if escaped {
                if !isASCIIPunctuation(byte) { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        if escaped { out.append(UInt8(ascii: "\\")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a value only says that there is no value ("Not available", "N/A", "None", "-").
    static func isPlaceholder(_ text: String) -> Bool {
        guard text.utf8.count <= 24 else { return false }
        switch EnumNormalizer.key(text) {
        case "", "N_A", "NA", "NONE", "NIL", "NULL", "NOT_AVAILABLE", "NOT_APPLICABLE", "NOT_PROVIDED",
            "NOT_SPECIFIED", "NOT_STATED", "UNKNOWN", "TBD", "TO_BE_DETERMINED", "NO_DESCRIPTION",
            "NO_DETAILED_DESCRIPTION":
            return true
        default:
            return false
        }
    }

    /// The first DOI in a citation ("doi: 10.1056/NEJMoa123", "https://doi.org/10.1/x."), trailing
    /// punctuation removed.
    static func doi(in citation: String) -> String? {
        let bytes = Array(citation.utf8)
        var index = 0
        while index + 4 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "1"), bytes[index + 1] == UInt8(ascii: "0"),
                bytes[index + 2] == UInt8(ascii: ".")
            else { continue }
            if index > 0, isDigit(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: ".") { continue }
            var cursor = index + 3
            let registrantStart = cursor
            while cursor < bytes.count, isDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ".") {
                cursor += 1
            }
            guard cursor - registrantStart >= 4, cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/")
            else { continue }
            cursor += 1
            let suffixStart = cursor
            while cursor < bytes.count, bytes[cursor] > 0x20, bytes[cursor] != UInt8(ascii: "\""),
                bytes[cursor] != UInt8(ascii: "<"), bytes[cursor] != UInt8(ascii: ">")
            {
                cursor += 1
            }
            while cursor > suffixStart, ".,;:)]".utf8.contains(bytes[cursor - 1]) {
                // Keep a closing bracket that belongs to the DOI ("10.1016/S0140-6736(20)30183-5").
                if bytes[cursor - 1] == UInt8(ascii: ")"),
                    bytes[suffixStart..<cursor].contains(UInt8(ascii: "("))
                {
                    break
                }
                cursor -= 1
            }
            guard cursor > suffixStart else { continue }
            return String(decoding: bytes[index..<cursor], as: UTF8.self)
        }
        return nil
    }

    /// The NCT id of a ClinicalTrials.gov study address (`/study/NCT…`, `/ct2/show/NCT…`, `/show/NCT…`);
    /// nil for any other address.
    static func studyNCTId(inURL url: String) -> String? {
        let lower = url.lowercased()
        guard lower.contains("clinicaltrials.gov/") else { return nil }
        guard let range = lower.firstRange(of: "/study/") ?? lower.firstRange(of: "/show/") else {
            return nil
        }
        let rest = lower[range.upperBound...].uppercased()
        let candidate = String(rest.prefix(11))
        return RecordID.isNCTId(candidate) ? candidate : nil
    }

    /// The lines of a text, for `\n`, `\r\n` and `\r` line ends.
    static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        // Byte offsets of the line ends, found on the contiguous bytes; the lines are then slices of `text`.
        let ends: (newline: UInt8, offsets: [Int])? = utf8.withContiguousStorageIfAvailable { bytes in
            let newline: UInt8 = bytes.contains(0x0A) ? 0x0A : 0x0D
            var offsets: [Int] = []
            for index in bytes.indices where bytes[index] == newline { offsets.append(index) }
            return (newline, offsets)
        }
        guard let ends else {
            let newline: UInt8 = utf8.contains(0x0A) ? 0x0A : 0x0D
            return utf8.split(separator: newline, omittingEmptySubsequences: false).map { line in
                var line = line
                if newline == 0x0A, line.last == 0x0D { line = line.dropLast() }
                return Substring(line)
            }
        }
        var lines: [Substring] = []
        lines.reserveCapacity(ends.offsets.count + 1)
        var start = utf8.startIndex
        for offset in ends.offsets + [utf8.count] {
            var end = utf8.index(utf8.startIndex, offsetBy: offset)
            if ends.newline == 0x0A, end > start, utf8[utf8.index(before: end)] == 0x0D {
                end = utf8.index(before: end)
            }
            lines.append(Substring(utf8[start..<end]))
            if offset < utf8.count { start = utf8.index(utf8.startIndex, offsetBy: offset + 1) }
        }
        return lines
    }

    /// White space (ASCII, no-break and the other Unicode spaces) collapsed to single spaces, trimmed.
    static func collapse(_ text: some StringProtocol) -> String {
        if let range = text.utf8.withContiguousStorageIfAvailable(collapsedRange), let (lo, hi) = range {
            let utf8 = text.utf8
            return String(text[utf8.index(utf8.startIndex, offsetBy: lo)..<utf8.index(utf8.startIndex, offsetBy: hi)])
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        _ =
            text.utf8.withContiguousStorageIfAvailable { appendCollapsed($0, to: &out, after: .none) }
            ?? Array(text.utf8).withUnsafeBufferPointer { appendCollapsed($0, to: &out, after: .none) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The trimmed byte range of text that is collapsed already (single ASCII spaces inside, no other white
    /// space and no lead byte of a Unicode space anywhere), or nil when it needs the full pass.
    private static func collapsedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var lo = 0
        var hi = bytes.count
        while lo < hi, isASCIISpace(bytes[lo]) { lo += 1 }
        while hi > lo, isASCIISpace(bytes[hi - 1]) { hi -= 1 }
        var previousSpace = false
        for index in lo..<hi {
            let byte = bytes[index]
            if byte == 0x20 {
                if previousSpace { return nil }
                previousSpace = true
            } else if byte < 0x20 {
                if byte >= 0x09 && byte <= 0x0D { return nil }
                previousSpace = false
            } else if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                return nil
            } else {
                previousSpace = false
            }
        }
        return (lo, hi)
    }

    /// The byte length of the white-space character at `index` (ASCII, U+0085, U+00A0, U+1680,
    /// U+2000–200A, U+2028/9, U+202F, U+205F, U+3000), or 0.
    private static func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2:
            guard remaining >= 2 else { return 0 }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard remaining >= 3 else { return 0 }
            switch (byte, bytes[index + 1], bytes[index + 2]) {
            case (0xE1, 0x9A, 0x80), (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9),
                (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
                return 3
            default: return 0
            }
        default: return 0
        }
    }

    static func trim(_ text: some StringProtocol) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    private static func trimTrailing(_ text: Substring) -> Substring {
        var slice = text
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40)
            || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }
}
