import Crypto

/// SHA-256 over bytes, for document identity and `doc-` ids: swift-crypto's (BoringSSL, using the CPU's SHA
/// instructions where it has them) behind the names the rest of trialpipe uses.
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    /// Creates a hasher with nothing fed to it.
    public init() {}

    /// The lower-case hex digest of `bytes`.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The lower-case hex digest of a string's UTF-8 bytes.
    public static func hex(_ string: String) -> String { hex(Array(string.utf8)) }

    /// Feeds more bytes.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let fed: Void? = bytes.withContiguousStorageIfAvailable {
            hasher.update(bufferPointer: UnsafeRawBufferPointer($0))
        }
        if fed == nil { Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) } }
    }

    /// The digest as 32 bytes; the hasher is spent afterwards.
    public mutating func finalize() -> [UInt8] { Array(hasher.finalize()) }

    /// The digest as 64 lower-case hex digits.
    public mutating func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
