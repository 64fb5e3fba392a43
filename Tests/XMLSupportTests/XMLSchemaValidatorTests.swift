import Foundation
import Testing
import XMLSupport

private let schema = Array(
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:b="urn:test:books"
               targetNamespace="urn:test:books" elementFormDefault="qualified">
      <xs:element name="books">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="book" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="title" type="xs:string"/>
                  <xs:element name="year" type="xs:gYear" minOccurs="0"/>
                  <xs:element name="isbn" minOccurs="0">
                    <xs:simpleType>
                      <xs:restriction base="xs:string"><xs:pattern value="[0-9]{13}"/></xs:restriction>
                    </xs:simpleType>
                  </xs:element>
                </xs:sequence>
                <xs:attribute name="id" type="xs:ID" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """.utf8)

private func document(_ body: String) -> [UInt8] {
    Array("<?xml version=\"1.0\"?>\n<books xmlns=\"urn:test:books\">\n\(body)\n</books>\n".utf8)
}

@Suite("XMLSchemaValidator")
struct XMLSchemaValidatorTests {
    @Test("a valid document has no diagnostics")
    func valid() throws {
        let validator = try XMLSchemaValidator(schema: schema)
        let doc = document(
            #"<book id="b1"><title>T &amp; U</title><year>2020</year><isbn>9780000000001</isbn></book>"#)
        #expect(validator.validate(doc) == [])
        #expect(validator.isValid(doc))
    }

    @Test("a schema violation is reported with its line and a message naming the element")
    func invalidValue() throws {
        let validator = try XMLSchemaValidator(schema: schema)
        let doc = document(
            """
            <book id="b1"><title>T</title></book>
            <book id="b2"><title>U</title><isbn>12-34</isbn></book>
            """)
        let diagnostics = validator.validate(doc)
        let first = try #require(diagnostics.first)
        #expect(first.stage == .validation)
        #expect(first.line == 4)
        #expect(first.message.contains("isbn"))
        #expect(first.message.contains("12-34"))
        #expect(!first.message.hasSuffix("\n"))
        #expect(first.description.hasPrefix("line 4: "))
    }

    @Test("missing and misplaced elements are reported")
    func structure() throws {
        let validator = try XMLSchemaValidator(schema: schema)
        let missing = validator.validate(document(#"<book id="b1"><year>2020</year></book>"#))
        #expect(missing.contains { $0.stage == .validation && $0.message.contains("year") })
        let unknown = validator.validate(
            document(#"<book id="b1"><title>T</title><price>3</price></book>"#))
        #expect(unknown.contains { $0.message.contains("price") })
        let noNamespace = validator.validate(
            Array(#"<books><book id="b"><title>T</title></book></books>"#.utf8))
        #expect(!noNamespace.isEmpty)
    }

    @Test("a document that is not well-formed is reported as a parse error with its line")
    func notWellFormed() throws {
        let validator = try XMLSchemaValidator(schema: schema)
        let diagnostics = validator.validate(document("<book id=\"b1\"><title>T</book>"))
        let first = try #require(diagnostics.first)
        #expect(first.stage == .parse)
        #expect(first.line == 3)
        #expect(validator.validate([]).first?.stage == .parse)
        #expect(
            validator.validate(Array("<books xmlns=\"urn:test:books\">\u{1}</books>".utf8)).first?.stage
                == .parse)
    }

    @Test("an invalid schema is rejected with libxml2's messages")
    func invalidSchema() {
        #expect(throws: XMLSchemaError.self) {
            try XMLSchemaValidator(schema: Array("<notASchema/>".utf8))
        }
        #expect(throws: XMLSchemaError.self) { try XMLSchemaValidator(schema: Array("not xml".utf8)) }
        do {
            let broken = String(decoding: schema, as: UTF8.self).replacingOccurrences(
                of: "xs:gYear", with: "xs:nope")
            _ = try XMLSchemaValidator(schema: Array(broken.utf8))
            Issue.record("a schema naming an unknown type compiled")
        } catch let error as XMLSchemaError {
            #expect(error.diagnostics.contains { $0.stage == .schema && $0.message.contains("nope") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("external entities are neither expanded nor fetched")
    func externalEntitiesStayOut() throws {
        let validator = try XMLSchemaValidator(schema: schema)
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let doc = Array(
            """
            <?xml version="1.0"?>
            <!DOCTYPE books [<!ENTITY leak SYSTEM "file:///etc/hostname">]>
            <books xmlns="urn:test:books"><book id="b1"><title>x</title><isbn>&leak;</isbn></book></books>
            """.utf8)
        let diagnostics = validator.validate(doc)
        if let hostname, !hostname.isEmpty {
            #expect(!diagnostics.contains { $0.message.contains(hostname) })
        }
    }

    @Test("one validator is shared by concurrent tasks")
    func concurrentValidation() async throws {
        let validator = try XMLSchemaValidator(schema: schema)
        let results = await withTaskGroup(of: (Bool, Bool).self) { group in
            for index in 0..<32 {
                group.addTask {
                    let good = document(#"<book id="b\#(index)"><title>t</title></book>"#)
                    let bad = document(#"<book id="b\#(index)"><isbn>x</isbn></book>"#)
                    return (validator.isValid(good), validator.isValid(bad))
                }
            }
            var all: [(Bool, Bool)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0.0 && !$0.1 })
    }
}
