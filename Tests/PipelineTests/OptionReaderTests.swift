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

    static let path = OptionSpec.path("path", "where")
    static let retries = OptionSpec.integer("retries", in: 0...5, default: 2, "how often")

    @Test func readsTypedOptionsAndRejectsAnUnknownKeyAtItsPosition() throws {
        let node = Self.mapping([
            ("path", .scalar(.init(string: "out/x.jsonl", mark: .init(line: 2, column: 9)))),
            ("retries", .scalar(.init(string: "3", mark: .init(line: 3, column: 12)))),
            ("colour", .scalar(.init(string: "red", mark: .init(line: 4, column: 11)))),
        ])
        var reader = OptionReader(
            mapping: node, file: "p.yaml", baseDirectory: "/base", subject: "sink 'x'",
            declared: [Self.path, Self.retries])
        #expect(try reader.read(Self.path) == "/base/out/x.jsonl")
        #expect(try reader.read(Self.retries) == 3)
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
        let retries = OptionSpec.integer("retries", in: 0...100, default: 2, "how often")
        let node = Self.mapping([("retries", .scalar(.init(string: "300", mark: .init(line: 2, column: 12))))])
        var reader = OptionReader(
            mapping: node, file: "p.yaml", baseDirectory: "/", subject: "stage 'exec'", declared: [retries])
        #expect {
            _ = try reader.read(retries)
        } throws: { error in
            let error = error as? PipelineConfigError
            return error?.line == 2 && error?.column == 12 && error?.message.contains("from 0 to 100") == true
        }
    }

    @Test func aPlainNullIsNotGivenButAQuotedOneIsText() throws {
        let a = OptionSpec.string("a", "a")
        let b = OptionSpec.string("b", "b")
        let node = Self.mapping([
            ("a", .scalar(.init(string: "null", isPlain: true))), ("b", .scalar(.init(string: "null", isPlain: false))),
        ])
        var reader = OptionReader(mapping: node, file: "p.yaml", baseDirectory: "/", subject: "s", declared: [a, b])
        #expect(try reader.read(a) == nil)
        #expect(try reader.read(b) == "null")
    }
}
