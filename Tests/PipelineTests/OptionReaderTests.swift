import Pipeline
import Testing

@Suite("Option reader")
struct OptionReaderTests {
    static func mapping(_ pairs: [(String, ConfigNode)]) -> ConfigNode.Mapping {
        ConfigNode.Mapping(
            pairs: pairs.enumerated().map { index, pair in
                (
                    key: ConfigNode.scalar(.init(string: pair.0, mark: .init(line: index + 2, column: 3))),
                    value: pair.1
                )
            },
            mark: .init(line: 1, column: 1))
    }

    @Test func readsTypedOptionsAndRejectsAnUnknownKeyAtItsPosition() throws {
        let node = Self.mapping([
            ("path", .scalar(.init(string: "out/x.jsonl", mark: .init(line: 2, column: 9)))),
            ("retries", .scalar(.init(string: "3", mark: .init(line: 3, column: 12)))),
            ("colour", .scalar(.init(string: "red", mark: .init(line: 4, column: 11)))),
        ])
        var reader = OptionReader(
            mapping: node, file: "p.yaml", baseDirectory: "/base", subject: "sink 'x'", known: ["path", "retries"])
        #expect(try reader.path("path") == "/base/out/x.jsonl")
        #expect(try reader.integer("retries", in: 0...5) == 3)
        #expect(throws: PipelineConfigError.self) { try reader.finish() }
        do {
            try reader.finish()
        } catch {
            #expect(error.line == 4)
            #expect(error.column == 3)
            #expect(error.message.contains("has no option 'colour'"))
        }
    }

    @Test func aValueOutOfRangeIsReportedAtTheValue() {
        let node = Self.mapping([("retries", .scalar(.init(string: "300", mark: .init(line: 2, column: 12))))])
        var reader = OptionReader(
            mapping: node, file: "p.yaml", baseDirectory: "/", subject: "stage 'exec'", known: ["retries"])
        #expect {
            _ = try reader.integer("retries", in: 0...100)
        } throws: { error in
            let error = error as? PipelineConfigError
            return error?.line == 2 && error?.column == 12 && error?.message.contains("from 0 to 100") == true
        }
    }

    @Test func aPlainNullIsNotGivenButAQuotedOneIsText() throws {
        let node = Self.mapping([
            ("a", .scalar(.init(string: "null", isPlain: true))), ("b", .scalar(.init(string: "null", isPlain: false))),
        ])
        var reader = OptionReader(mapping: node, file: "p.yaml", baseDirectory: "/", subject: "s", known: ["a", "b"])
        #expect(try reader.string("a") == nil)
        #expect(try reader.string("b") == "null")
    }
}
