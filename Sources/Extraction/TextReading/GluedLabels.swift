/// Cuts lines where a page glued a label to the text before it ("…the re-challenge effect.Phase:",
/// "Phase 3Accepts Healthy Volunteers?", "NoDetails", "Fudan UniversityTreatments:").
struct GluedLabels {
    /// Labels that end in ":" or "?" and may be glued anywhere in a line.
    let punctuated: [String]
    /// Headings without punctuation that may be glued at the end of a line only ("Details").
    let headings: [String]
    private let punctuatedBytes: [[UInt8]]
    private let headingBytes: [[UInt8]]

    /// Labels to cut lines at.
    init(punctuated: [String], headings: [String]) {
        self.punctuated = punctuated
        self.headings = headings
        punctuatedBytes = punctuated.map { Array($0.utf8) }
        headingBytes = headings.map { Array($0.utf8) }
    }

    /// The line cut before each glued label; a label keeps what follows it ("Phase:", "Phase 3").
    func split(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        var cuts: [Int] = []
        for l in punctuatedBytes {
            guard l.count < bytes.count else { continue }
            var i = 1
            while i + l.count <= bytes.count {
                // Glued anywhere, or after a space when the label ends the line ("… effect. Phase:").
                let endsLine = i + l.count == bytes.count
                if bytes[i] == l[0], isGlueable(bytes[i - 1]) || (endsLine && bytes[i - 1] == 0x20),
                    bytes[i..<(i + l.count)].elementsEqual(l)
                {
                    cuts.append(i)
                    i += l.count
                } else {
                    i += 1
                }
            }
        }
        for h in headingBytes {
            guard h.count < bytes.count else { continue }
            let i = bytes.count - h.count
            if bytes[i...].elementsEqual(h), bytes[i - 1] != 0x20, isGlueable(bytes[i - 1]) {
                cuts.append(i)
            }
        }
        guard !cuts.isEmpty else { return [line] }
        var pieces: [String] = []
        var start = 0
        for cut in Set(cuts).sorted() where cut > start {
            pieces.append(TextValue.trimmed(String(decoding: bytes[start..<cut], as: UTF8.self)))
            start = cut
        }
        pieces.append(TextValue.trimmed(String(decoding: bytes[start...], as: UTF8.self)))
        return pieces.filter { !$0.isEmpty }
    }

    /// Whether a label may be glued after this byte: a letter, a digit or closing punctuation, but not a
    /// space, or a hyphen or slash that joins words.
    private func isGlueable(_ b: UInt8) -> Bool {
        ASCIIByte.isLetter(b) || ASCIIByte.isDigit(b) || b == 0x2E || b == 0x29 || b == 0x5D
            || b == 0x3B
            || b == 0x21 || b == 0x3F || b == 0x22 || b == 0x27 || b >= 0x80
    }
}
