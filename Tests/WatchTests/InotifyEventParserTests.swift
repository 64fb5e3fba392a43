import Testing

@testable import Watch

#if os(Linux)
    import Glibc
#endif

@Suite("InotifyEventParser")
struct InotifyEventParserTests {
    @Test("events survive encode then parse")
    func roundTrip() throws {
        let events = [
            InotifyEvent(watchDescriptor: 1, mask: .closeWrite, name: "a.json"),
            InotifyEvent(watchDescriptor: 1, mask: .movedTo, cookie: 77, name: "exactly16bytes.x"),
            InotifyEvent(watchDescriptor: 1, mask: [.movedTo, .isDirectory], name: "sub"),
            InotifyEvent(watchDescriptor: -1, mask: .queueOverflow),
            InotifyEvent(watchDescriptor: 1, mask: .deleteSelf),
            InotifyEvent(watchDescriptor: 1, mask: .closeWrite, name: "résumé ✓.txt"),
        ]
        let bytes = InotifyEventParser.encode(events)
        #expect(try InotifyEventParser.parse(bytes) == events)
    }

    @Test("names are NUL-terminated and padded to 16 bytes, as the kernel lays them out")
    func kernelLayout() {
        let bytes = InotifyEventParser.encode([
            InotifyEvent(watchDescriptor: 3, mask: .closeWrite, cookie: 9, name: "a.json")
        ])
        #expect(bytes.count == 32)
        #expect(Array(bytes[0..<4]) == [3, 0, 0, 0])
        #expect(Array(bytes[4..<8]) == [8, 0, 0, 0])
        #expect(Array(bytes[8..<12]) == [9, 0, 0, 0])
        #expect(Array(bytes[12..<16]) == [16, 0, 0, 0])
        #expect(Array(bytes[16..<22]) == Array("a.json".utf8))
        #expect(bytes[22...].allSatisfy { $0 == 0 })
        // A 16-byte name needs a 17th byte for its NUL, so it takes 32.
        let long = InotifyEventParser.encode([
            InotifyEvent(watchDescriptor: 1, mask: .movedTo, name: "0123456789abcdef")
        ])
        #expect(long.count == 16 + 32)
    }

    @Test("a buffer cut inside a header throws truncatedHeader")
    func truncatedHeader() {
        var bytes = InotifyEventParser.encode([InotifyEvent(watchDescriptor: 1, mask: .closeWrite, name: "a")])
        bytes += [1, 0, 0, 0, 8, 0]
        #expect(throws: InotifyParseError.truncatedHeader(offset: 32)) { try InotifyEventParser.parse(bytes) }
    }

    @Test("a buffer cut inside a name throws truncatedName")
    func truncatedName() {
        let bytes = InotifyEventParser.encode([InotifyEvent(watchDescriptor: 1, mask: .closeWrite, name: "a.json")])
        #expect(throws: InotifyParseError.truncatedName(offset: 0, length: 16)) {
            try InotifyEventParser.parse(Array(bytes.dropLast(1)))
        }
    }

    @Test("a declared name length beyond the buffer throws instead of reading past it")
    func hugeLength() {
        var bytes = InotifyEventParser.encode([InotifyEvent(watchDescriptor: 1, mask: .closeWrite)])
        bytes[12] = 0xFF
        bytes[13] = 0xFF
        bytes[14] = 0xFF
        bytes[15] = 0xFF
        #expect(throws: InotifyParseError.truncatedName(offset: 0, length: Int(UInt32.max))) {
            try InotifyEventParser.parse(bytes)
        }
    }

    @Test("an empty buffer holds no events")
    func emptyBuffer() throws {
        #expect(try InotifyEventParser.parse([UInt8]()).isEmpty)
    }

    @Test("a name that is not UTF-8 has no String name and is left out of the batch")
    func invalidUTF8() throws {
        let event = InotifyEvent(watchDescriptor: 1, mask: .closeWrite, nameBytes: [0x61, 0xFF, 0x62])
        let parsed = try InotifyEventParser.parse(InotifyEventParser.encode([event]))
        #expect(parsed == [event])
        #expect(parsed[0].name == nil)
        #expect(InotifyEventParser.batch(for: parsed).isEmpty)
    }

    @Test("events become names, rescan and rootGone")
    func batchClassification() {
        let batch = InotifyEventParser.batch(for: [
            InotifyEvent(watchDescriptor: 1, mask: .closeWrite, name: "a.json"),
            InotifyEvent(watchDescriptor: 1, mask: .movedTo, name: "b.txt"),
            InotifyEvent(watchDescriptor: 1, mask: .closeWrite, name: "a.json"),
            InotifyEvent(watchDescriptor: 1, mask: .create, name: "linked.txt"),
        ])
        #expect(batch == WatchBatch(names: ["a.json", "b.txt"]))
        let overflow = InotifyEventParser.batch(for: [InotifyEvent(watchDescriptor: -1, mask: .queueOverflow)])
        #expect(overflow.rescan && overflow.overflow)
        #expect(!batch.overflow)
        for gone: InotifyEventMask in [.deleteSelf, .moveSelf, .unmount, .ignored] {
            #expect(InotifyEventParser.batch(for: [InotifyEvent(watchDescriptor: 1, mask: gone)]).rootGone)
        }
    }

    #if os(Linux)
        @Test("the mask constants equal the kernel's")
        func constantsMatchGlibc() {
            let pairs: [(InotifyEventMask, Int32)] = [
                (.closeWrite, IN_CLOSE_WRITE), (.movedFrom, IN_MOVED_FROM), (.movedTo, IN_MOVED_TO),
                (.create, IN_CREATE), (.deleteSelf, IN_DELETE_SELF), (.moveSelf, IN_MOVE_SELF),
                (.unmount, IN_UNMOUNT), (.queueOverflow, IN_Q_OVERFLOW), (.ignored, IN_IGNORED),
                (.onlyDirectory, IN_ONLYDIR), (.excludeUnlinked, IN_EXCL_UNLINK), (.isDirectory, IN_ISDIR),
            ]
            for (mask, value) in pairs { #expect(mask.rawValue == UInt32(bitPattern: value)) }
            #expect(
                InotifyEventMask.inboxWatch.rawValue
                    == UInt32(
                        bitPattern: IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR
                            | IN_EXCL_UNLINK))
        }
    #endif
}
