import Operations
import Testing

@Suite("Listen address")
struct ListenAddressTests {
    @Test func readsHostAndPortIncludingBracketedIPv6() throws {
        #expect(try ListenAddress(parsing: "127.0.0.1:9464") == ListenAddress(host: "127.0.0.1", port: 9464))
        #expect(try ListenAddress(parsing: "localhost:0") == ListenAddress(host: "localhost", port: 0))
        #expect(try ListenAddress(parsing: "[::1]:9464") == ListenAddress(host: "::1", port: 9464))
        #expect(ListenAddress(host: "::1", port: 9464).description == "[::1]:9464")
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:", ":9464", "127.0.0.1:70000", "::1:9464", "[::1]9464", "host:port"])
    func rejectsWhatIsNotHostColonPortWithAnExample(_ text: String) {
        #expect {
            try ListenAddress(parsing: text)
        } throws: { error in
            "\(error)".contains("e.g. 127.0.0.1:9464")
        }
    }
}
