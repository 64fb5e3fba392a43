import Pipeline
import Testing

@Suite struct ChunkedWriteTests {
    private func chunks(_ pieces: [[UInt8]], separator: UInt8?, chunkBytes: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        ChunkedWrite.write(pieces, separator: separator, chunkBytes: chunkBytes) { out.append(Array($0)) }
        return out
    }

    @Test func theBytesAreThePiecesInOrderWithTheirSeparators() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let chunkBytes = Int.random(in: 1...64, using: &generator)
            let pieces = (0..<Int.random(in: 0...20, using: &generator)).map { index in
                [UInt8](repeating: UInt8(65 + index % 26), count: Int.random(in: 0...100, using: &generator))
            }
            let separator: UInt8? = Bool.random(using: &generator) ? 10 : nil
            let written = chunks(pieces, separator: separator, chunkBytes: chunkBytes)
            let expected = pieces.flatMap { $0 + (separator.map { [$0] } ?? []) }
            #expect(written.flatMap { $0 } == expected)
            #expect(!written.contains { $0.isEmpty })
            // A chunk is over the limit only when it is one piece written as it is.
            for chunk in written where chunk.count > chunkBytes {
                #expect(pieces.contains(chunk))
            }
        }
    }

    @Test func smallPiecesShareChunksUpToTheLimit() {
        let pieces = Array(repeating: [UInt8](repeating: 1, count: 3), count: 10)
        let written = chunks(pieces, separator: 10, chunkBytes: 9)
        #expect(written.map(\.count) == [8, 8, 8, 8, 8])
        #expect(chunks([], separator: 10, chunkBytes: 9).isEmpty)
    }
}
