/// Eight bytes read as one word, to test them at once: text is long and the bytes a reader stops at are rare.
///
/// Each test is exact: it is true when at least one of the eight bytes passes, never for none.
@frozen
public struct ByteWord {
    /// The bytes as one little-endian word.
    public let value: UInt64

    @inlinable static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `offset` (which must leave eight bytes in the buffer).
    @inlinable
    public init(_ base: UnsafePointer<UInt8>, at offset: Int) {
        value = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// A word made of `value`.
    @inlinable
    public init(value: UInt64) { self.value = value }

    /// Whether a byte is below `limit` (at most 0x80).
    @inlinable
    public func hasByte(below limit: UInt8) -> Bool {
        (value &- Self.ones &* UInt64(limit)) & ~value & Self.highs != 0
    }

    /// Whether a byte equals `byte`.
    @inlinable
    public func hasByte(_ byte: UInt8) -> Bool {
        ByteWord(value: value ^ (Self.ones &* UInt64(byte))).hasByte(below: 1)
    }

    /// The offset (0–7) of the first byte equal to `byte`, or nil.
    ///
    /// The borrow of the zero-byte test can mark bytes above a true match, never one below it, so the lowest
    /// marked byte is exact.
    @inlinable
    public func firstIndex(of byte: UInt8) -> Int? {
        let matched = value ^ (Self.ones &* UInt64(byte))
        let marks = (matched &- Self.ones) & ~matched & Self.highs
        return marks == 0 ? nil : marks.trailingZeroBitCount &>> 3
    }

    /// Whether a byte is beyond ASCII.
    @inlinable
    public var hasNonASCII: Bool { value & Self.highs != 0 }
}
