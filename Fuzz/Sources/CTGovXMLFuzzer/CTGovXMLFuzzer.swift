import FuzzSupport

@testable import Extraction

/// The ClinicalTrials.gov legacy XML reader on arbitrary bytes (the safe libxml2 reader and every
/// `clinical_study` field), without the kind sniffing that would send most mutations to the HTML reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func ctgovXMLFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput.document(FuzzInput.bytes(data, size))
    guard let records = try? CTGovXMLExtractor.extract(input) else { return 0 }
    for extracted in records { RecordInvariants.check(extracted.record) }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("CTGovXMLFuzzer_main")
public func ctgovXMLFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, ctgovXMLFuzzer)
}
