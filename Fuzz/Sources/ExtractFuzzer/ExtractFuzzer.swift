import Extraction
import FuzzSupport

private let extractor = DocumentExtractor()

/// The whole extract stage on arbitrary bytes: kind sniffing, UTF-16 and charset decoding, layout detection and
/// every reader reached through it. Every record it yields must satisfy ``RecordInvariants``.
@_cdecl("LLVMFuzzerTestOneInput")
public func extractFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput.document(FuzzInput.bytes(data, size))
    guard let records = try? extractor.extract(input) else { return 0 }
    for extracted in records { RecordInvariants.check(extracted.record) }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("ExtractFuzzer_main")
public func extractFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, extractFuzzer)
}
