/// The INN stems that end drug names (`-mab`, `-tinib`, `-platin`, …), which mark a word as a possible
/// misspelt drug name.
enum DrugStemSuffixes {
    /// Stems, longest first, so the first one a word ends with is the most specific.
    static let all: [[UInt8]] = [
        "zumab", "ximab", "umab", "mab",
        "ciclib", "lisib", "lib",
        "parib", "rib",
        "tinib", "fenib", "nib",
        "zomib", "mib",
        "sertib", "tib",
        "platin", "taxel", "rubicin", "mycin", "mide", "stat", "limus", "tide", "relin", "tecan",
        "mustine", "poetin", "grastim", "parin", "vastatin", "sartan", "gliptin", "gliflozin",
        "previr", "buvir", "navir", "vudine", "floxacin", "cycline", "conazole", "prazole", "tidine",
        "dronate", "cillin", "citabine", "trexed", "trozole", "lutamide", "cept", "leukin",
    ].map { Array($0.utf8) }.sorted { $0.count > $1.count }

    /// The most specific stem `word` (lower case) ends with, if any.
    static func stem(of word: [UInt8]) -> [UInt8]? {
        all.first { word.count > $0.count && word.hasSuffix($0) }
    }
}

extension Array where Element == UInt8 {
    /// Whether the array ends with `suffix`.
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
