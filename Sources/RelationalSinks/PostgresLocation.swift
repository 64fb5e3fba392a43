import Foundation
import Pipeline

/// Where the `postgres` sink connects, read from its `url:` option:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE&sslrootcert=FILE&host=SOCKET_FOLDER]`.
///
/// A password is best given from the environment (`url: postgres://app:${PGPASSWORD}@db/trials`), with any
/// `@`, `:` or `/` in it percent-encoded. `sslmode` is `disable` (the default), `prefer`, `require` (encrypted,
/// the server's certificate not checked) or `verify-full` (encrypted, certificate and host name checked against
/// the system's roots or `sslrootcert`).
public struct PostgresLocation: Sendable, Equatable {
    /// How TLS is used.
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyFull = "verify-full"
    }

    /// The server's host name or address (ignored when ``socketFolder`` is set).
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The folder of the server's Unix socket, from the `host=` query parameter, if any.
    public var socketFolder: String?
    /// The user name.
    public var user: String
    /// The password, if the URL gives one.
    public var password: String?
    /// The database name.
    public var database: String
    /// How TLS is used.
    public var tls: TLSMode
    /// A PEM file of trusted roots for `verify-full`.
    public var rootCertificate: String?

    /// The URL without its password, for logs and messages.
    public var display: String {
        let place = socketFolder.map { "?host=" + $0 } ?? ""
        return "postgres://\(user)@\(host):\(port)/\(database)\(place)"
    }

    /// Reads a URL; the error message says what is wrong and shows the expected form.
    public init(url text: String) throws(RelationalSinkError) {
        let form = "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require]"
        func problem(_ what: String) -> RelationalSinkError {
            RelationalSinkError(
                code: .postgresURL, message: "sink 'postgres': option 'url' \(what); write it as \(form)")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme else {
            throw problem("is not a URL")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw problem("must start with postgres://, not \(scheme)://")
        }
        guard let user = components.user, !user.isEmpty else { throw problem("names no user") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw problem("names no database after the host") }
        var tls = TLSMode.disable
        var socketFolder: String?
        var rootCertificate: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw problem("has sslmode=\(item.value ?? ""); use one of \(modes)")
                }
                tls = mode
            case "host":
                guard let value = item.value, value.hasPrefix("/") else {
                    throw problem("has host= without a socket folder (an absolute path)")
                }
                socketFolder = value
            case "sslrootcert":
                rootCertificate = item.value
            default:
                throw problem("has the unknown parameter '\(item.name)' (known: sslmode, sslrootcert, host)")
            }
        }
        let host = components.host ?? ""
        guard !host.isEmpty || socketFolder != nil else { throw problem("names no host") }
        self.host = host.isEmpty ? "localhost" : host
        self.port = components.port ?? 5432
        self.socketFolder = socketFolder
        self.user = user
        self.password = components.password
        self.database = database
        self.tls = tls
        self.rootCertificate = rootCertificate
    }
}
