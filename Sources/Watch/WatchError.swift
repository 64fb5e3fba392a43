import Foundation
public import TrialpipeErrors

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure to set up or run a directory watcher, with the system error behind it.
public struct WatchError: DescribedError, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, broadly; its raw value is the stable code.
    public enum Code: String, Sendable, Hashable {
        /// The directory does not exist (or a path component is missing).
        case directoryMissing = "directory-missing"
        /// The path exists but is not a directory.
        case notADirectory = "not-a-directory"
        /// The kernel refused a watch: too many watches or instances, or no permission.
        case watchUnavailable = "watch-unavailable"
        /// The watcher was started twice, or after it was stopped.
        case alreadyStarted = "watcher-started"
        /// Any other system call failure.
        case systemCall = "io"
    }

    /// What went wrong, broadly.
    public var code: Code
    /// A sentence saying what failed and what to do.
    public var message: String
    /// The `errno` value, when a system call failed.
    public var errno: Int32?

    /// Creates an error.
    public init(code: Code, message: String, errno: Int32? = nil) {
        self.code = code
        self.message = message
        self.errno = errno
    }

    /// The error for starting a watcher twice, or after it stopped.
    static func alreadyStarted(path: String) -> WatchError {
        WatchError(
            code: .alreadyStarted,
            message: "the watcher for '\(path)' was already started; make a new one to watch again")
    }

    /// An error for a failed system call on `path`, classified by `errno`.
    static func systemCall(_ call: String, path: String, errno number: Int32) -> WatchError {
        let reason = String(cString: strerror(number))
        let code: Code
        switch number {
        case ENOENT: code = .directoryMissing
        case ENOTDIR: code = .notADirectory
        case ENOSPC, EMFILE, ENFILE, EACCES, EPERM: code = .watchUnavailable
        default: code = .systemCall
        }
        var message = "\(call) failed for '\(path)': \(reason) (errno \(number))"
        if number == ENOSPC || number == EMFILE {
            message += "; raise fs.inotify.max_user_watches/max_user_instances or use polling"
        }
        return WatchError(code: code, message: message, errno: number)
    }

    public var description: String { message }

    public var errorCode: TrialpipeError.Code { TrialpipeError.Code(code.rawValue) }
    public var errorMessage: String { message }
    /// The system's error, when a system call failed.
    public var errorCause: (any Error & Sendable)? {
        errno.map { POSIXError(POSIXErrorCode(rawValue: $0) ?? .EIO) }
    }
}
