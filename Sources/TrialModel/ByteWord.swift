/// Eight bytes read as one word, to test them at once: text is long and the bytes a reader stops at are rare.
///
/// Each test is exact: it is true when at least one of the eight bytes passes, never for none.
struct ByteWord {
    /// The bytes as one little-endian word.
    let value: UInt64

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must leave eight bytes in the buffer).
    @inline(__always)
    init(_ base: UnsafePointer<UInt8>, at offset: Int) {
        value = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// A word made of `value`.
    @inline(__always)
    init(value: UInt64) { self.value = value }

    /// Whether a byte is below `limit` (at most 0x80).
    @inline(__always)
    func hasByte(below limit: UInt8) -> Bool {
        (value &- Self.ones &* UInt64(limit)) & ~value & Self.highs != 0
    }

    /// Whether a byte equals `byte`.
    @inline(__always)
    func hasByte(_ byte: UInt8) -> Bool {
        ByteWord(value: value ^ (Self.ones &* UInt64(byte))).hasByte(below: 1)
    }

    /// Whether a byte is beyond ASCII.
    @inline(__always)
    var hasNonASCII: Bool { value & Self.highs != 0 }
}
