/// What changed in a watched directory since the consumer last looked.
///
/// `names` are hints: entries that the kernel reported as written and closed, or moved in. `rescan`
/// means some changes may not be named (queue overflow, a periodic safety net, a watcher that cannot
/// name files), so the consumer must list the directory. `rootGone` means the directory itself was
/// deleted, moved away or unmounted; the watcher stops after delivering it.
public struct WatchBatch: Sendable, Hashable {
    /// Entry names (not paths) reported complete since the last batch.
    public var names: Set<String>
    /// Whether the consumer must list the directory to see every change.
    public var rescan: Bool
    /// Whether the watched directory is gone; no batch follows one with this flag.
    public var rootGone: Bool
    /// Whether the rescan is asked for because the kernel's event queue overflowed.
    public var overflow = false

    /// Creates a batch; the default is the empty batch.
    public init(names: Set<String> = [], rescan: Bool = false, rootGone: Bool = false) {
        self.names = names
        self.rescan = rescan
        self.rootGone = rootGone
    }

    /// Whether the batch carries nothing for the consumer.
    public var isEmpty: Bool { names.isEmpty && !rescan && !rootGone }

    /// Folds `other` into this batch: the union of names, and each flag set if either has it.
    public mutating func merge(_ other: WatchBatch) {
        names.formUnion(other.names)
        rescan = rescan || other.rescan
        rootGone = rootGone || other.rootGone
        overflow = overflow || other.overflow
    }
}
