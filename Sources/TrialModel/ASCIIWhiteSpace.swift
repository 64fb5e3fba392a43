/// White space collapsing on bytes, for text that is all ASCII.
public enum ASCIIWhiteSpace {
    /// `text` with runs of white space (tab, line feed, vertical tab, form feed, carriage return, space: the
    /// ASCII characters `Character.isWhitespace` accepts) as one space, trimmed, and ASCII letters lower-cased
    /// when `lowercasing`; nil when the text is not all ASCII.
    public static func collapsed(_ text: String, lowercasing: Bool = false) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(lowercasing && byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
