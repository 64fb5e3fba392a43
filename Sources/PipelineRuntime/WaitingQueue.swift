/// A first-in, first-out list whose storage holds what waits, not everything that ever passed through it.
///
/// The run loop reads the inbox ahead while earlier entries still wait, so its list is rarely empty; an array
/// consumed from the front by an index and emptied only when drained kept every entry of a large inbox (13.6
/// MB of the peak heap at 100,000 documents). Taken entries are dropped from the front once they are at least
/// half of the storage, so each entry is moved at most once on average.
struct WaitingQueue<Element> {
    private var storage: [Element] = []
    private var head = 0

    /// How many entries wait.
    var count: Int { storage.count - head }

    /// Whether nothing waits.
    var isEmpty: Bool { head == storage.count }

    /// How many entries the storage holds, waiting or already taken but not yet dropped.
    var storedCount: Int { storage.count }

    /// Adds entries at the back.
    mutating func append(contentsOf elements: some Sequence<Element>) {
        storage.append(contentsOf: elements)
    }

    /// Removes and returns up to `limit` entries from the front.
    mutating func take(upTo limit: Int) -> [Element] {
        let end = min(storage.count, head + max(0, limit))
        // Copied out first, so that the storage is not shared when it is emptied or shifted below.
        let taken = Array(storage[head..<end])
        head = end
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= storage.count / 2 {
            storage.removeFirst(head)
            head = 0
        }
        return taken
    }
}
