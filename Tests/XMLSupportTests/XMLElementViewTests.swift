import Testing
import XMLSupport

/// The in-place view of libxml2's tree reads what the Swift tree of ``SafeXMLReader/parse(_:documentURL:)``
/// holds: names, text, attributes and children, with entity references left out.
@Suite struct XMLElementViewTests {
    static let document = """
        <?xml version="1.0"?>
        <!DOCTYPE study [<!ENTITY own "declared text">]>
        <s:study xmlns:s="urn:example" rank="3" note="a&amp;b">
          <id>NCT01234567</id>
          <title lang="en">A &amp; B &#x2265; 18 <![CDATA[<raw>]]> &own; end</title>
          <!-- a comment -->
          <condition>First</condition><condition>Second <i>inner</i> tail</condition>
          <empty/>
        </s:study>
        """

    /// Every name, text and attribute of an element and its descendants, as one comparable list.
    static func summary(of element: XMLElement) -> [String] {
        [element.qualifiedName, element.text, element.attribute("rank") ?? "-", element.attribute("note") ?? "-"]
            + element.elements.flatMap { summary(of: $0) }
    }

    static func summary(of element: XMLElementView) -> [String] {
        [element.qualifiedName, element.text, element.attribute("rank") ?? "-", element.attribute("note") ?? "-"]
            + element.elements.flatMap { summary(of: $0) }
    }

    @Test func readsWhatTheSwiftTreeHolds() throws {
        let bytes = Array(Self.document.utf8)
        let tree = try SafeXMLReader.parse(bytes)
        let viewed = try SafeXMLReader.withRootElement(of: bytes) { Self.summary(of: $0) }
        #expect(viewed == Self.summary(of: tree.root))
        #expect(viewed.contains("A & B ≥ 18 <raw>  end"))
    }

    /// Without blank text, only the white space between elements goes: element text, white space inside text,
    /// and an element holding nothing but white space are read as with it.
    @Test func leavingBlankTextOutDropsOnlyTheWhiteSpaceBetweenElements() throws {
        let xml = """
            <study>
              <id>  NCT01234567 </id>
              <blank>   </blank>
              <list>
                <item>one  two</item>
                <item>three</item>
              </list>
            </study>
            """
        func read(keeping: Bool) throws -> [String] {
            try SafeXMLReader.withRootElement(of: Array(xml.utf8), keepingBlankText: keeping) { root in
                [root.text, root.child("id")?.text ?? "-", root.child("blank")?.text ?? "-"]
                    + (root.child("list")?.elements.map(\.text) ?? []) + [String(root.elements.count)]
            }
        }
        let kept = try read(keeping: true)
        let dropped = try read(keeping: false)
        #expect(kept[0].hasPrefix("\n  "))
        #expect(dropped[0] == "  NCT01234567    one  twothree")
        #expect(Array(dropped.dropFirst()) == Array(kept.dropFirst()))
        #expect(Array(dropped.dropFirst()) == ["  NCT01234567 ", "   ", "one  two", "three", "3"])
    }

    @Test func findsChildrenByName() throws {
        let found = try SafeXMLReader.withRootElement(of: Array(Self.document.utf8)) { root in
            (
                name: root.name, isStudy: root.hasName("study"), id: root.child("id")?.text,
                conditions: root.children(named: "condition").map(\.text),
                lang: root.child(path: "title")?.attribute("lang"), missing: root.child("missing") == nil,
                emptyText: root.child("empty")?.text
            )
        }
        #expect(found.name == "study")
        #expect(found.isStudy)
        #expect(found.id == "NCT01234567")
        #expect(found.conditions == ["First", "Second inner tail"])
        #expect(found.lang == "en")
        #expect(found.missing)
        #expect(found.emptyText == "")
    }

    @Test func leavesUnreadElementsOutButStillChecksThem() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE study [<!ENTITY own "declared">]>
            <study><id>1</id>
            <results a="b"><group><!-- c --><?pi x?>text &own; &amp; <![CDATA[raw]]><results/></group></results>
            <tail>after</tail><results/></study>
            """
        let found = try SafeXMLReader.withRootElement(of: Array(xml.utf8), unreadElements: ["results"]) { root in
            (names: root.elements.map(\.name), tail: root.child("tail")?.text)
        }
        #expect(found.names == ["id", "tail"])
        #expect(found.tail == "after")
        let rootKept = try SafeXMLReader.withRootElement(
            of: Array("<results><x/></results>".utf8), unreadElements: ["results"]
        ) {
            root in root.elements.map(\.name)
        }
        #expect(rootKept == ["x"])
        for malformed in ["<s><results><a></results></s>", "<s><results>&undeclared;</results></s>", "<s><results>"] {
            #expect(throws: XMLParseError.self, "\(malformed)") {
                try SafeXMLReader.withRootElement(of: Array(malformed.utf8), unreadElements: ["results"]) { $0.name }
            }
        }
    }

    @Test func reportsMalformedXMLAsParseDoes() {
        #expect(throws: XMLParseError.self) {
            try SafeXMLReader.withRootElement(of: Array("<a><b></a>".utf8)) { $0.name }
        }
    }
}
