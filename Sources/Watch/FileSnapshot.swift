#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parts of an entry's `lstat` that tell whether it changed: identity, size and modification time.
public struct FileSnapshot: Sendable, Hashable {
    /// The device holding the entry.
    public var device: UInt64
    /// The entry's inode number.
    public var inode: UInt64
    /// The size in bytes.
    public var size: Int64
    /// The modification time, in nanoseconds since the Unix epoch.
    public var modificationNanoseconds: Int64
    /// The number of hard links to the entry.
    public var linkCount: UInt64

    /// Creates a snapshot from its parts.
    public init(
        device: UInt64 = 0, inode: UInt64 = 0, size: Int64, modificationNanoseconds: Int64,
        linkCount: UInt64 = 1
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationNanoseconds = modificationNanoseconds
        self.linkCount = linkCount
    }

    /// The snapshot of a `stat` result.
    init(_ info: stat) {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        self.init(
            device: UInt64(truncatingIfNeeded: info.st_dev),
            inode: UInt64(truncatingIfNeeded: info.st_ino),
            size: Int64(info.st_size),
            modificationNanoseconds: Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec),
            linkCount: UInt64(truncatingIfNeeded: info.st_nlink))
    }
}
