public import Extraction

/// Turns what libFuzzer passes to `LLVMFuzzerTestOneInput` into the inputs trialpipe's readers take.
public enum FuzzInput {
    /// The input's bytes (libFuzzer may pass a null pointer with size 0).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as a dropped document, with fixed provenance so that runs repeat.
    public static func document(_ bytes: [UInt8]) -> ExtractionInput {
        ExtractionInput(
            bytes: bytes, sourcePath: "Inbox/fuzz-input", sha256: String(repeating: "0", count: 64),
            pipeline: "fuzz", processedAt: "2026-01-01T00:00:00Z")
    }
}
