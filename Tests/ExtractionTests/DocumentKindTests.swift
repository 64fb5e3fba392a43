import Testing
import TrialModel

@testable import Extraction

@Suite("Document kinds")
struct DocumentKindTests {
    @Test func markupIsToldApartWithoutRegardToCase() {
        #expect(DocumentKind.sniff(Array("<?xml version=\"1.0\"?>\n<CLINICAL_STUDY>".utf8)) == .ctgovXML)
        #expect(DocumentKind.sniff(Array("<search_results count=\"2\">".utf8)) == .ctgovXML)
        #expect(DocumentKind.sniff(Array("<!DOCTYPE html><html><body>x</body></html>".utf8)) == .html)
        #expect(DocumentKind.sniff(Array("  {\"studies\": []}".utf8)) == .json)
        #expect(DocumentKind.sniff(Array("MedPath\n\nTitle".utf8)) == .text)
        #expect(DocumentKind.sniff(Array(" \n\t ".utf8)) == .empty)
        #expect(DocumentKind.sniff([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]) == .binary)
    }

    @Test func utf16WithAByteOrderMarkIsReadAsTheSameText() throws {
        let text = "Overview\nA Study of Cetuximab — Phase 3 ✓"
        var littleEndian: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var bigEndian: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(DocumentKind.utf8FromUTF16(littleEndian) == Array(text.utf8))
        #expect(DocumentKind.utf8FromUTF16(bigEndian) == Array(text.utf8))
        #expect(DocumentKind.utf8FromUTF16(Array("plain".utf8)) == nil)
        let input = ExtractionInput(bytes: littleEndian, sourcePath: "u16.txt", pipeline: "t", processedAt: "t")
        let record = try #require(try DocumentExtractor().extract(input).first?.record)
        #expect(record.briefTitle == "A Study of Cetuximab — Phase 3 ✓")
        #expect(record.provenance.bytes == littleEndian.count)
        #expect(record.warnings.contains("UTF-16 text: read as UTF-8"))
    }
}
