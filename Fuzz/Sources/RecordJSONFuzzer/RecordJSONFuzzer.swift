import Foundation
import FuzzSupport
import TrialModel

/// The record reader the corpus index uses on its log, on arbitrary bytes: whatever it accepts, `JSONDecoder`
/// (the oracle) must read as the same record, and the writer's line for that record must read back the same.
/// What it refuses is left to `JSONDecoder`, which callers fall back to.
@_cdecl("LLVMFuzzerTestOneInput")
public func recordJSONFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let record = RecordJSONReader.decode(bytes) else { return 0 }
    guard let oracle = try? JSONDecoder().decode(TrialRecord.self, from: Data(bytes)) else {
        FuzzFailure.stop("the reader accepted a record JSONDecoder refuses")
    }
    guard oracle == record else { FuzzFailure.stop("the reader and JSONDecoder read different records") }
    guard RecordJSONReader.decode(RecordJSONWriter.encode(record)) == record else {
        FuzzFailure.stop("the writer's line for an accepted record does not read back the same")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("RecordJSONFuzzer_main")
public func recordJSONFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, recordJSONFuzzer)
}
