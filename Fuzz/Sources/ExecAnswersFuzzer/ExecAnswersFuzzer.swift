import BuiltinPlugins
import Foundation
import FuzzSupport
import TrialModel

/// What an `exec` subprocess writes on stdout, on arbitrary bytes: the first byte sets the size of the reads
/// the bytes arrive in (1 to 256), the rest is the output, split into answer lines and each line read as a
/// trial record. Splitting must not depend on how the bytes were chunked, and every record read must survive
/// the JSON writer the sinks use: its line decodes back to the same record.
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
        guard let record = try? ExecAnswerReader.record(from: line) else { continue }
        let written = RecordJSONWriter.encode(record)
        guard let again = try? JSONDecoder().decode(TrialRecord.self, from: Data(written)), again == record else {
            FuzzFailure.stop("the record read from \(line) is written as \(String(decoding: written, as: UTF8.self))")
        }
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("ExecAnswersFuzzer_main")
public func execAnswersFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, execAnswersFuzzer)
}
