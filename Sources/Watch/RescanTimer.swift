import Dispatch

/// A repeating Dispatch timer that asks a coalescer for a rescan: the safety net for changes the
/// kernel does not report (hard links, network filesystems). It wakes only once per interval.
enum RescanTimer {
    /// A started timer on `queue` that calls `coalescer.requestRescan()` every `interval`.
    static func start(
        every interval: Duration, on queue: DispatchQueue, coalescer: BatchCoalescer
    ) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let period = interval.dispatchInterval
        // A tenth of the period as leeway lets the kernel batch wake-ups; the rescan is not urgent.
        timer.schedule(deadline: .now() + period, repeating: period, leeway: (interval / 10).dispatchInterval)
        timer.setEventHandler { coalescer.requestRescan() }
        timer.activate()
        return timer
    }
}

extension Duration {
    /// The duration as a Dispatch interval, at least one nanosecond.
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return .never }
        return .nanoseconds(Int(max(1, nanoseconds.partialValue + attoseconds / 1_000_000_000)))
    }
}
