import Foundation
public import Pipeline
public import TrialModel

/// Writes one XML document per record into a folder, named by the record's sanitized id
/// (`NCT01234567.xml`, `doc-0123456789abcdef.xml`): a batch's files are written whole and made durable, then
/// given their names (a new file with one `linkat` of an unnamed file on Linux, else by renaming a temporary
/// name), then the folder is synced once. A newer version of a record replaces its file by rename, so a reader
/// sees the old file or the new one, never a part.
public actor XMLFolderSink: Sink {
    public nonisolated let name = "xml"
    /// The one place it writes.
    public nonisolated var resources: [SinkResource] { [.folder(folder)] }
    /// The output folder.
    public let folder: String
    private let encoder = RecordXMLEncoder(indented: true)
    private var opened = false

    /// A sink writing into `folder` (created when opened).
    public init(folder: String) { self.folder = folder }

    public func open() throws {
        guard !opened else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Temporary files left by a crash are never complete records.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(".") && name.hasSuffix(".xml.tmp") {
            unlink(folder + "/" + name)
        }
        opened = true
    }

    /// Files are replaced whole, so there is no position to return to.
    public func checkpoint() throws -> String {
        try open()
        return ""
    }

    /// Re-processing a batch rewrites its files with the same names, so nothing needs undoing.
    public func rollback(to checkpoint: String) throws { try open() }

    public func write(_ records: [TrialRecord]) async throws {
        try open()
        var latest: [String: TrialRecord] = [:]
        var order: [String] = []
        for record in records {
            guard RecordID.isSafeFileName(record.id) else {
                throw StageError(code: "unsafe-id", message: "record id '\(record.id)' is not a safe file name")
            }
            if latest[record.id] == nil { order.append(record.id) }
            latest[record.id] = record
        }
        let records = order.compactMap { latest[$0] }
        let folder = self.folder
        let encoder = self.encoder
        try await BlockingIO.run { try Self.replace(records, encoder: encoder, in: folder) }
    }

    /// Every file of a batch is written under a temporary name, made durable with one flush of the
    /// filesystem (instead of one fsync per file), then renamed into place; then the folder is synced.
    /// Each record is encoded just before its file is written, so a batch's documents are never all in
    /// memory at once. Files are named relative to one descriptor of the folder (no path walk per call).
    /// With `unnamedFiles` (on Linux), ``replaceThroughUnnamedFiles(_:encoder:in:folder:)`` is tried first.
    static func replace(
        _ records: [TrialRecord], encoder: RecordXMLEncoder, in folder: String, unnamedFiles: Bool = true
    ) throws {
        let directory = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw TrialpipeError.systemCall("cannot open \(folder)") }
        defer { Foundation.close(directory) }
        #if os(Linux)
            if unnamedFiles, try replaceThroughUnnamedFiles(records, encoder: encoder, in: directory, folder: folder) {
                return
            }
        #endif
        var temps: [(temp: String, final: String)] = []
        temps.reserveCapacity(records.count)
        for record in records {
            let temp = "." + record.id + ".xml.tmp"
            try write(
                encoder.encodeDocument([record]), named: temp, in: directory, folder: folder, sync: records.count == 1)
            temps.append((temp, record.id + ".xml"))
        }
        if temps.count > 1 {
            #if os(Linux)
                guard linuxSyncfs(directory) == 0 else { throw TrialpipeError.systemCall("cannot sync \(folder)") }
            #else
                guard fsync(directory) == 0 else { throw TrialpipeError.systemCall("cannot sync \(folder)") }
            #endif
        }
        for (temp, final) in temps {
            guard renameat(directory, temp, directory, final) == 0 else {
                let error = TrialpipeError.systemCall("cannot rename \(folder)/\(temp)")
                unlinkat(directory, temp, 0)
                throw error
            }
        }
        fsync(directory)
    }

    public func close() {}

    #if os(Linux)
        /// Writes every file of a batch as an unnamed file (`O_TMPFILE`), makes them durable with one flush, then
        /// names each with one `linkat`; a record whose file exists already is linked under its temporary name and
        /// renamed over it. A new file thus costs one directory entry instead of a temporary one, its removal
        /// and the final one. At most `openFiles` files are open at once (a larger batch, or a process out of
        /// descriptors, is written in parts, each flushed and named before the next). False, with nothing
        /// named, where the filesystem has no unnamed files or `/proc/self/fd` is missing: the caller then writes
        /// named temporary files.
        static func replaceThroughUnnamedFiles(
            _ records: [TrialRecord], encoder: RecordXMLEncoder, in directory: Int32, folder: String,
            openFiles: Int = 256
        ) throws -> Bool {
            var start = 0
            while start < records.count {
                var files: [Int32] = []
                defer { for file in files { Foundation.close(file) } }
                for record in records[start...] {
                    guard files.count < openFiles else { break }
                    let file = openat(directory, ".", unnamedFileFlags, 0o644)
                    guard file >= 0 else {
                        let failure = errno
                        if start == 0, files.isEmpty, [EOPNOTSUPP, EISDIR, EINVAL].contains(failure) { return false }
                        // Out of descriptors: the files open so far are named first, and closed.
                        if [EMFILE, ENFILE].contains(failure), !files.isEmpty { break }
                        throw TrialpipeError.systemCall("cannot create a file in \(folder)")
                    }
                    files.append(file)
                    try DurableFile.writeAll(
                        encoder.encodeDocument([record]), to: file, path: folder + "/" + record.id + ".xml")
                }
                if files.count == 1 {
                    guard fsync(files[0]) == 0 else { throw TrialpipeError.systemCall("cannot sync \(folder)") }
                } else {
                    guard linuxSyncfs(directory) == 0 else { throw TrialpipeError.systemCall("cannot sync \(folder)") }
                }
                for (offset, file) in files.enumerated() {
                    let named = try name(file, as: records[start + offset].id, in: directory, folder: folder)
                    if !named { return false }
                }
                start += files.count
            }
            fsync(directory)
            return true
        }

        /// Names the unnamed file `file` `ID.xml` (over an existing one by rename); false when `/proc/self/fd`,
        /// through which it is linked, is missing.
        private static func name(_ file: Int32, as id: String, in directory: Int32, folder: String) throws -> Bool {
            let final = id + ".xml"
            let source = "/proc/self/fd/" + String(file)
            if linkat(AT_FDCWD, source, directory, final, AT_SYMLINK_FOLLOW) == 0 { return true }
            let failure = errno
            if failure == ENOENT, access("/proc/self/fd", F_OK) != 0 { return false }
            guard failure == EEXIST else { throw TrialpipeError.systemCall("cannot name \(folder)/\(final)") }
            let temp = "." + id + ".xml.tmp"
            unlinkat(directory, temp, 0)
            guard linkat(AT_FDCWD, source, directory, temp, AT_SYMLINK_FOLLOW) == 0 else {
                throw TrialpipeError.systemCall("cannot name \(folder)/\(temp)")
            }
            guard renameat(directory, temp, directory, final) == 0 else {
                let error = TrialpipeError.systemCall("cannot rename \(folder)/\(temp)")
                unlinkat(directory, temp, 0)
                throw error
            }
            return true
        }

        /// `O_TMPFILE | O_WRONLY | O_CLOEXEC`: `O_TMPFILE` is `__O_TMPFILE | O_DIRECTORY`, a macro Glibc's module
        /// map does not export.
        private static let unnamedFileFlags: Int32 = 0o20_000_000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC
    #endif

    static func write(_ bytes: [UInt8], named name: String, in directory: Int32, folder: String, sync: Bool) throws {
        let fd = openat(directory, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TrialpipeError.systemCall("cannot create \(folder)/\(name)") }
        defer { Foundation.close(fd) }
        try DurableFile.writeAll(bytes, to: fd, path: folder + "/" + name)
        if sync, fsync(fd) != 0 { throw TrialpipeError.systemCall("cannot fsync \(folder)/\(name)") }
    }
}

#if os(Linux)
    /// glibc's `syncfs(2)`, which Glibc's module map does not export.
    @_silgen_name("syncfs")
    private func linuxSyncfs(_ fd: Int32) -> Int32
#endif
