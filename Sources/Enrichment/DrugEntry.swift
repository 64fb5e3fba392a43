/// One drug of the dictionary: its lower-case INN, other names, ATC codes and pharmacological classes.
public struct DrugEntry: Sendable, Equatable {
    /// The lower-case International Nonproprietary Name, e.g. `thalidomide`.
    public var name: String
    /// Other spellings that name the same drug: brand names, development codes, abbreviations.
    public var synonyms: [String]
    /// ATC codes (`L04AX02`).
    public var atc: [String]
    /// MeSH Pharmacological Action classes (`Angiogenesis Inhibitors`).
    public var classes: [String]

    /// Creates an entry from its parts.
    public init(name: String, synonyms: [String] = [], atc: [String] = [], classes: [String] = []) {
        self.name = name
        self.synonyms = synonyms
        self.atc = atc
        self.classes = classes
    }

    /// The name followed by every synonym.
    public var spellings: [String] { [name] + synonyms }
}

/// A named combination of drugs (`XELOX`, `R-CHOP`) that stands for each of its drugs.
public struct RegimenEntry: Sendable, Equatable {
    /// The regimen's usual name, e.g. `XELOX`.
    public var name: String
    /// Other names of the same regimen, e.g. `CAPOX`.
    public var aliases: [String]
    /// The INNs of its drugs; each names a ``DrugEntry``.
    public var drugs: [String]
    /// Whether the name is ambiguous (`AC`, `EP`): then it matches only in interventions and arm groups,
    /// and only with the exact letter case.
    public var strict: Bool

    /// Creates an entry from its parts.
    public init(name: String, aliases: [String] = [], drugs: [String], strict: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.drugs = drugs
        self.strict = strict
    }

    /// The name followed by every alias.
    public var spellings: [String] { [name] + aliases }
}
