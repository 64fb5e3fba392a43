/// Joins free-text lines into the record's paragraph form: blocks separated by blank lines become
/// paragraphs joined by a blank line; inside a block, a line that ends a sentence starts a new paragraph
/// and any other line is a wrapped line, joined with a space.
enum Paragraphs {
    /// The paragraphs of `lines`, or nil when they hold no text or only a null word ("Not available").
    static func join(_ lines: some Sequence<String>) -> String? {
        var paragraphs: [String] = []
        var current = ""
        for line in lines {
            let text = TextValue.collapsed(line)
            if text.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
                continue
            }
            if current.isEmpty {
                current = text
            } else if endsSentence(current) {
                paragraphs.append(current)
                current = text
            } else {
                current += " " + text
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        guard !paragraphs.isEmpty else { return nil }
        if paragraphs.count == 1, TextValue.isNullWord(paragraphs[0]) { return nil }
        return paragraphs.joined(separator: "\n\n")
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.utf8.last else { return false }
        return last == 0x2E || last == 0x21 || last == 0x3F
    }
}
