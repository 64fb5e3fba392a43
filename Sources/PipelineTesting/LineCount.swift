public import Foundation

/// The number of lines of a file, such as a JSON Lines sink's output (0 when it does not exist).
///
/// Counted with `memchr`: tests poll it on megabytes while a daemon writes, and a byte-by-byte count in a debug
/// build is slow enough for the daemon to finish between two looks.
public func lineCount(ofFile path: String) -> Int {
    guard let data = FileManager.default.contents(atPath: path) else { return 0 }
    return data.withUnsafeBytes { bytes in
        guard var cursor = bytes.baseAddress else { return 0 }
        var remaining = bytes.count
        var lines = 0
        while remaining > 0, let found = memchr(cursor, 10, remaining) {
            lines += 1
            remaining -= cursor.distance(to: UnsafeRawPointer(found)) + 1
            cursor = UnsafeRawPointer(found) + 1
        }
        return lines
    }
}
