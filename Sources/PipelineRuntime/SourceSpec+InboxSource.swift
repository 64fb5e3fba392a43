public import Watch

extension InboxSource {
    /// The inbox source a pipeline's `source:` describes: its folder, include patterns, size limit, settle time
    /// and watch method; `mode` replaces the watch method (`.once` for `run --once`).
    public convenience init(
        _ source: SourceSpec, mode: Mode? = nil, notify: @escaping @Sendable (Notice) -> Void = { _ in }
    ) {
        let watching: Mode =
            source.watch == .poll
            ? .polling(interval: .milliseconds(Int(source.pollInterval * 1000)))
            : .events(rescanInterval: .milliseconds(Int(source.rescanInterval * 1000)))
        self.init(
            path: source.inbox, mode: mode ?? watching, filter: InboxNameFilter(include: source.include),
            maxBytes: source.maxBytes, settleInterval: .milliseconds(Int(source.settle * 1000)), notify: notify)
    }
}
