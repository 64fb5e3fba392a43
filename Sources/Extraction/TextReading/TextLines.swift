import TrialModel

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// A document as trimmed lines: split once over its UTF-8 bytes, Unicode spaces folded to ASCII spaces,
/// Markdown backslash escapes removed (`\>` → `>`). Blank lines stay as empty strings, since they separate
/// paragraphs.
struct TextLines: Sendable {
    /// The lines, trimmed.
    let lines: [String]
    /// Each line's `EnumNormalizer.key` when it is short enough to be a heading or label
    /// (``TextLines/maxKeyedBytes`` bytes or fewer), else "".
    let keys: [String]

    /// The longest line whose key is computed.
    static let maxKeyedBytes = 120

    /// Splits `text` into cleaned lines.
    init(_ text: String) {
        var result: [String] = []
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else {
                result.append("")
                return
            }
            let count = buffer.count
            var start = 0
            while true {
                let found = memchr(base + start, 0x0A, count - start)
                let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                result.append(TextLines.clean(UnsafeBufferPointer(rebasing: buffer[start..<end])))
                guard end < count else { break }
                start = end + 1
            }
        }
        lines = result
        keys = result.map(Self.key)
    }

    /// Wraps lines that are already clean.
    init(lines: [String]) {
        self.lines = lines
        keys = lines.map(Self.key)
    }

    private init(lines: [String], keys: [String]) {
        self.lines = lines
        self.keys = keys
    }

    /// A line's key, or "" for a line longer than ``maxKeyedBytes``.
    private static func key(_ line: String) -> String {
        line.utf8.count <= maxKeyedBytes ? EnumNormalizer.key(line) : ""
    }

    /// The lines cut where `glue` finds a label glued to the text before it; a line left whole keeps its key.
    func ungluing(_ glue: GluedLabels) -> TextLines {
        var pieces: [String] = []
        var pieceKeys: [String] = []
        // Lines are copied only from the first one that reads otherwise: most lines have no label glued.
        var copying = false
        // Whether a line was cut in two or more: only then are the new lines taken.
        var cut = false
        for index in lines.indices {
            let line = lines[index]
            guard !line.isEmpty, let split = glue.splitIfGlued(line), split.count != 1 || split[0] != line else {
                if copying {
                    pieces.append(line)
                    pieceKeys.append(keys[index])
                }
                continue
            }
            cut = cut || split.count > 1
            if !copying {
                copying = true
                pieces.reserveCapacity(lines.count + 8)
                pieceKeys.reserveCapacity(lines.count + 8)
                pieces += lines[..<index]
                pieceKeys += keys[..<index]
            }
            pieces += split
            pieceKeys += split.map(Self.key)
        }
        return cut ? TextLines(lines: pieces, keys: pieceKeys) : self
    }

    /// One line's bytes, trimmed, with Unicode spaces as ASCII spaces and Markdown escapes removed.
    static func clean(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        if !needsCleaning(raw) {
            var lo = 0
            var hi = raw.count
            while lo < hi, raw[lo] == 0x20 { lo += 1 }
            while hi > lo, raw[hi - 1] == 0x20 { hi -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: raw[lo..<hi]), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        let n = raw.count
        while i < n {
            let b = raw[i]
            if b == 0x09 || b == 0x0B || b == 0x0C || b == 0x0D {
                out.append(0x20)
                i += 1
            } else if b == 0x5C, i + 1 < n, ASCIIByte.isPunctuation(raw[i + 1]), raw[i + 1] != 0x7C {
                out.append(raw[i + 1])
                i += 2
            } else if b >= 0xC2, case let w = ASCIIByte.wideSpaceLength(raw, at: i), w > 0 {
                if !(b == 0xEF || (b == 0xE2 && raw[i + 2] == 0x8B)) { out.append(0x20) }
                i += w
            } else {
                out.append(b)
                i += 1
            }
        }
        var lo = 0
        var hi = out.count
        while lo < hi, out[lo] == 0x20 { lo += 1 }
        while hi > lo, out[hi - 1] == 0x20 { hi -= 1 }
        return String(decoding: out[lo..<hi], as: UTF8.self)
    }

    /// Whether a line has a byte that ``clean(_:)`` may change: a control space, a backslash, or the lead
    /// byte of a Unicode space.
    private static func needsCleaning(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if let base = raw.baseAddress {
            // Eight bytes at a time while they are printable ASCII without a backslash.
            while start &+ 8 <= raw.count {
                let word = ByteWord(base, at: start)
                if word.hasNonASCII || word.hasByte(below: 0x20) || word.hasByte(0x5C) { break }
                start &+= 8
            }
        }
        for b in UnsafeBufferPointer(rebasing: raw[start...]) {
            switch b {
            case 0x09, 0x0B, 0x0C, 0x0D, 0x5C, 0xC2, 0xE2, 0xE3, 0xEF: return true
            default: continue
            }
        }
        return false
    }
}
