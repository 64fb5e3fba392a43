import BuiltinPlugins
import Pipeline
import Testing
import TrialModel

@Suite("exec answer reader")
struct ExecAnswerReaderTests {
    /// Reads `output` delivered in reads of `chunk` bytes, then the end of output.
    func lines(_ output: String, chunk: Int) -> [String] {
        let bytes = Array(output.utf8)
        var reader = ExecAnswerReader()
        var lines: [String] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            lines += reader.lines(from: bytes[start..<end])
            start = end
        }
        if let last = reader.finish() { lines.append(last) }
        return lines
    }

    @Test("lines are the same however the output is chunked; a last line without newline still counts")
    func chunking() {
        let output = "{\"a\":1}\n\nsecond line é\nunfinished"
        let expected = ["{\"a\":1}", "", "second line é", "unfinished"]
        for chunk in [1, 2, 3, 7, 64] { #expect(lines(output, chunk: chunk) == expected) }
    }

    @Test("finish returns nothing when the output ended with a newline")
    func finishAfterNewline() {
        var reader = ExecAnswerReader()
        #expect(reader.lines(from: Array("one\n".utf8)) == ["one"])
        #expect(reader.finish() == nil)
    }

    @Test("a record line decodes; a line that is not a record is exec-bad-output quoting its start")
    func records() throws {
        var record = TrialRecord(
            id: "NCT01234567",
            provenance: Provenance(
                sourcePath: "a.txt", sha256: String(repeating: "0", count: 64), bytes: 1, layout: "generic",
                pipeline: "p", processedAt: "2026-01-01T00:00:00Z"))
        record.briefTitle = "A title"
        let line = String(decoding: RecordJSONWriter.encode(record), as: UTF8.self)
        #expect(try ExecAnswerReader.record(from: line) == record)
        let bad = "not json " + String(repeating: "x", count: 300)
        let error = #expect(throws: StageError.self) { try ExecAnswerReader.record(from: bad) }
        #expect(error?.code == "exec-bad-output")
        #expect(error?.message.contains(String(bad.prefix(200))) == true)
        #expect(error?.message.contains(bad) == false)
    }
}
