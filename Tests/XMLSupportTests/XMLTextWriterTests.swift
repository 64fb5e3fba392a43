import Foundation
import FoundationXML
import Testing
import XMLSupport

/// Re-parses writer output with an independent parser (Foundation's `XMLDocument`).
private func reparsed(_ bytes: [UInt8]) throws -> FoundationXML.XMLElement {
    let document = try XMLDocument(data: Data(bytes))
    return try #require(document.rootElement())
}

private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite("XMLTextWriter")
struct XMLTextWriterTests {
    @Test("writes a declaration, nested elements, attributes and escaped text")
    func basicDocument() throws {
        let bytes = try XMLTextWriter.write { xml in
            try xml.element("root") { xml in
                try xml.attribute("xmlns", "urn:example")
                try xml.attribute("id", "a&b\"<c>")
                try xml.element("child", text: "x < y & z > w ]]> \"q\" 'a'")
                try xml.startElement("mixed")
                try xml.text("one")
                try xml.text(" & two")
                try xml.endElement()
            }
        }
        let text = string(bytes)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root"))
        #expect(text.contains("id=\"a&amp;b&quot;&lt;c&gt;\""))
        #expect(text.contains("x &lt; y &amp; z &gt; w ]]&gt;"))
        let root = try reparsed(bytes)
        #expect(root.uri == "urn:example")
        // XMLDocument looks attributes up by namespace once a default namespace is declared.
        #expect(root.attributes?.first { $0.name == "id" }?.stringValue == "a&b\"<c>")
        #expect(root.elements(forName: "child").first?.stringValue == "x < y & z > w ]]> \"q\" 'a'")
        #expect(root.elements(forName: "mixed").first?.stringValue == "one & two")
    }

    @Test("drops characters outside the XML 1.0 Char range so the output stays well-formed")
    func stripsDisallowedCharacters() throws {
        let hostile = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}i"
        let bytes = try XMLTextWriter.write { xml in
            try xml.element("root") { xml in
                try xml.attribute("value", hostile)
                try xml.element("text", text: hostile)
            }
        }
        #expect(!bytes.contains(where: { $0 < 0x20 && $0 != 0x0A }))
        let root = try reparsed(bytes)
        #expect(root.attribute(forName: "value")?.stringValue == "abcdefghi")
        #expect(root.elements(forName: "text").first?.stringValue == "abcdefghi")
    }

    @Test("keeps tab, line feed, carriage return, non-BMP characters and combining marks")
    func keepsAllowedCharacters() throws {
        let text = "tab\there\nline\r\ncr 😀🧬 e\u{301} 日本語 \u{FFFD} \u{10FFFF} \u{7F} \u{2028}"
        let bytes = try XMLTextWriter.write { xml in
            try xml.element("root") { xml in
                try xml.attribute("value", text)
                try xml.element("text", text: text)
            }
        }
        #expect(string(bytes).contains("😀🧬 e\u{301} 日本語"))
        let root = try reparsed(bytes)
        #expect(root.attribute(forName: "value")?.stringValue == text)
        #expect(root.elements(forName: "text").first?.stringValue == text)
    }

    @Test("removingDisallowedCharacters returns clean text unchanged and filters the rest")
    func sanitizer() {
        #expect(XMLTextWriter.removingDisallowedCharacters("plain é 😀") == "plain é 😀")
        #expect(XMLTextWriter.removingDisallowedCharacters("\u{0}") == "")
        #expect(XMLTextWriter.removingDisallowedCharacters("\t\n\r") == "\t\n\r")
        #expect(XMLTextWriter.removingDisallowedCharacters("x\u{FFFE}\u{FFFD}\u{FFFF}") == "x\u{FFFD}")
        #expect(XMLTextWriter.removingDisallowedCharacters("\u{EFFF}\u{F000}") == "\u{EFFF}\u{F000}")
    }

    @Test("writes a fragment without a declaration and closes elements left open")
    func fragment() throws {
        let bytes = try XMLTextWriter.write(options: .init(declaration: false)) { xml in
            try xml.startElement("trial")
            try xml.attribute("id", "1")
            try xml.startElement("name")
            try xml.text("n")
        }
        #expect(string(bytes) == "<trial id=\"1\"><name>n</name></trial>")
    }

    @Test("indents nested elements when asked")
    func indentation() throws {
        let bytes = try XMLTextWriter.write(options: .init(indentation: "  ", declaration: false)) {
            xml in
            try xml.element("a") { xml in
                try xml.element("b") { try $0.element("c", text: "x") }
            }
        }
        #expect(string(bytes) == "<a>\n  <b>\n    <c>x</c>\n  </b>\n</a>\n")
    }

    @Test("rejects names that are not XML names")
    func invalidNames() throws {
        for name in ["", "1abc", "a b", "a<b", "a\u{0}b"] {
            #expect(throws: XMLTextWriterError.invalidName(name)) {
                _ = try XMLTextWriter.write { try $0.startElement(name) }
            }
            #expect(throws: XMLTextWriterError.invalidName(name)) {
                _ = try XMLTextWriter.write { xml in
                    try xml.element("ok") { try $0.attribute(name, "v") }
                }
            }
        }
        #expect(XMLTextWriter.isValidName("camelCase"))
        #expect(XMLTextWriter.isValidName("xmlns"))
    }

    @Test("reports misuse: closing with nothing open, an attribute after content")
    func misuse() {
        #expect(throws: XMLTextWriterError.noOpenElement) {
            _ = try XMLTextWriter.write { try $0.endElement() }
        }
        #expect(throws: XMLTextWriterError.self) {
            _ = try XMLTextWriter.write { xml in
                try xml.element("a") { xml in
                    try xml.text("content")
                    try xml.attribute("late", "x")
                }
            }
        }
    }

    @Test("an error thrown by the body propagates and frees the writer")
    func bodyErrorPropagates() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try XMLTextWriter.write { xml in
                try xml.startElement("a")
                throw Stop()
            }
        }
    }

    @Test("independent writers run concurrently")
    func concurrentWriters() async throws {
        let outputs = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let bytes = try XMLTextWriter.write { xml in
                        try xml.element("n") { try $0.element("v", text: "value \(index) & more") }
                    }
                    return (index, bytes)
                }
            }
            var result: [Int: [UInt8]] = [:]
            for try await (index, bytes) in group { result[index] = bytes }
            return result
        }
        for (index, bytes) in outputs {
            #expect(
                try reparsed(bytes).elements(forName: "v").first?.stringValue == "value \(index) & more")
        }
        #expect(outputs.count == 64)
    }
}
