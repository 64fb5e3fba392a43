import Foundation

/// A runtime error of trialpipe, shaped like swift-nio's `FileSystemError`: a stable ``code`` (what
/// `NAME.error.json` says), a ``message`` that says what happened and how to fix it, and the ``cause``
/// underneath, if any. ``systemCall(_:errno:)`` builds one for a failed system call.
public struct TrialpipeError: Error, Sendable, CustomStringConvertible {
    /// A stable error code. Plugins may use their own (`Code("my-code")`); trialpipe's are listed here.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The code as written in `NAME.error.json`.
        public var rawValue: String

        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A code from its text.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// A code from a string literal.
        public init(stringLiteral value: String) { rawValue = value }

        public var description: String { rawValue }

        /// The document is binary data.
        public static let binary: Code = "binary"
        /// The document holds no text.
        public static let empty: Code = "empty"
        /// The document is over the size limit.
        public static let tooLarge: Code = "too-large"
        /// The XML cannot be parsed.
        public static let malformedXML: Code = "malformed-xml"
        /// The JSON cannot be parsed.
        public static let malformedJSON: Code = "malformed-json"
        /// The structured document is not a study.
        public static let notAStudy: Code = "not-a-study"
        /// The inbox entry is a symbolic link (refused unread).
        public static let symlink: Code = "symlink"
        /// The inbox entry is a FIFO (refused unread).
        public static let fifo: Code = "fifo"
        /// The inbox entry is a device (refused unread).
        public static let device: Code = "device"
        /// The inbox entry is a socket (refused unread).
        public static let socket: Code = "socket"
        /// The inbox entry is not a regular file (refused unread).
        public static let notRegular: Code = "not-regular"
        /// The inbox entry cannot be opened or read.
        public static let unreadable: Code = "unreadable"
        /// A system call failed.
        public static let io: Code = "io"
        /// The disk is full.
        public static let diskFull: Code = "disk-full"
        /// A record id is not a safe file name.
        public static let unsafeId: Code = "unsafe-id"
        /// An XML collection file is not one trialpipe wrote.
        public static let notACollection: Code = "not-a-collection"
        /// Moving a document to quarantine failed.
        public static let quarantine: Code = "quarantine"
        /// The exec subprocess cannot be started.
        public static let execStart: Code = "exec-start"
        /// The exec subprocess crashed.
        public static let execCrashed: Code = "exec-crashed"
        /// The exec subprocess answered with something that is not a record.
        public static let execBadOutput: Code = "exec-bad-output"
        /// The exec subprocess did not answer in time.
        public static let execTimeout: Code = "exec-timeout"
        /// The exec subprocess failed every retry.
        public static let execFailed: Code = "exec-failed"
        /// A folder to watch does not exist.
        public static let directoryMissing: Code = "directory-missing"
        /// A path to watch is not a folder.
        public static let notADirectory: Code = "not-a-directory"
        /// The kernel refused a watch (limits or permissions).
        public static let watchUnavailable: Code = "watch-unavailable"
        /// A watcher was started twice, or after it stopped.
        public static let watcherStarted: Code = "watcher-started"
        /// An inotify buffer ended inside an event.
        public static let inotifyTruncated: Code = "inotify-truncated"
        /// An XML schema does not compile.
        public static let invalidXMLSchema: Code = "invalid-xml-schema"
        /// The XML writer refused a name or an operation.
        public static let xmlWrite: Code = "xml-write"
        /// The record schema (XSD) is missing from the build.
        public static let schemaResourceMissing: Code = "xsd-missing"
        /// A relational sink's schema file is missing from the build.
        public static let schemaMissing: Code = "schema-missing"
        /// A database holds tables of another schema version.
        public static let schemaVersion: Code = "schema-version"
        /// The `postgres` sink's `url:` is malformed.
        public static let postgresURL: Code = "postgres-url"
        /// The PostgreSQL server cannot be reached.
        public static let postgresConnect: Code = "postgres-connect"
        /// The SQLite database cannot be opened.
        public static let sqliteOpen: Code = "sqlite-open"
        /// A `--metrics-address` value is malformed.
        public static let metricsAddress: Code = "metrics-address"
        /// The metrics server cannot listen on its address.
        public static let metricsListen: Code = "metrics-listen"
        /// A graceful shutdown did not finish in its time; the documents in flight were abandoned.
        public static let shutdownTimeout: Code = "shutdown-timeout"
        /// An error that did not say its code.
        public static let error: Code = "error"
    }

    /// The stable code.
    public var code: Code
    /// What happened and how to fix it.
    public var message: String
    /// The error underneath, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// An error for a failed system call: `what` names the operation and its file (`cannot fsync x.jsonl`),
    /// the system's reason follows (`errno` unless `number` is given); a full disk has its own code.
    public static func systemCall(_ what: String, errno given: Int32? = nil) -> TrialpipeError {
        let number = given ?? errno
        let reason = String(cString: strerror(number))
        return TrialpipeError(
            code: number == ENOSPC ? .diskFull : .io, message: "\(what): \(reason)",
            cause: POSIXError(POSIXErrorCode(rawValue: number) ?? .EIO))
    }

    public var description: String { message }
}
