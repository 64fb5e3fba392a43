extension ContinuousClock.Instant {
    /// Seconds from this instant to `later`, for events and measurements.
    public func secondsUntil(_ later: ContinuousClock.Instant) -> Double {
        let duration = self.duration(to: later)
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
