import FuzzSupport
import Watch

/// The inotify event parser on arbitrary buffers, as the watcher reads them from the descriptor. A buffer
/// that parses must encode back to events that parse to the same events, and its batch must name only
/// names the events carry.
@_cdecl("LLVMFuzzerTestOneInput")
public func inotifyEventsFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let events = try? InotifyEventParser.parse(bytes) else { return 0 }
    let batch = InotifyEventParser.batch(for: events)
    let names = Set(events.compactMap(\.name))
    guard batch.names.isSubset(of: names) else { FuzzFailure.stop("the batch names a name no event holds") }
    let again: [InotifyEvent]
    do { again = try InotifyEventParser.parse(InotifyEventParser.encode(events)) } catch {
        FuzzFailure.stop("encoded events do not parse: \(error)")
    }
    guard again == events else { FuzzFailure.stop("events changed through encode and parse") }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("InotifyEventsFuzzer_main")
public func inotifyEventsFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, inotifyEventsFuzzer)
}
