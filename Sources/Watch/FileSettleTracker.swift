/// Decides when an inbox file is complete enough to read.
///
/// A name the kernel reported as closed after writing, or renamed in, is complete at once. A name
/// found only by listing may still be growing, so it is ready once its snapshot (identity, size,
/// modification time) has stayed the same for `settleInterval`. The decision is a pure function of
/// (name, snapshot, now), so it is testable without sleeping; ``InboxSource`` does the looking.
public struct FileSettleTracker: Sendable {
    /// How a name came to the consumer's attention.
    public enum Origin: Sendable, Hashable {
        /// Reported by `IN_CLOSE_WRITE` or `IN_MOVED_TO`: the writer has finished.
        case reportedComplete
        /// Found by listing the directory: the writer may still be at work.
        case discovered
    }

    /// What to do with a name now.
    public enum Decision: Sendable, Hashable {
        /// Read it.
        case ready
        /// Look again after this long.
        case recheck(after: Duration)
    }

    /// How one discovered name was last seen.
    private struct Observation: Sendable {
        var snapshot: FileSnapshot
        var unchangedSince: ContinuousClock.Instant
    }

    /// How long a discovered file must stay unchanged.
    public let settleInterval: Duration
    private var observations: [String: Observation] = [:]

    /// Creates a tracker that waits `settleInterval` for discovered files.
    public init(settleInterval: Duration = .milliseconds(200)) {
        self.settleInterval = max(settleInterval, .zero)
    }

    /// How many discovered names are being watched for settling.
    public var trackedCount: Int { observations.count }

    /// Whether the file `name`, seen now as `snapshot`, is ready to read.
    ///
    /// A ready name is forgotten, so seeing it again (a new version) starts over.
    public mutating func decide(
        name: String, origin: Origin, snapshot: FileSnapshot, now: ContinuousClock.Instant
    ) -> Decision {
        if origin == .reportedComplete || settleInterval == .zero {
            observations[name] = nil
            return .ready
        }
        guard let seen = observations[name], seen.snapshot == snapshot else {
            observations[name] = Observation(snapshot: snapshot, unchangedSince: now)
            return .recheck(after: settleInterval)
        }
        let quiet = seen.unchangedSince.duration(to: now)
        if quiet >= settleInterval {
            observations[name] = nil
            return .ready
        }
        return .recheck(after: settleInterval - quiet)
    }

    /// Stops tracking `name` (it vanished, or was handled another way).
    public mutating func forget(_ name: String) { observations[name] = nil }

    /// Stops tracking every name not in `names`, keeping memory bounded by what is in the folder.
    public mutating func retain(only names: Set<String>) {
        observations = observations.filter { names.contains($0.key) }
    }
}
