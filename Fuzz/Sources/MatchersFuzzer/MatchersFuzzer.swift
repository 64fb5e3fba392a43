import FuzzSupport
import TrialModel

@testable import Enrichment

private let matcher: DrugMatcher = {
    do { return DrugMatcher(dictionary: try DrugDictionary.bundled()) } catch {
        FuzzFailure.stop("the bundled drug dictionary does not load: \(error)")
    }
}()

/// The drug matcher (trie, regimens, misspellings) and the NCT id scanner on arbitrary text; the first byte
/// says whether strict regimens are allowed. Every mention must name a drug and lie inside the text; every
/// id must be `NCT` and 8 digits.
@_cdecl("LLVMFuzzerTestOneInput")
public func matchersFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let length = text.utf8.count
    for mention in matcher.mentions(in: text, allowingStrict: selector & 1 == 1) {
        guard mention.range.lowerBound >= 0, mention.range.upperBound <= length, !mention.range.isEmpty else {
            FuzzFailure.stop("mention \(mention) lies outside the \(length) bytes of text")
        }
        guard !mention.drugs.isEmpty else { FuzzFailure.stop("mention \(mention) names no drug") }
    }
    for id in NCTIdScanner.ids(in: text) where !RecordID.isNCTId(id) {
        FuzzFailure.stop("the scanner found \(String(reflecting: id)), which is not an NCT id")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("MatchersFuzzer_main")
public func matchersFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, matchersFuzzer)
}
