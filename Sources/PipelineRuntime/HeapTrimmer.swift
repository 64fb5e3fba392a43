#if os(Linux)
    import CMalloc
#endif

/// Gives the pages of freed heap memory back to the system every few hundred committed documents.
///
/// glibc's allocator keeps what a batch frees inside its arenas (one for each thread that allocated; the
/// runner's work moves between threads). The next batches' allocations do not land exactly in those holes, so
/// the free pages stay resident: over a 20,000-document run the holes came to about 8 MiB of the process's
/// resident memory. `malloc_trim(0)` releases every whole free page of every arena (`madvise(MADV_DONTNEED)`):
/// the address space stays reserved, only the pages go back. It takes about a millisecond, and a page given
/// back and used again costs a page fault, so it runs once per ``interval`` committed documents, not per batch.
struct HeapTrimmer {
    /// Committed documents between two trims.
    let interval: Int
    private var sinceLastTrim = 0

    /// A trimmer due every `interval` committed documents.
    init(interval: Int) {
        self.interval = max(1, interval)
    }

    /// Counts `documents` more committed; whether a trim is due now (the count then starts again).
    mutating func committed(_ documents: Int) -> Bool {
        sinceLastTrim += documents
        guard sinceLastTrim >= interval else { return false }
        sinceLastTrim = 0
        return true
    }

    /// Releases the pages of the heap's free memory, in every arena, to the system.
    static func releaseFreePages() {
        #if os(Linux)
            malloc_trim(0)
        #endif
    }
}
