/// The shape of an Anatomical Therapeutic Chemical code for a substance (level 5, e.g. `L01XA03`).
enum ATCCode {
    /// Whether `code` is a letter, two digits, two letters and two digits, all upper case.
    static func isWellFormed(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 7 else { return false }
        let isLetter: (UInt8) -> Bool = { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return isLetter(bytes[0]) && isDigit(bytes[1]) && isDigit(bytes[2]) && isLetter(bytes[3])
            && isLetter(bytes[4]) && isDigit(bytes[5]) && isDigit(bytes[6])
    }
}
