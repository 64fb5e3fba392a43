import Foundation
import Logging

/// Logs go to stderr, once per process, at the level `TRIALPIPE_LOG_LEVEL` names (default `info`).
enum LogSetup {
    static let bootstrapped: Void = {
        let level =
            ProcessInfo.processInfo.environment["TRIALPIPE_LOG_LEVEL"].flatMap {
                Logger.Level(rawValue: $0.lowercased())
            }
            ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }()

    static func logger() -> Logger {
        _ = bootstrapped
        return Logger(label: "trialpipe")
    }
}
