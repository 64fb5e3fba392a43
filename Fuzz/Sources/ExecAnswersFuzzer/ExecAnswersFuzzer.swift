import BuiltinPlugins
import FuzzSupport

/// What an `exec` subprocess writes on stdout, on arbitrary bytes: the first byte sets the size of the reads
/// the bytes arrive in (1 to 256), the rest is the output, split into answer lines and each line read as a
/// trial record. Splitting must not depend on how the bytes were chunked.
@_cdecl("LLVMFuzzerTestOneInput")
public func execAnswersFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let output = bytes.dropFirst()
    let chunk = Int(selector) + 1
    var reader = ExecAnswerReader()
    var lines: [String] = []
    var start = output.startIndex
    while start < output.endIndex {
        let end = min(start + chunk, output.endIndex)
        lines += reader.lines(from: output[start..<end])
        start = end
    }
    if let last = reader.finish() { lines.append(last) }
    var whole = ExecAnswerReader()
    var unchunked = whole.lines(from: output)
    if let last = whole.finish() { unchunked.append(last) }
    guard lines == unchunked else { FuzzFailure.stop("the answer lines depend on how the output was chunked") }
    for line in lines {
        if let record = try? ExecAnswerReader.record(from: line) { _ = record.id }
    }
    return 0
}
