import NIOSSL
public import PostgresNIO

extension PostgresLocation {
    /// The postgres-nio configuration for this location: a Unix socket or TCP, with TLS as `sslmode` asks.
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketFolder {
            return PostgresConnection.Configuration(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch self.tls {
        case .disable:
            tls = .disable
        case .prefer, .require:
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .none
            let context = try NIOSSLContext(configuration: settings)
            tls = self.tls == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            var settings = TLSConfiguration.makeClientConfiguration()
            if let rootCertificate { settings.trustRoots = .file(rootCertificate) }
            tls = .require(try NIOSSLContext(configuration: settings))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
