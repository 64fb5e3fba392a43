/// Cuts lines where a page glued a label to the text before it ("…the re-challenge effect.Phase:",
/// "Phase 3Accepts Healthy Volunteers?", "NoDetails", "Fudan UniversityTreatments:").
struct GluedLabels {
    /// Labels that end in ":" or "?" and may be glued anywhere in a line.
    let punctuated: [String]
    /// Headings without punctuation that may be glued at the end of a line only ("Details").
    let headings: [String]
    private let punctuatedBytes: [[UInt8]]
    private let headingBytes: [[UInt8]]
    /// For each byte value, the indexes of the punctuated labels that start with it.
    private let labelsByFirstByte: [[Int]]
    /// Whether a byte value ends some punctuated label (a line without any cannot hold one).
    private let isLastByte: [Bool]
    /// Whether a byte value starts some punctuated label: most bytes of a line start none, and are passed
    /// without taking out their (empty) list of labels.
    private let isFirstByte: [Bool]
    /// Whether a byte value ends some heading (a line ending otherwise has none glued at its end).
    private let endsHeading: [Bool]

    /// Labels to cut lines at.
    init(punctuated: [String], headings: [String]) {
        self.punctuated = punctuated
        self.headings = headings
        punctuatedBytes = punctuated.map { Array($0.utf8) }
        headingBytes = headings.map { Array($0.utf8) }
        var byFirst = [[Int]](repeating: [], count: 256)
        var last = [Bool](repeating: false, count: 256)
        for (index, label) in punctuatedBytes.enumerated() {
            guard let first = label.first, let end = label.last else { continue }
            byFirst[Int(first)].append(index)
            last[Int(end)] = true
        }
        labelsByFirstByte = byFirst
        isLastByte = last
        isFirstByte = byFirst.map { !$0.isEmpty }
        var endsHeading = [Bool](repeating: false, count: 256)
        for heading in headingBytes { if let end = heading.last { endsHeading[Int(end)] = true } }
        self.endsHeading = endsHeading
    }

    /// The line cut before each glued label; a label keeps what follows it ("Phase:", "Phase 3").
    func split(_ line: String) -> [String] { splitIfGlued(line) ?? [line] }

    /// ``split(_:)``, or nil when no label is glued in the line (most lines): nothing is allocated for those.
    func splitIfGlued(_ line: String) -> [String]? {
        var line = line
        let cuts = line.withUTF8 { bytes -> [Int] in self.cuts(in: bytes) }
        guard !cuts.isEmpty else { return nil }
        let bytes = Array(line.utf8)
        var pieces: [String] = []
        var start = 0
        for cut in Set(cuts).sorted() where cut > start {
            pieces.append(TextValue.trimmed(String(decoding: bytes[start..<cut], as: UTF8.self)))
            start = cut
        }
        pieces.append(TextValue.trimmed(String(decoding: bytes[start...], as: UTF8.self)))
        return pieces.filter { !$0.isEmpty }
    }

    /// The offsets where a glued label begins. Each label is matched left to right without overlapping
    /// itself; labels are found in one pass over the line through the table of first bytes.
    private func cuts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var cuts: [Int] = []
        let n = bytes.count
        if isLastByte.withUnsafeBufferPointer({ isLast in bytes.contains(where: { isLast[Int($0)] }) }) {
            var nextAllowed: [Int] = []
            var i = 1
            while i < n {
                guard isFirstByte.withUnsafeBufferPointer({ $0[Int(bytes[i])] }) else {
                    i += 1
                    continue
                }
                if nextAllowed.isEmpty { nextAllowed = [Int](repeating: 1, count: punctuatedBytes.count) }
                for index in labelsByFirstByte[Int(bytes[i])] where i >= nextAllowed[index] {
                    let l = punctuatedBytes[index]
                    guard l.count < n, i + l.count <= n else { continue }
                    // Glued anywhere, or after a space when the label ends the line ("… effect. Phase:").
                    let endsLine = i + l.count == n
                    if isGlueable(bytes[i - 1]) || (endsLine && bytes[i - 1] == 0x20),
                        UnsafeBufferPointer(rebasing: bytes[i..<(i + l.count)]).elementsEqual(l)
                    {
                        cuts.append(i)
                        nextAllowed[index] = i + l.count
                    }
                }
                i += 1
            }
        }
        guard let end = bytes.last, endsHeading[Int(end)] else { return cuts }
        for h in headingBytes {
            guard h.count < n else { continue }
            let i = n - h.count
            if UnsafeBufferPointer(rebasing: bytes[i...]).elementsEqual(h), bytes[i - 1] != 0x20,
                isGlueable(bytes[i - 1])
            {
                cuts.append(i)
            }
        }
        return cuts
    }

    /// Whether a label may be glued after this byte: a letter, a digit or closing punctuation, but not a
    /// space, or a hyphen or slash that joins words.
    private func isGlueable(_ b: UInt8) -> Bool {
        ASCIIByte.isLetter(b) || ASCIIByte.isDigit(b) || b == 0x2E || b == 0x29 || b == 0x5D
            || b == 0x3B
            || b == 0x21 || b == 0x3F || b == 0x22 || b == 0x27 || b >= 0x80
    }
}
