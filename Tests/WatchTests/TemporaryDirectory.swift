import Foundation
import Glibc
import Testing

@testable import Watch

/// A fresh directory under the system temporary folder, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init(_ label: String = #function) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("watch-\(safe)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Makes a subdirectory and returns its path.
    func makeSubdirectory(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        return path(name)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Writes `contents` to `path` with open/write/close, so the kernel sees exactly one close-write.
func writeFile(_ path: String, _ contents: String = "x") throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    let bytes = Array(contents.utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}

/// Merges the watcher's batches until `done` holds for the merge, the sequence ends, or `timeout`
/// passes (then the watcher is stopped, which ends the sequence).
func gather(
    _ watcher: some DirectoryWatcher, timeout: Duration = .seconds(15),
    until done: (WatchBatch) -> Bool
) async -> (batch: WatchBatch, ended: Bool) {
    let watchdog = Task {
        try? await Task.sleep(for: timeout)
        if !Task.isCancelled { watcher.stop() }
    }
    defer { watchdog.cancel() }
    var merged = WatchBatch()
    var iterator = watcher.batches.makeAsyncIterator()
    while let batch = await iterator.next() {
        merged.merge(batch)
        if done(merged) { return (merged, false) }
    }
    return (merged, true)
}
