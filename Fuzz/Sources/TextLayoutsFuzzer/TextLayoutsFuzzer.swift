import FuzzSupport
import TrialModel

@testable import Extraction

/// Each text layout directly on decoded text, past the layout detector: the first byte picks the layout
/// (medpath, trial-details, overview, condition-listing, ctgov-page, generic), the rest is the document.
@_cdecl("LLVMFuzzerTestOneInput")
public func textLayoutsFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let layouts = TextLayout.allCases
    let layout = layouts[Int(selector) % layouts.count]
    let body = Array(bytes.dropFirst())
    let decoded = TextDecoder.decode(body)
    let lines = TextLines(decoded.text)
    var record = TrialRecord(id: "", provenance: FuzzInput.document(body).provenance(layout: layout.rawValue))
    var links: [SeeAlsoLink] = []
    switch layout {
    case .medpath: MedPathLayout.fill(&record, listedLinks: &links, from: lines)
    case .trialDetails: TrialDetailsLayout.fill(&record, listedLinks: &links, from: lines)
    case .overview: OverviewLayout.fill(&record, from: lines)
    case .conditionListing: ConditionListingLayout.fill(&record, listedLinks: &links, from: lines)
    case .ctgovPage: CTGovPageLayout.fill(&record, listedLinks: &links, from: lines)
    case .generic: GenericLayout.fill(&record, listedLinks: &links, from: lines)
    }
    TextExtraction.finish(&record, listedLinks: &links, text: decoded.text)
    RecordInvariants.check(record)
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("TextLayoutsFuzzer_main")
public func textLayoutsFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, textLayoutsFuzzer)
}
