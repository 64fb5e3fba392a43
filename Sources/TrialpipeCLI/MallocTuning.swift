#if canImport(Glibc)
    import Glibc

    /// glibc malloc settings that keep the daemon's resident memory near what it holds (each can be overridden
    /// by its `MALLOC_…` environment variable).
    enum MallocTuning {
        /// Applies both settings.
        static func apply() {
            limitArenasToCores()
            fixMmapThreshold()
        }

        /// Caps malloc's arenas at one per core (unless `MALLOC_ARENA_MAX` says otherwise).
        ///
        /// glibc gives threads up to eight arenas per core; freed memory stays in each, so the daemon's worker and
        /// I/O threads grew resident memory by about 7 MiB on 20,000 documents with no gain in throughput.
        static func limitArenasToCores() {
            guard getenv("MALLOC_ARENA_MAX") == nil else { return }
            _ = glibcMallopt(mArenaMax, Int32(max(2, sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        }

        /// Keeps blocks of 256 KiB and more in their own mappings, returned to the system when freed (unless
        /// `MALLOC_MMAP_THRESHOLD_` says otherwise).
        ///
        /// glibc raises the threshold to the size of each mapped block freed, up to 32 MiB: after a batch's
        /// buffers of a few MiB are freed once, later ones come from the heap, where what is freed stays
        /// resident. `bench --docs 100000` peak RSS without → with: jsonl 70.1 → 68.9, xml 73.3 → 69.2, both
        /// 76.5 → 68.6 MiB. The daemon's drop-to-durable latency showed no difference beyond the run-to-run noise
        /// (twelve alternating runs of `bench --docs 2000`).
        static func fixMmapThreshold() {
            guard getenv("MALLOC_MMAP_THRESHOLD_") == nil else { return }
            _ = glibcMallopt(mMmapThreshold, 256 << 10)
        }

        /// Returns the free memory at the top of every arena and in free pages within them to the system.
        static func returnFreedMemory() { _ = glibcMallocTrim(0) }

        // From malloc.h.
        private static let mArenaMax: Int32 = -8
        private static let mMmapThreshold: Int32 = -3
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
