/// Accumulates page text as UTF-8 bytes, collapsing white space inside blocks and turning block
/// boundaries into line breaks (at most one blank line in a row), as a browser's `innerText` does.
struct HTMLTextBuilder {
    private(set) var bytes: [UInt8] = []
    /// Line breaks owed before the next visible character (0, 1 or 2).
    private var pendingBreaks = 0
    /// A space is owed before the next visible character on the current line.
    private var pendingSpace = false
    /// Text to put before the next visible character, after any owed breaks (a list bullet, a cell separator).
    private var pendingPrefix: [UInt8] = []
    /// The current line holds visible text.
    private var lineHasText = false

    init() { bytes.reserveCapacity(16 * 1024) }

    /// The number of bytes written so far (owed breaks and spaces not included).
    var count: Int { bytes.count }

    /// Asks for at least `count` line breaks before the next text (1: new line, 2: blank line).
    mutating func requireBreaks(_ count: Int) {
        guard lineHasText || pendingBreaks > 0 || !pendingPrefix.isEmpty else { return }
        pendingBreaks = max(pendingBreaks, min(count, 2))
        pendingSpace = false
        if lineHasText { lineHasText = false }
    }

    /// A `<br>`: ends the line, or adds an empty line when the line is already empty.
    mutating func lineBreak() {
        if lineHasText {
            pendingBreaks = max(pendingBreaks, 1)
            lineHasText = false
        } else if !bytes.isEmpty {
            pendingBreaks = min(pendingBreaks + 1, 2)
        }
        pendingSpace = false
    }

    /// Puts `prefix` before the next visible text (replacing any prefix still owed).
    mutating func setPrefix(_ prefix: String) {
        pendingPrefix = Array(prefix.utf8)
    }

    /// Drops a prefix that no text followed (an empty list item or cell).
    mutating func clearPrefix() {
        pendingPrefix = []
    }

    /// Appends a text run, collapsing white space (including no-break spaces) to single spaces.
    mutating func appendText(_ text: UnsafePointer<UInt8>) {
        var index = 0
        while true {
            let byte = text[index]
            if byte == 0 { break }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                if lineHasText { pendingSpace = true }
                index += 1
            } else if byte == 0xC2, text[index + 1] == 0xA0 {
                if lineHasText { pendingSpace = true }
                index += 2
            } else {
                emitPending()
                bytes.append(byte)
                index += 1
            }
        }
    }

    /// Appends preformatted text: spaces kept, each newline a line break.
    mutating func appendPreformatted(_ text: UnsafePointer<UInt8>) {
        var index = 0
        while true {
            let byte = text[index]
            if byte == 0 { break }
            if byte == 0x0A {
                lineBreak()
            } else if byte != 0x0D {
                emitPending()
                bytes.append(byte)
            }
            index += 1
        }
    }

    private mutating func emitPending() {
        if !bytes.isEmpty {
            for _ in 0..<pendingBreaks { bytes.append(0x0A) }
        }
        pendingBreaks = 0
        if !pendingPrefix.isEmpty {
            // The prefix brings its own spacing.
            bytes.append(contentsOf: pendingPrefix)
            pendingPrefix = []
        } else if pendingSpace, lineHasText {
            bytes.append(0x20)
        }
        pendingSpace = false
        lineHasText = true
    }

    /// The text written since `start`, on one line with white space collapsed.
    func singleLine(from start: Int) -> String {
        var out: [UInt8] = []
        var space = false
        for byte in bytes[min(start, bytes.count)...] {
            if byte == 0x0A || byte == 0x20 {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The finished text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
