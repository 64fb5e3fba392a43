import Enrichment
import Foundation

/// A dictionary of realistic size: the given one plus made-up drugs with INN stems, brand names and codes.
enum SyntheticDictionary {
    static func make(drugCount: Int, base: DrugDictionary) throws -> DrugDictionary {
        let syllables = [
            "ba", "ce", "di", "fo", "ga", "he", "ki", "lo", "ma", "ne", "pi", "ro", "sa", "te", "vu", "xa", "zo",
        ]
        let stems = [
            "zumab", "ximab", "umab", "tinib", "ciclib", "parib", "platin", "taxel", "rubicin", "lidomide",
            "stat", "limus", "tide", "tecan", "citabine", "trexed",
        ]
        var lines = ["name\tsynonyms\tatc\tclasses"]
        var generator = SplitMix64(seed: 42)
        var names: Set<String> = Set(base.drugs.map(\.name))
        while names.count < drugCount {
            let prefix = (0..<Int(2 + generator.next() % 3)).map { _ in
                syllables[Int(generator.next() % UInt64(syllables.count))]
            }
            let name = prefix.joined() + stems[Int(generator.next() % UInt64(stems.count))]
            guard names.insert(name).inserted else { continue }
            let brand = (prefix.reversed().joined() + "ra").capitalized
            let code = "SX-\(1000 + names.count)"
            lines.append("\(name)\t\(brand)|\(code)\t\tSynthetic Agents")
        }
        var dictionary = base
        try dictionary.add(contentsOf: lines.joined(separator: "\n"), file: "synthetic.tsv")
        return dictionary
    }
}

/// A small deterministic random number generator.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
