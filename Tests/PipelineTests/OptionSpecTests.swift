import Pipeline
import Testing

/// One declaration both documents an option and reads it.
@Suite("Option declarations")
struct OptionSpecTests {
    enum Colour: String, CaseIterable, Sendable { case red, green }

    static let timeout = OptionSpec.number("timeout", in: 0.1...60, default: 30, "seconds to wait")
    static let retries = OptionSpec.integer("retries", in: 0...9, default: 2, "times to try again")
    static let colour = OptionSpec.choice("colour", default: Colour.green, "the colour")
    static let verbose = OptionSpec.boolean("verbose", default: false, "say more")
    static let names = OptionSpec.stringList("names", default: ["a", "b"], "the names")
    static let state = OptionSpec.path("state", default: "Outbox/.state", "the state folder")
    static let url = OptionSpec.string("url", required: "postgres://localhost/trials", "where")
    static let all: [any OptionDeclaration] = [timeout, retries, colour, verbose, names, state, url]

    static func reader(_ pairs: [(String, String)]) -> OptionReader {
        let mapping = ConfigNode.Mapping(
            pairs: pairs.map { (key: .scalar(.init(string: $0.0)), value: .scalar(.init(string: $0.1))) },
            mark: .init(line: 3, column: 5))
        return OptionReader(
            mapping: mapping, file: "p.yaml", baseDirectory: "/base", subject: "sink 't'", declared: all)
    }

    @Test func anAbsentOptionGivesItsDeclaredDefault() throws {
        var reader = Self.reader([("url", "postgres://x/y")])
        #expect(try reader.read(Self.timeout) == 30)
        #expect(try reader.read(Self.retries) == 2)
        #expect(try reader.read(Self.colour) == .green)
        #expect(try reader.read(Self.verbose) == false)
        #expect(try reader.read(Self.names) == ["a", "b"])
        #expect(try reader.read(Self.state) == "/base/Outbox/.state")
        #expect(try reader.read(Self.url) == "postgres://x/y")
        try reader.finish()
    }

    @Test func aGivenOptionIsReadAsItsType() throws {
        var reader = Self.reader([
            ("timeout", "0.5"), ("retries", "7"), ("colour", "red"), ("verbose", "yes"), ("names", "c"),
            ("state", "/abs/state"), ("url", "u"),
        ])
        #expect(try reader.read(Self.timeout) == 0.5)
        #expect(try reader.read(Self.retries) == 7)
        #expect(try reader.read(Self.colour) == .red)
        #expect(try reader.read(Self.verbose) == true)
        #expect(try reader.read(Self.names) == ["c"])
        #expect(try reader.read(Self.state) == "/abs/state")
        #expect(try reader.read(Self.url) == "u")
        try reader.finish()
    }

    @Test func aMissingRequiredOptionNamesAnExampleAtTheMapping() {
        var reader = Self.reader([])
        #expect {
            _ = try reader.read(Self.url)
        } throws: { error in
            let error = error as? PipelineConfigError
            return error?.line == 3 && error?.column == 5
                && error?.message == "sink 't' needs option 'url', e.g. `url: postgres://localhost/trials`"
        }
    }

    @Test func aWordOutsideTheChoiceIsNamedWithTheChoices() {
        var reader = Self.reader([("colour", "blue")])
        #expect {
            _ = try reader.read(Self.colour)
        } throws: { error in
            (error as? PipelineConfigError)?.message
                == "sink 't': option 'colour' must be one of red, green, not 'blue'"
        }
    }

    @Test func aMisspeltKeyIsAnsweredWithTheClosestDeclaredOne() throws {
        var reader = Self.reader([("url", "u"), ("timout", "3")])
        _ = try reader.read(Self.url)
        #expect {
            try reader.finish()
        } throws: { error in
            (error as? PipelineConfigError)?.message.contains("did you mean 'timeout'?") == true
        }
    }

    @Test func theDeclarationDocumentsTypeDefaultAndRequirement() {
        let documented = Self.all.map(\.documentation)
        #expect(documented.map(\.name) == ["timeout", "retries", "colour", "verbose", "names", "state", "url"])
        let types = ["number", "integer", "one of red|green", "boolean", "list of strings", "path", "string"]
        #expect(documented.map(\.type) == types)
        #expect(documented.map(\.defaultValue) == ["30", "2", "green", "false", "[a, b]", "Outbox/.state", nil])
        #expect(documented.map(\.required) == [false, false, false, false, false, false, true])
        #expect(documented[0].summary == "seconds to wait")
    }
}
