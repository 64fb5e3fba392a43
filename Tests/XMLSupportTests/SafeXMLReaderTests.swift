import Testing
import XMLSupport

@Suite struct SafeXMLReaderTests {
    private func parse(_ xml: String) throws(XMLParseError) -> XMLDocument {
        try SafeXMLReader.parse(Array(xml.utf8))
    }

    @Test func readsElementsAttributesAndText() throws {
        let document = try parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <study rank="3"><id>NCT01234567</id><title lang="en">A &amp; B</title><empty/></study>
            """)
        #expect(document.version == "1.0")
        #expect(document.encoding == "UTF-8")
        #expect(document.root.name == "study")
        #expect(document.root.attribute("rank") == "3")
        #expect(document.root.elements.map(\.name) == ["id", "title", "empty"])
        #expect(document.root.child("title")?.text == "A & B")
        #expect(document.root.child("title")?.attribute("lang") == "en")
        #expect(document.root.child("empty")?.children.isEmpty == true)
        #expect(document.root.child("missing") == nil)
        #expect(document.root.line == 2)
    }

    @Test func replacesPredefinedEntitiesAndCharacterReferences() throws {
        let document = try parse(
            "<r a=\"x&lt;y &#38; &quot;q&quot;\">&lt;tag&gt; &apos;s &#x2265; 18 &#946;</r>")
        #expect(document.root.text == "<tag> 's ≥ 18 β")
        #expect(document.root.attribute("a") == "x<y & \"q\"")
    }

    @Test func mergesCDATAIntoText() throws {
        let document = try parse("<r>before <![CDATA[<b>raw</b> & more]]> after</r>")
        #expect(document.root.children == [.text("before <b>raw</b> & more after")])
    }

    @Test func keepsNamespaces() throws {
        let document = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:ct="urn:example:ct">
              <entry><ct:id ct:kind="nct">NCT00000001</ct:id></entry>
            </feed>
            """)
        #expect(document.root.namespaceURI == "http://www.w3.org/2005/Atom")
        #expect(document.root.prefix == nil)
        let id = try #require(document.root.child(path: "entry", "id"))
        #expect(id.prefix == "ct")
        #expect(id.qualifiedName == "ct:id")
        #expect(id.namespaceURI == "urn:example:ct")
        #expect(id.attributes.first?.namespaceURI == "urn:example:ct")
        #expect(id.attribute("kind") == "nct")
        #expect(id.text == "NCT00000001")
    }

    @Test func doesNotExpandAnExternalFileEntity() throws {
        let document = try parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY leak SYSTEM "file:///etc/passwd"> ]>
            <r>before&leak;after</r>
            """)
        #expect(document.root.text == "beforeafter")
        #expect(!document.root.text.contains("root:"))
    }

    @Test func doesNotFetchAnExternalDTD() throws {
        let document = try parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">
            <r>ok</r>
            """)
        #expect(document.root.text == "ok")
    }

    @Test func refusesOrDoesNotExpandBillionLaughs() {
        var entities = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let refs = String(repeating: "&lol\(level - 1);", count: 10)
            entities += "<!ENTITY lol\(level) \"\(refs)\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(entities)]>\n<lolz>&lol9;</lolz>"
        do {
            let document = try parse(xml)
            // If libxml2 accepts the document, the reference must stay unexpanded.
            #expect(document.root.text.count < 100)
        } catch {
            #expect(error.line > 0)
        }
    }

    @Test func reportsTruncatedDocumentWithPosition() {
        let xml =
            "<clinical_study>\n  <id_info>\n    <nct_id>NCT01234567</nct_id>\n  </id_info>\n  <brief_title>Cut"
        let error = #expect(throws: XMLParseError.self) { try parse(xml) }
        #expect((error?.line ?? 0) >= 5)
        #expect((error?.column ?? 0) > 0)
        #expect(error?.message.isEmpty == false)
        if let error {
            #expect(error.description.hasPrefix("line \(error.line), column \(error.column): "))
        }
    }

    @Test func reportsMismatchedTagWithLibxmlMessage() {
        let error = #expect(throws: XMLParseError.self) { try parse("<a>\n<b></c>\n</a>") }
        #expect(error?.line == 2)
        #expect(error?.message.contains("mismatch") == true)
        #expect(error?.code != 0)
    }

    @Test func rejectsEmptyInputAndNonXML() {
        #expect(throws: XMLParseError.self) { try SafeXMLReader.parse([]) }
        #expect(throws: XMLParseError.self) { try parse("just some text") }
    }

    @Test func parsesConcurrentlyOnManyTasks() async throws {
        let xml = Array("<r><a>1</a><b x=\"2\">two</b></r>".utf8)
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        _ = try? SafeXMLReader.parse(Array("<broken>".utf8))
                    }
                    return try SafeXMLReader.parse(xml).root.text
                }
            }
            var texts: [String] = []
            for try await text in group { texts.append(text) }
            return texts
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == "1two" })
    }
}
