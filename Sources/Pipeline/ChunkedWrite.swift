/// Writes a list of byte strings, each optionally followed by a separator byte, through one buffer of bounded
/// size.
///
/// A batch's records are several MiB of JSON: joined into one buffer before a single write, they made the
/// JSON Lines sink and the corpus log each hold a second, batch-sized copy of the batch (3.2 and 2.5 MiB of the
/// peak heap of `run --once` over 20,000 seed pages). A piece larger than the buffer is written as it is.
public enum ChunkedWrite {
    /// The buffer's size: below glibc's mmap threshold, so the buffer is reused from the heap.
    public static let chunkBytes = 128 << 10

    /// Hands `output` the bytes of `pieces` in order, each piece followed by `separator` when given, in
    /// chunks of at most `chunkBytes` (but for single pieces larger than that).
    public static func write(
        _ pieces: [[UInt8]], separator: UInt8? = nil, chunkBytes: Int = chunkBytes,
        to output: (UnsafeRawBufferPointer) throws -> Void
    ) rethrows {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunkBytes)
        let separatorBytes = separator == nil ? 0 : 1
        for piece in pieces {
            if !buffer.isEmpty, buffer.count + piece.count + separatorBytes > chunkBytes {
                try buffer.withUnsafeBytes(output)
                buffer.removeAll(keepingCapacity: true)
            }
            if piece.count >= chunkBytes {
                try piece.withUnsafeBytes(output)
            } else {
                buffer.append(contentsOf: piece)
            }
            if let separator { buffer.append(separator) }
        }
        if !buffer.isEmpty { try buffer.withUnsafeBytes(output) }
    }
}
