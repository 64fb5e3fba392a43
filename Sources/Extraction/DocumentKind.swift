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
        for byte in head {
            if byte == 0 { return .binary }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { control += 1 }
        }
        if control * 20 > head.count { return .binary }
        let first = bytes[start]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        if first == UInt8(ascii: "<") {
            let lower = String(decoding: head.prefix(4096), as: UTF8.self).lowercased()
            if lower.contains("<clinical_study") || lower.contains("<search_results") { return .ctgovXML }
            return .html
        }
        return .text
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
