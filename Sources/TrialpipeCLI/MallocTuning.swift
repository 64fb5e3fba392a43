#if canImport(Glibc)
    import Glibc

    /// glibc malloc settings that keep the daemon's resident memory near what it holds (each can be overridden
    /// by its `MALLOC_…` environment variable), and a way to hand freed memory back.
    enum MallocTuning {
        /// Applies the settings.
        ///
        /// Not set: a fixed mmap threshold (256 KiB, instead of glibc's, which rises with the blocks freed). Once
        /// the run loop and the batch writes stopped holding batch-sized buffers it saved 1–2 MiB of peak resident
        /// memory, and its mappings made the daemon's p99 drop-to-durable latency at 500 documents/s worse
        /// (three alternating pairs, `bench --docs 2000`: 20.5 / 17.0 / 27.1 ms against 16.2 / 12.8 / 24.2 ms).
        static func apply() {
            limitArenasToCores()
        }

        /// Caps malloc's arenas at one per core (unless `MALLOC_ARENA_MAX` says otherwise).
        ///
        /// glibc gives threads up to eight arenas per core; freed memory stays in each, so the daemon's worker and
        /// I/O threads grew resident memory by about 7 MiB on 20,000 documents with no gain in throughput.
        static func limitArenasToCores() {
            guard getenv("MALLOC_ARENA_MAX") == nil else { return }
            _ = glibcMallopt(mArenaMax, Int32(max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        }

        /// Returns the free memory at the top of every arena and in free pages within them to the system.
        static func returnFreedMemory() { _ = glibcMallocTrim(0) }

        // From malloc.h.
        private static let mArenaMax: Int32 = -8
    }

    /// glibc's `mallopt(3)`, which Glibc's module map does not export.
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

    /// glibc's `malloc_trim(3)`, which Glibc's module map does not export.
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#else
    /// Nothing to set outside glibc.
    enum MallocTuning {
        static func apply() {}
        static func returnFreedMemory() {}
    }
#endif
