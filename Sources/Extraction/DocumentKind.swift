import TrialModel

/// The broad kind of a document, told from its first bytes (never from its file name).
enum DocumentKind: Equatable {
    case empty, binary, json, ctgovXML, html, text

    /// Looks at the start of the document: a NUL or many control bytes mean binary; `{` or `[` JSON;
    /// `<clinical_study`/`<search_results` ClinicalTrials.gov XML; other markup HTML; anything else text.
    static func sniff(_ bytes: [UInt8]) -> DocumentKind {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        if start == bytes.count { return .empty }
        let head = bytes[start..<min(bytes.count, start + 8192)]
        var control = 0
        var hasNUL = false
        head.withUnsafeBufferPointer { head in
            guard let base = head.baseAddress else { return }
            var index = 0
            while index < head.count {
                // Eight bytes at a time while none is a control byte.
                if index &+ 8 <= head.count, !ByteWord(base, at: index).hasByte(below: 0x20) {
                    index &+= 8
                    continue
                }
                let byte = head[index]
                if byte == 0 {
                    hasNUL = true
                    return
                }
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { control += 1 }
                index &+= 1
            }
        }
        if hasNUL || control * 20 > head.count { return .binary }
        let first = bytes[start]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        if first == UInt8(ascii: "<") {
            let window = head.prefix(4096)
            if contains(window, "<clinical_study") || contains(window, "<search_results") { return .ctgovXML }
            return .html
        }
        return .text
    }

    /// Whether `bytes` hold `needle` (ASCII), ignoring letter case.
    static func contains(_ bytes: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard bytes.count >= pattern.count, let head = pattern.first else { return false }
        var index = bytes.startIndex
        let last = bytes.endIndex - pattern.count
        while index <= last {
            if bytes[index] == head {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] | 0x20 != pattern[offset] | 0x20 {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }

    /// UTF-16 text with a byte-order mark, re-encoded as UTF-8 (nil for anything else).
    static func utf8FromUTF16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        if bytes[0] == 0xFF, bytes[1] == 0xFE {
            littleEndian = true
        } else if bytes[0] == 0xFE, bytes[1] == 0xFF {
            littleEndian = false
        } else {
            return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let pair =
                littleEndian
                ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
            units.append(pair)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
