import CAllocator

/// The process's memory allocator: jemalloc on Linux, linked in by the `CAllocator` module with its settings
/// (one arena behind the per-thread caches; freed pages returned a tenth of a second after their last use).
///
/// It replaced glibc's malloc, which kept freed memory in one arena per thread and reused it less closely: on
/// 20,000 generated documents `run --once` took 6–12 % less time and peaked 3–9 MiB lower. `MALLOC_CONF` in the
/// environment overrides the settings (for example `MALLOC_CONF=narenas:4` on a machine with many cores).
enum Allocator {
    /// Returns the memory the allocator holds free to the system now rather than after its decay time.
    static func returnFreedMemory() { callocator_return_freed_memory() }

    /// The arenas the allocator was started with (1 by the settings, unless `MALLOC_CONF` changes it), or 0
    /// when the process's allocator is not jemalloc.
    static var arenaCount: Int { Int(callocator_arena_count()) }
}
