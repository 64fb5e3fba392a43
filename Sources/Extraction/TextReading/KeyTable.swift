import TrialModel

/// A table keyed by line keys (``EnumNormalizer/key(_:)``) that turns most keys it does not hold away without
/// hashing them.
///
/// Nearly every line of a page is looked up in a heading or label table and nearly none is in it. Each key the
/// table holds marks its shape (its length and first byte) in a small bitmap; a key of a shape no held key has
/// is answered at once, and only the others are hashed.
struct KeyTable<Value: Sendable>: Sendable {
    /// The values by key.
    let values: [String: Value]
    /// For each key length below ``shapeLengths``, a bit for each first byte from `0` (0x30) some key has.
    private let shapes: [UInt64]

    private static var shapeLengths: Int { 128 }

    /// A table of `values`.
    init(_ values: [String: Value]) {
        self.values = values
        var shapes = [UInt64](repeating: 0, count: Self.shapeLengths)
        for key in values.keys {
            if let bit = Self.shapeBit(key) { shapes[key.utf8.count] |= bit }
        }
        self.shapes = shapes
    }

    /// The value of `key`, if the table holds it.
    subscript(key: String) -> Value? {
        if let bit = Self.shapeBit(key), shapes[key.utf8.count] & bit == 0 { return nil }
        return values[key]
    }

    /// The bit of `key`'s first byte in the bitmap of its length, or nil when the bitmap cannot tell (an empty
    /// or long key, or one that starts outside `0`–`o`): such keys are always hashed.
    @inline(__always)
    private static func shapeBit(_ key: String) -> UInt64? {
        let utf8 = key.utf8
        guard let first = utf8.first, utf8.count < shapeLengths, first >= 0x30, first < 0x70 else { return nil }
        return 1 &<< UInt64(first &- 0x30)
    }
}
