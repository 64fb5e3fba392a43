/// The record id rule: the NCT id when known, else `doc-` and the first 16 hex digits of the SHA-256 of the
/// normalized official title, else brief title, else the whole document text.
public enum RecordID {
    /// The record's id.
    public static func make(nctId: String?, officialTitle: String?, briefTitle: String?, text: String) -> String {
        if let nctId, isNCTId(nctId) { return nctId }
        let basis = [officialTitle, briefTitle].compactMap { $0 }.first { !normalized($0).isEmpty } ?? text
        return "doc-" + String(SHA256.hex(normalized(basis)).prefix(16))
    }

    /// Lower-cased, whitespace collapsed to single spaces, trimmed.
    public static func normalized(_ text: String) -> String {
        if let ascii = ASCIIWhiteSpace.collapsed(text, lowercasing: true) { return ascii }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for char in text.lowercased() {
            if char.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(char)
            }
        }
        return out
    }

    /// Whether `text` is exactly `NCT` followed by eight digits.
    @inlinable
    public static func isNCTId(_ text: some StringProtocol) -> Bool {
        // Read in place: no copy of the bytes.
        let utf8 = text.utf8
        guard utf8.count == 11, utf8.starts(with: "NCT".utf8) else { return false }
        return utf8.dropFirst(3).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Whether `id` is safe to use as a file name: `NCT` + 8 digits or `doc-` + 16 lower-case hex digits.
    public static func isSafeFileName(_ id: String) -> Bool {
        if isNCTId(id) { return true }
        guard id.hasPrefix("doc-") else { return false }
        let hex = id.utf8.dropFirst(4)
        return hex.count == 16
            && hex.allSatisfy {
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                    || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
            }
    }
}
