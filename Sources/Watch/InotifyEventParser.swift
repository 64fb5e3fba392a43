/// One `struct inotify_event` read from an inotify descriptor.
public struct InotifyEvent: Sendable, Hashable {
    /// The watch descriptor the event belongs to (`-1` for `IN_Q_OVERFLOW`).
    public var watchDescriptor: Int32
    /// The event bits (see ``InotifyEventMask``).
    public var mask: InotifyEventMask
    /// Pairs the `IN_MOVED_FROM` and `IN_MOVED_TO` halves of one rename.
    public var cookie: UInt32
    /// The entry's raw name bytes, without the NUL padding; empty for an event on the directory itself.
    public var nameBytes: [UInt8]

    /// Creates an event.
    public init(watchDescriptor: Int32, mask: InotifyEventMask, cookie: UInt32 = 0, name: String = "") {
        self.init(watchDescriptor: watchDescriptor, mask: mask, cookie: cookie, nameBytes: Array(name.utf8))
    }

    /// Creates an event from raw name bytes.
    public init(watchDescriptor: Int32, mask: InotifyEventMask, cookie: UInt32 = 0, nameBytes: [UInt8]) {
        self.watchDescriptor = watchDescriptor
        self.mask = mask
        self.cookie = cookie
        self.nameBytes = nameBytes
    }

    /// The entry name when it is valid UTF-8 and not empty; `nil` otherwise.
    public var name: String? {
        guard !nameBytes.isEmpty else { return nil }
        return String(validating: nameBytes, as: UTF8.self)
    }
}

/// The inotify event bits, with the kernel's values (stable Linux ABI, so usable on any platform).
public struct InotifyEventMask: OptionSet, Sendable, Hashable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// A file opened for writing was closed.
    public static let closeWrite = InotifyEventMask(rawValue: 0x0000_0008)
    /// An entry was renamed away from the watched directory.
    public static let movedFrom = InotifyEventMask(rawValue: 0x0000_0040)
    /// An entry was renamed into the watched directory.
    public static let movedTo = InotifyEventMask(rawValue: 0x0000_0080)
    /// An entry was created.
    public static let create = InotifyEventMask(rawValue: 0x0000_0100)
    /// The watched directory itself was deleted.
    public static let deleteSelf = InotifyEventMask(rawValue: 0x0000_0400)
    /// The watched directory itself was moved.
    public static let moveSelf = InotifyEventMask(rawValue: 0x0000_0800)
    /// The filesystem holding the watched directory was unmounted.
    public static let unmount = InotifyEventMask(rawValue: 0x0000_2000)
    /// The kernel's event queue overflowed; events were lost.
    public static let queueOverflow = InotifyEventMask(rawValue: 0x0000_4000)
    /// The watch was removed (explicitly, or because the directory is gone).
    public static let ignored = InotifyEventMask(rawValue: 0x0000_8000)
    /// Watch only if the path is a directory (a flag for `inotify_add_watch`).
    public static let onlyDirectory = InotifyEventMask(rawValue: 0x0100_0000)
    /// Ignore events for entries after they are unlinked (a flag for `inotify_add_watch`).
    public static let excludeUnlinked = InotifyEventMask(rawValue: 0x0400_0000)
    /// The event's subject is a directory.
    public static let isDirectory = InotifyEventMask(rawValue: 0x4000_0000)

    /// What an inbox watch asks for: complete files, and the directory's own disappearance.
    public static let inboxWatch: InotifyEventMask = [
        .closeWrite, .movedTo, .deleteSelf, .moveSelf, .onlyDirectory, .excludeUnlinked,
    ]
}

/// A buffer that does not hold whole inotify events.
public enum InotifyParseError: Error, Sendable, Hashable {
    /// Fewer than 16 bytes remain for an event header at `offset`.
    case truncatedHeader(offset: Int)
    /// The event at `offset` declares a name of `length` bytes that the buffer does not hold.
    case truncatedName(offset: Int, length: Int)
}

/// Reads and writes the kernel's `struct inotify_event` layout; pure, no system calls.
///
/// Layout: `int32 wd, uint32 mask, uint32 cookie, uint32 len`, then `len` bytes of name,
/// NUL-terminated and NUL-padded. Fields are in host byte order; nothing is assumed aligned.
public enum InotifyEventParser {
    /// The size of the fixed header before the name.
    public static let headerSize = 16

    /// The events in `bytes`, in order.
    /// - Throws: ``InotifyParseError`` when the buffer ends inside an event.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(InotifyParseError) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= headerSize else {
                throw .truncatedHeader(offset: offset)
            }
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard length <= bytes.count - nameStart else {
                throw .truncatedName(offset: offset, length: length)
            }
            let field = bytes[nameStart..<(nameStart + length)]
            let nameEnd = field.firstIndex(of: 0) ?? field.endIndex
            events.append(
                InotifyEvent(
                    watchDescriptor: wd, mask: InotifyEventMask(rawValue: mask), cookie: cookie,
                    nameBytes: Array(bytes[nameStart..<nameEnd])))
            offset = nameStart + length
        }
        return events
    }

    /// The events in `bytes`, in order.
    /// - Throws: ``InotifyParseError`` when the buffer ends inside an event.
    public static func parse(_ bytes: [UInt8]) throws(InotifyParseError) -> [InotifyEvent] {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(InotifyParseError) in try parse(raw) } }
        return try result.get()
    }

    /// The kernel layout of `events`, names NUL-terminated and padded to a multiple of 16 bytes.
    public static func encode(_ events: [InotifyEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        for event in events {
            let length = event.nameBytes.isEmpty ? 0 : (event.nameBytes.count / 16 + 1) * 16
            append(UInt32(bitPattern: event.watchDescriptor), to: &bytes)
            append(event.mask.rawValue, to: &bytes)
            append(event.cookie, to: &bytes)
            append(UInt32(length), to: &bytes)
            bytes.append(contentsOf: event.nameBytes)
            bytes.append(contentsOf: repeatElement(0, count: length - event.nameBytes.count))
        }
        return bytes
    }

    /// What `events` mean for an inbox consumer, as one batch.
    ///
    /// Complete entries (`IN_CLOSE_WRITE`, `IN_MOVED_TO`) become names, except names that are not
    /// valid UTF-8 (a listing still shows those entries); `IN_Q_OVERFLOW` sets `rescan`; the
    /// directory's own deletion, move, unmount or watch removal sets `rootGone`. Names are hints:
    /// a directory moved in is named too, and the reader tells what each entry is.
    public static func batch(for events: [InotifyEvent]) -> WatchBatch {
        var batch = WatchBatch()
        let complete: InotifyEventMask = [.closeWrite, .movedTo]
        let gone: InotifyEventMask = [.deleteSelf, .moveSelf, .unmount, .ignored]
        for event in events {
            if event.mask.contains(.queueOverflow) { (batch.rescan, batch.overflow) = (true, true) }
            if !event.mask.isDisjoint(with: gone) { batch.rootGone = true }
            if !event.mask.isDisjoint(with: complete), let name = event.name {
                batch.names.insert(name)
            }
        }
        return batch
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }
}
