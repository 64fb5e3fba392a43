import Foundation
import Logging
import Operations
import Synchronization

/// Logs go to stderr, in text or JSON lines, at the level `TRIALPIPE_LOG_LEVEL` names (default `info`).
/// The log system is set up once per process, by the first command that asks.
enum LogSetup {
    private static let bootstrapped = Mutex(false)

    static func logger(format: LogFormat = .text) -> Logger {
        bootstrapped.withLock { done in
            guard !done else { return }
            done = true
            let level =
                ProcessInfo.processInfo.environment["TRIALPIPE_LOG_LEVEL"].flatMap {
                    Logger.Level(rawValue: $0.lowercased())
                }
                ?? .info
            LoggingSystem.bootstrap { label in
                switch format {
                case .text:
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return handler
                case .json:
                    var handler = JSONLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return handler
                }
            }
        }
        return Logger(label: "trialpipe")
    }
}
