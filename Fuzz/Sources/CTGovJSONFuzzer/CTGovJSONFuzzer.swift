import FuzzSupport

@testable import Extraction

/// The ClinicalTrials.gov API v2 JSON reader on arbitrary bytes (single studies, study lists and pages),
/// without the kind sniffing.
@_cdecl("LLVMFuzzerTestOneInput")
public func ctgovJSONFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput.document(FuzzInput.bytes(data, size))
    guard let records = try? CTGovJSONExtractor.extract(input) else { return 0 }
    for extracted in records { RecordInvariants.check(extracted.record) }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("CTGovJSONFuzzer_main")
public func ctgovJSONFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, ctgovJSONFuzzer)
}
