import Foundation
import Synchronization

/// Hidden files of an XML folder that hold no record (`.spare-N.xml.tmp`), kept to be written again.
///
/// A record's newer version is written into a spare and exchanged with the record's file in one
/// `renameat2(RENAME_EXCHANGE)`: the record's name then holds the new version and the spare's name the old
/// one, which becomes the next spare. Replacing a file thus neither allocates nor frees an inode. On a
/// filesystem without a journal (ext4 here), every inode allocation walks past the inodes freed in the last
/// minutes, one buffer look-up each, so freeing one inode per replaced record made later files ever dearer:
/// in `run --once` with the XML sink most of the kernel's time went to that walk.
///
/// Spares are created only when a replacement finds none (the replaced file is kept under a new spare
/// name), and a new record's file may be written into one. Their names never collide with a record's file
/// (`NCT…` or `doc-…`) and end in `.xml.tmp`, so opening the sink removes those a crash left.
final class XMLSpareFiles: Sendable {
    private struct State {
        var names: [String] = []
        var created = 0
    }

    private let state = Mutex(State())

    /// A sink's pool starts empty.
    init() {}

    /// Takes a spare's name, if there is one.
    func take() -> String? { state.withLock { $0.names.popLast() } }

    /// Puts back a spare (after an exchange, the name holds the replaced version).
    func give(_ name: String) { state.withLock { $0.names.append(name) } }

    /// A name for a new spare, not used before by this pool.
    func newName() -> String {
        state.withLock { state in
            state.created += 1
            return ".spare-\(state.created).xml.tmp"
        }
    }

    /// Removes every spare (closing the sink): the folder keeps only records.
    func removeAll(in directory: Int32) {
        let names = state.withLock { state in
            defer { state.names.removeAll() }
            return state.names
        }
        for name in names { unlinkat(directory, name, 0) }
    }

    /// The spares held now.
    var count: Int { state.withLock { $0.names.count } }
}
