import Foundation
public import Pipeline
import Synchronization
public import TrialModel

/// Writes one XML document per record into a folder, named by the record's sanitized id
/// (`NCT01234567.xml`, `doc-0123456789abcdef.xml`): a batch's files are written whole and made durable, then
/// given their names (a new file with one `linkat` of an unnamed file on Linux, else by renaming a temporary
/// name), then the folder is synced once. A newer version of a record replaces its file by rename (on Linux, an
/// exchange with a hidden spare file, see ``XMLSpareFiles``; closing the sink removes the spares), so a reader
/// sees the old file or the new one, never a part.
public actor XMLFolderSink: Sink {
    public nonisolated let name = "xml"
    /// The one place it writes.
    public nonisolated var resources: [SinkResource] { [.folder(folder)] }
    /// The output folder.
    public let folder: String
    private let encoder = RecordXMLEncoder(indented: true)
    /// Files kept to write newer versions into (see ``XMLSpareFiles``).
    private let spares = XMLSpareFiles()
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
        let spares = self.spares
        try await BlockingIO.run { try Self.replace(records, encoder: encoder, in: folder, spares: spares) }
    }

    /// Every file of a batch is written under a temporary name, made durable with one flush of the
    /// filesystem (instead of one fsync per file), then renamed into place; then the folder is synced.
    /// Each record is encoded just before its file is written, so a batch's documents are never all in
    /// memory at once. Files are named relative to one descriptor of the folder (no path walk per call).
    /// With `unnamedFiles` (on Linux), ``replaceThroughUnnamedFiles(_:encoder:in:folder:openFiles:spares:writers:)`` is
    /// tried first, with `spares` to replace files through.
    static func replace(
        _ records: [TrialRecord], encoder: RecordXMLEncoder, in folder: String, unnamedFiles: Bool = true,
        spares: XMLSpareFiles? = nil
    ) throws {
        let directory = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw TrialpipeError.systemCall("cannot open \(folder)") }
        defer { Foundation.close(directory) }
        #if os(Linux)
            if unnamedFiles,
                try replaceThroughUnnamedFiles(records, encoder: encoder, in: directory, folder: folder, spares: spares)
            {
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

    /// Removes the spare files, so that the folder holds only records.
    public func close() {
        guard spares.count > 0 else { return }
        let directory = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return }
        spares.removeAll(in: directory)
        Foundation.close(directory)
    }

    #if os(Linux)
        /// Writes every file of a batch as an unnamed file (`O_TMPFILE`), makes them durable with one flush, then
        /// names each with one `linkat`; a record whose file exists already is linked under a spare's name and
        /// exchanged with it. A new file thus costs one directory entry instead of a temporary one, its removal
        /// and the final one. With `spares`, a file is written into a spare when there is one (see
        /// ``XMLSpareFiles``): no inode is allocated, and none is freed when it replaces a record's file.
        ///
        /// Files are encoded and written by `writers` threads at once, each taking its share of the batch (the
        /// encoding and the kernel's work for a new file are most of a batch's time, and the stages' threads
        /// often wait for the commit). At most `openFiles` files are open at once (a larger batch, or a process
        /// out of descriptors, is written in parts, each flushed and named before the next). False, with nothing
        /// named, where the filesystem has no unnamed files or `/proc/self/fd` is missing: the caller then writes
        /// named temporary files.
        static func replaceThroughUnnamedFiles(
            _ records: [TrialRecord], encoder: RecordXMLEncoder, in directory: Int32, folder: String,
            openFiles: Int = 1024, spares: XMLSpareFiles? = nil, writers: Int = 2
        ) throws -> Bool {
            var remaining = records[...]
            var firstPart = true
            while !remaining.isEmpty {
                let part = remaining.prefix(openFiles)
                remaining = remaining.dropFirst(part.count)
                // Small parts are not worth a second thread.
                let shares = part.count >= 16 ? max(1, writers) : 1
                let slices = (0..<shares).map { share in
                    part.dropFirst(part.count * share / shares).prefix(
                        part.count * (share + 1) / shares - part.count * share / shares)
                }
                let written = Mutex([WrittenFiles?](repeating: nil, count: shares))
                DispatchQueue.concurrentPerform(iterations: shares) { share in
                    let files = writeFiles(
                        slices[share], encoder: encoder, in: directory, folder: folder, spares: spares)
                    written.withLock { $0[share] = files }
                }
                let results = written.withLock { $0.compactMap { $0 } }
                let files = results.flatMap(\.files)
                var named = 0
                defer {
                    for file in files { Foundation.close(file.descriptor) }
                    // Spares taken but not exchanged (an error stopped the part) are still spares.
                    for file in files[named...] { if let spare = file.spare { spares?.give(spare) } }
                }
                if let error = results.lazy.compactMap(\.error).first { throw error }
                if results.contains(where: \.unsupported) {
                    if firstPart { return false }
                    throw TrialpipeError.systemCall("cannot create a file in \(folder)")
                }
                // Records a writer could not open a file for (out of descriptors) go in the next part.
                let unwritten = zip(slices, results).flatMap { slice, result in slice.dropFirst(result.files.count) }
                guard !files.isEmpty else { throw TrialpipeError.systemCall("cannot create a file in \(folder)") }
                remaining = (unwritten + remaining)[...]
                if files.count == 1 {
                    guard fsync(files[0].descriptor) == 0 else {
                        throw TrialpipeError.systemCall("cannot sync \(folder)")
                    }
                } else {
                    guard linuxSyncfs(directory) == 0 else { throw TrialpipeError.systemCall("cannot sync \(folder)") }
                }
                for (offset, file) in files.enumerated() {
                    if let spare = file.spare {
                        try name(spare: spare, as: file.id, in: directory, folder: folder, spares: spares)
                    } else {
                        let linked = try name(
                            file.descriptor, as: file.id, in: directory, folder: folder, spares: spares)
                        if !linked { return false }
                    }
                    named = offset + 1
                }
                firstPart = false
            }
            fsync(directory)
            return true
        }

        /// What one writer of ``replaceThroughUnnamedFiles(_:encoder:in:folder:openFiles:spares:writers:)`` left:
        /// its files, open and written, in the order of its records, each with the id of the record it holds.
        private struct WrittenFiles: Sendable {
            var files: [(descriptor: Int32, spare: String?, id: String)] = []
            /// The filesystem has no unnamed files (found on the writer's first file).
            var unsupported = false
            var error: (any Error)?
        }

        /// Opens a file for each record (a spare, or an unnamed file) and writes its document, until the records
        /// end, the process is out of descriptors, or an error.
        private static func writeFiles(
            _ records: ArraySlice<TrialRecord>, encoder: RecordXMLEncoder, in directory: Int32, folder: String,
            spares: XMLSpareFiles?
        ) -> WrittenFiles {
            var written = WrittenFiles()
            for record in records {
                let descriptor: Int32
                var spare: String?
                if let spares, let (file, name) = openSpare(spares, in: directory) {
                    (descriptor, spare) = (file, name)
                } else {
                    descriptor = openat(directory, ".", unnamedFileFlags, 0o644)
                    guard descriptor >= 0 else {
                        let failure = errno
                        if written.files.isEmpty, [EOPNOTSUPP, EISDIR, EINVAL].contains(failure) {
                            written.unsupported = true
                        } else if ![EMFILE, ENFILE].contains(failure) {
                            written.error = TrialpipeError.systemCall("cannot create a file in \(folder)")
                        }
                        return written
                    }
                }
                written.files.append((descriptor, spare, record.id))
                let bytes = encoder.encodeDocument([record])
                let path = folder + "/" + record.id + ".xml"
                do {
                    try DurableFile.writeAll(bytes, to: descriptor, path: path)
                    // A spare is written over in place: what it held beyond the new document goes.
                    if spare != nil, ftruncate(descriptor, off_t(bytes.count)) != 0 {
                        throw TrialpipeError.systemCall("cannot write \(path)")
                    }
                } catch {
                    written.error = error
                    return written
                }
            }
            return written
        }

        /// Opens a spare to write over, or nil when there is none; a spare that has gone, or that another name
        /// shares (a hard link someone made to a replaced file), is dropped.
        private static func openSpare(_ spares: XMLSpareFiles, in directory: Int32) -> (Int32, String)? {
            while let spare = spares.take() {
                let descriptor = openat(directory, spare, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                var status = stat()
                if fstat(descriptor, &status) == 0, status.st_nlink == 1 { return (descriptor, spare) }
                Foundation.close(descriptor)
                unlinkat(directory, spare, 0)
            }
            return nil
        }

        /// Gives the spare `spare`, written and synced, the name `ID.xml`: exchanged with the record's file,
        /// whose old version becomes a spare, or renamed when the record has no file yet.
        private static func name(
            spare: String, as id: String, in directory: Int32, folder: String, spares: XMLSpareFiles?
        ) throws {
            let final = id + ".xml"
            if linuxRenameat2(directory, spare, directory, final, renameExchange) == 0 {
                spares?.give(spare)
                return
            }
            // No file of that name (or a filesystem that cannot exchange): the spare becomes the record's file.
            guard renameat(directory, spare, directory, final) == 0 else {
                let error = TrialpipeError.systemCall("cannot rename \(folder)/\(spare)")
                unlinkat(directory, spare, 0)
                throw error
            }
        }

        /// Names the unnamed file `file` `ID.xml` (over an existing one, through a spare's name with `spares`,
        /// else by renaming a temporary name); false when `/proc/self/fd`, through which it is linked, is missing.
        private static func name(
            _ file: Int32, as id: String, in directory: Int32, folder: String, spares: XMLSpareFiles?
        ) throws -> Bool {
            let final = id + ".xml"
            let source = "/proc/self/fd/" + String(file)
            if linkat(AT_FDCWD, source, directory, final, AT_SYMLINK_FOLLOW) == 0 { return true }
            let failure = errno
            if failure == ENOENT, access("/proc/self/fd", F_OK) != 0 { return false }
            guard failure == EEXIST else { throw TrialpipeError.systemCall("cannot name \(folder)/\(final)") }
            let temp = spares?.newName() ?? "." + id + ".xml.tmp"
            unlinkat(directory, temp, 0)
            guard linkat(AT_FDCWD, source, directory, temp, AT_SYMLINK_FOLLOW) == 0 else {
                throw TrialpipeError.systemCall("cannot name \(folder)/\(temp)")
            }
            if let spares {
                try name(spare: temp, as: id, in: directory, folder: folder, spares: spares)
                return true
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

    /// glibc's `renameat2(2)`, which Glibc's module map does not export.
    @_silgen_name("renameat2")
    private func linuxRenameat2(
        _ fromDirectory: Int32, _ from: UnsafePointer<CChar>, _ toDirectory: Int32, _ to: UnsafePointer<CChar>,
        _ flags: UInt32
    ) -> Int32

    /// `RENAME_EXCHANGE`: both names must exist; each then names the other's file.
    private let renameExchange: UInt32 = 2
#endif
