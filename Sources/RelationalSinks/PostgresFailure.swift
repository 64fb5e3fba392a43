import PostgresNIO

/// Whether a PostgreSQL error means the connection or the server is (for now) unavailable, so the batch
/// should wait and be tried again, rather than that the batch itself is wrong.
enum PostgresFailure {
    /// SQLSTATE classes and codes worth waiting for: connection exceptions (08), operator intervention such as
    /// a server shutting down or starting (57), insufficient resources (53), and serialization failures and
    /// deadlocks (40001, 40P01), which a second try of the whole transaction resolves.
    static func isTransient(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else {
            // Connection refused, reset or timed out: errors of the channel, not of the batch.
            return !(error is CancellationError) && !(error is RelationalSinkError)
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("57") || state.hasPrefix("53") || state == "40001"
                || state == "40P01"
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return true
        default:
            return false
        }
    }

    /// A short description for logs: the server's SQLSTATE and message when it sent one.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo, let message = info[.message] {
            return "\(info[.sqlState] ?? "?"): \(message)"
        }
        return "\(error.code)"
    }
}
