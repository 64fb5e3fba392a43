public import Pipeline

/// A `HOST:PORT` to listen on, as `--metrics-address` takes it (`127.0.0.1:9464`, `[::1]:9464`, `0.0.0.0:0`).
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host name or IP address (without brackets).
    public var host: String
    /// The TCP port; 0 lets the system choose a free one.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// What is wrong with a `--metrics-address` value and how to write it.
    public struct ParseError: DescribedError, Sendable, CustomStringConvertible {
        /// The message for people.
        public var description: String

        public var errorCode: TrialpipeError.Code { .metricsAddress }
        public var errorMessage: String { description }
    }

    /// Reads `HOST:PORT`; an IPv6 address goes in brackets (`[::1]:9464`).
    public init(parsing text: String) throws(ParseError) {
        let example = "write HOST:PORT, e.g. 127.0.0.1:9464 (or [::1]:9464 for IPv6, port 0 for any free port)"
        var host: Substring
        var portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw ParseError(description: "'\(text)' is not an address: \(example)")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw ParseError(description: "'\(text)' has no port: \(example)")
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") {
                throw ParseError(description: "'\(text)': put an IPv6 address in brackets; \(example)")
            }
        }
        guard !host.isEmpty else { throw ParseError(description: "'\(text)' has no host: \(example)") }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ParseError(description: "'\(text)': the port must be a number from 0 to 65535; \(example)")
        }
        self.init(host: String(host), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
