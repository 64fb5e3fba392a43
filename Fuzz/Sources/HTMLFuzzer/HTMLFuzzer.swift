import FuzzSupport
import XMLSupport

/// The HTML reader on arbitrary bytes: charset detection, then libxml2's HTML parser and the walk that keeps
/// block structure, in both table layouts (the first byte picks one).
@_cdecl("LLVMFuzzerTestOneInput")
public func htmlFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let page = Array(bytes.dropFirst())
    let charset = HTMLCharset.detect(page)
    let layout: HTMLTextExtractor.TableLayout = selector & 1 == 0 ? .cellPerLine : .rowPerLine
    let text = HTMLTextExtractor.extract(page, charset: charset.name, tableLayout: layout)
    if text.text.utf8.count > 64 * (page.count + 64) {
        FuzzFailure.stop("\(page.count) bytes of HTML gave \(text.text.utf8.count) bytes of text")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("HTMLFuzzer_main")
public func htmlFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, htmlFuzzer)
}
