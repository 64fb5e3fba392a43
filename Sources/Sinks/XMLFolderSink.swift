import Foundation
public import Pipeline
public import TrialModel

/// Writes one XML document per record into a folder, named by the record's sanitized id
/// (`NCT01234567.xml`, `doc-0123456789abcdef.xml`): a temporary name, fsync, rename, then one fsync of the
/// folder per batch. A newer version of a record replaces its file.
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
    /// memory at once.
    static func replace(_ records: [TrialRecord], encoder: RecordXMLEncoder, in folder: String) throws {
        var temps: [(temp: String, final: String)] = []
        for record in records {
            let temp = folder + "/." + record.id + ".xml.tmp"
            try write(encoder.encodeDocument([record]), to: temp, sync: records.count == 1)
            temps.append((temp, folder + "/" + record.id + ".xml"))
        }
        if temps.count > 1 { try syncFilesystem(of: folder) }
        for (temp, final) in temps {
            guard rename(temp, final) == 0 else {
                let error = TrialpipeError.systemCall("cannot rename \(temp)")
                unlink(temp)
                throw error
            }
        }
        DurableFile.syncDirectory(folder)
    }

    public func close() {}

    /// Flushes the filesystem holding `folder` (Linux `syncfs`), making every file written there durable.
    static func syncFilesystem(of folder: String) throws {
        let fd = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw TrialpipeError.systemCall("cannot open \(folder)") }
        defer { Foundation.close(fd) }
        #if os(Linux)
            guard linuxSyncfs(fd) == 0 else { throw TrialpipeError.systemCall("cannot sync \(folder)") }
        #else
            guard fsync(fd) == 0 else { throw TrialpipeError.systemCall("cannot sync \(folder)") }
        #endif
    }

    static func write(_ bytes: [UInt8], to path: String, sync: Bool) throws {
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TrialpipeError.systemCall("cannot create \(path)") }
        defer { Foundation.close(fd) }
        try DurableFile.writeAll(bytes, to: fd, path: path)
        if sync, fsync(fd) != 0 { throw TrialpipeError.systemCall("cannot fsync \(path)") }
    }
}

#if os(Linux)
    /// glibc's `syncfs(2)`, which Glibc's module map does not export.
    @_silgen_name("syncfs")
    private func linuxSyncfs(_ fd: Int32) -> Int32
#endif
