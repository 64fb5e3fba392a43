import Testing
import XMLSupport

/// One step of a document, written the same way to both writers.
private enum Step {
    case start(String)
    case end
    case attribute(String, String)
    case text(String)
    case element(String, String)
}

/// The hostile pieces values are made of: markup characters, every control, white space, characters beyond ASCII
/// (two, three and four bytes), the non-characters XML forbids and the replacement character.
private let pieces: [String] = [
    "a", "Trial", " ", "  ", "<", ">", "&", "\"", "'", "]]>", "&amp;", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{1}",
    "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{7F}", "é", "ü", "µ", "—", "日本", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}",
    "\u{FEFF}", "😀", "🧬", "\u{10FFFF}", "e\u{301}", "\u{2028}", "?", "=", "/", "0123", "NCT01234567",
]

private func write<Writer: XMLWriting & ~Copyable>(_ steps: [Step], to xml: inout Writer) throws {
    for step in steps {
        switch step {
        case .start(let name): try xml.startElement(name)
        case .end: try xml.endElement()
        case .attribute(let name, let value): try xml.attribute(name, value)
        case .text(let value): try xml.text(value)
        case .element(let name, let value): try xml.element(name, text: value)
        }
    }
}

private func bytes(_ steps: [Step], indentation: String?) throws -> (byteWriter: [UInt8], libxml2: [UInt8]) {
    var fast = XMLByteWriter(indentation: indentation)
    try write(steps, to: &fast)
    let reference = try XMLTextWriter.write(options: .init(indentation: indentation, declaration: false)) { xml in
        try write(steps, to: &xml)
    }
    return (fast.finish(), reference)
}

/// A random well-formed sequence of steps: attributes only right after a start tag, elements nested a few deep.
private func randomSteps(_ generator: inout some RandomNumberGenerator) -> [Step] {
    func value() -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
            .joined()
    }
    var steps: [Step] = [.start("root")]
    var depth = 1
    var mayAddAttribute = true
    for _ in 0..<Int.random(in: 0...25, using: &generator) {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0, 1:
            steps.append(.start(["a", "item", "list", "x"].randomElement(using: &generator) ?? "a"))
            depth += 1
            mayAddAttribute = true
        case 2, 3:
            if depth > 1 {
                steps.append(.end)
                depth -= 1
            }
            mayAddAttribute = false
        case 4:
            if mayAddAttribute {
                steps.append(.attribute(["id", "n"].randomElement(using: &generator) ?? "id", value()))
            }
        case 5:
            steps.append(.text(value()))
            mayAddAttribute = false
        default:
            steps.append(.element(["name", "v"].randomElement(using: &generator) ?? "v", value()))
            mayAddAttribute = false
        }
    }
    return steps
}

@Suite("XMLByteWriter")
struct XMLByteWriterTests {
    @Test("writes the same bytes as libxml2's writer for random documents of hostile text, compact and indented")
    func sameAsLibXML() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let steps = randomSteps(&generator)
            // Up to eight bytes of indentation are held in place, longer ones in an array: both are compared.
            for indentation in [nil, "  ", "\t", "\t\t  \t  \t "] as [String?] {
                let (fast, reference) = try bytes(steps, indentation: indentation)
                #expect(
                    fast == reference,
                    "\(steps) indented by \(String(describing: indentation)):\n\(String(decoding: fast, as: UTF8.self))\n---\n\(String(decoding: reference, as: UTF8.self))"
                )
                if fast != reference { return }
            }
        }
    }

    @Test("empty elements, an element holding text then children, and an attribute beyond ASCII")
    func shapes() throws {
        let steps: [Step] = [
            .start("root"), .attribute("id", "é😀\"<&>\t\n\r"), .start("empty"), .end, .start("mixed"), .text("t"),
            .element("child", ""), .end, .element("leaf", "a\u{0}b\u{FFFE}c"), .start("outer"), .start("inner"),
            .end, .end, .end,
        ]
        for indentation in [nil, "  "] as [String?] {
            let (fast, reference) = try bytes(steps, indentation: indentation)
            #expect(String(decoding: fast, as: UTF8.self) == String(decoding: reference, as: UTF8.self))
        }
        let (compact, _) = try bytes(steps, indentation: nil)
        #expect(
            String(decoding: compact, as: UTF8.self)
                == "<root id=\"&#xE9;&#x1F600;&quot;&lt;&amp;&gt;&#9;&#10;&#13;\"><empty/><mixed>t<child></child></mixed>"
                + "<leaf>abc</leaf><outer><inner/></outer></root>")
    }
}
