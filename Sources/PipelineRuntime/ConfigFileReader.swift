import Foundation

/// Reads a whole pipeline file with POSIX calls, refusing one over a limit.
///
/// Reads until end of file rather than trusting the size `stat` reports, so a path such as `/dev/zero` or a
/// FIFO ends in a clear error instead of exhausting memory.
enum ConfigFileReader {
    /// Why a file could not be read.
    enum Failure: Error, Sendable {
        /// `open` or `read` failed; the system's reason.
        case unreadable(String)
        /// The file holds more than the limit.
        case tooLarge(limit: Int)
    }

    /// The file's bytes, at most `limit` of them.
    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else { throw .tooLarge(limit: limit) }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
