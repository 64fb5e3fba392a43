/// Something wrong with a dictionary's content that loading does not reject (see
/// ``DrugDictionary/problems()``).
public struct DictionaryProblem: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// One spelling names two different drugs (or a drug and a regimen).
        case sharedSpelling
        /// An ATC code is not of the form `L01XA03`.
        case malformedATC
        /// A drug has no pharmacological class.
        case missingClass
        /// A regimen lists a drug the dictionary does not have.
        case unknownRegimenDrug
        /// A spelling can never match: an ordinary word, shorter than three characters (unless strict),
        /// or not starting and ending with a letter or digit.
        case unmatchableSpelling
    }

    /// The kind of problem.
    public var kind: Kind
    /// What is wrong, naming the entries.
    public var message: String

    /// Creates a problem.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// `kind: message`.
    public var description: String { "\(kind.rawValue): \(message)" }
}

extension DrugDictionary {
    /// Every content problem: shared spellings, malformed ATC codes, drugs without a class, regimens
    /// naming unknown drugs, and spellings that can never match.
    public func problems() -> [DictionaryProblem] {
        var problems: [DictionaryProblem] = []
        var owners: [String: String] = [:]
        func claim(_ spelling: String, by owner: String) {
            let key = MatchText.foldedString(spelling)
            if let previous = owners[key], previous != owner {
                problems.append(
                    DictionaryProblem(
                        kind: .sharedSpelling, message: "'\(spelling)' names both \(previous) and \(owner)"))
            } else {
                owners[key] = owner
            }
        }
        for drug in drugs {
            for spelling in drug.spellings {
                claim(spelling, by: "drug '\(drug.name)'")
                problems += unmatchable(spelling, of: "drug '\(drug.name)'", strict: false)
            }
            for code in drug.atc where !ATCCode.isWellFormed(code) {
                problems.append(
                    DictionaryProblem(
                        kind: .malformedATC, message: "drug '\(drug.name)' has the malformed ATC code '\(code)'"))
            }
            if drug.classes.isEmpty {
                problems.append(DictionaryProblem(kind: .missingClass, message: "drug '\(drug.name)' has no class"))
            }
        }
        for regimen in regimens {
            for spelling in regimen.spellings {
                let owner = "regimen '\(regimen.name)'"
                claim(spelling, by: owner)
                problems += unmatchable(spelling, of: owner, strict: regimen.strict)
            }
            for name in regimen.drugs where drug(named: name) == nil {
                problems.append(
                    DictionaryProblem(
                        kind: .unknownRegimenDrug,
                        message: "regimen '\(regimen.name)' lists '\(name)', which is not a drug of the dictionary"))
            }
        }
        return problems
    }

    private func unmatchable(_ spelling: String, of owner: String, strict: Bool) -> [DictionaryProblem] {
        guard let reason = DrugMatcherPatterns.rejection(of: MatchText.folded(spelling), strict: strict) else {
            return []
        }
        let why: String
        switch reason {
        case .tooShort: why = "is too short to match safely"
        case .ordinaryWord: why = "is an ordinary word"
        case .notWordBounded: why = "does not start and end with a letter or digit"
        }
        return [DictionaryProblem(kind: .unmatchableSpelling, message: "'\(spelling)' of \(owner) \(why)")]
    }
}
