import Testing

@testable import Enrichment

@Suite("Byte classes of drug matching")
struct MatchTextTests {
    @Test("a word byte is exactly an ASCII letter or digit, for every byte value")
    func wordBytesAreLettersAndDigits() {
        for value in 0...255 {
            let byte = UInt8(value)
            let scalar = Unicode.Scalar(byte)
            let expected = byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            #expect(MatchText.isASCIIWordByte(byte) == expected, "byte \(value)")
            if expected { #expect(MatchText.isASCIILetter(byte) == (byte >= 64), "byte \(value)") }
        }
    }

    @Test("a word's letters-only flag is false as soon as it holds a digit or a non-ASCII letter")
    func lettersOnly() {
        func word(_ text: String) -> FirstWordSet.Word {
            Array(text.utf8).withUnsafeBufferPointer { FirstWordSet.word($0, from: 0) }
        }
        #expect(word("Cisplatin").lettersOnly)
        #expect(!word("5fu").lettersOnly)
        #expect(!word("fu5").lettersOnly)
        #expect(!word("Äbc").lettersOnly)
        #expect(word("abc def").end == 3)
        #expect(word("abc9-x").end == 4)
    }
}
