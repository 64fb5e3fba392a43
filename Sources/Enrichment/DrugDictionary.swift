import Foundation

/// The drugs and regimens the enrichers recognise: the bundled dictionary plus any user files.
///
/// Files are tab-separated (see `Resources/`): a drugs file has the header `name, synonyms, atc, classes`,
/// a regimens file `name, aliases, drugs, strict`. A user entry whose name already exists extends it:
/// its synonyms, ATC codes and classes (or aliases and drugs) are added, and a regimen's `strict` is replaced.
public struct DrugDictionary: Sendable, Equatable {
    /// Every drug, in file order.
    public private(set) var drugs: [DrugEntry] = []
    /// Every regimen, in file order.
    public private(set) var regimens: [RegimenEntry] = []
    private var drugIndex: [String: Int] = [:]
    private var regimenIndex: [String: Int] = [:]

    /// An empty dictionary.
    public init() {}

    /// A dictionary made of in-memory file texts (drugs first, then regimens), for tests and tools.
    public init(drugsTSV: String, regimensTSV: String? = nil, source: String = "memory") throws {
        try add(contentsOf: drugsTSV, file: source + "/drugs.tsv")
        if let regimensTSV { try add(contentsOf: regimensTSV, file: source + "/regimens.tsv") }
    }

    /// The bundled dictionary, then each of `extraFiles` (paths to user drugs or regimens files) in order.
    public static func load(extraFiles: [String] = []) throws -> DrugDictionary {
        var dictionary = try bundled()
        for path in extraFiles { try dictionary.addFile(atPath: path) }
        return dictionary
    }

    /// The dictionary shipped with the module (`Resources/drugs.tsv` and `Resources/regimens.tsv`).
    public static func bundled() throws -> DrugDictionary {
        var dictionary = DrugDictionary()
        for name in ["drugs", "regimens"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources")
            else {
                throw DrugDictionaryError(
                    code: .missingResource, file: "Resources/\(name).tsv",
                    message: "the bundled dictionary file is missing from the build")
            }
            try dictionary.addFile(atPath: url.path)
        }
        return dictionary
    }

    /// The number of drugs.
    public var count: Int { drugs.count }

    /// The drug with this INN (any letter case), if any.
    public func drug(named name: String) -> DrugEntry? {
        drugIndex[name.lowercased()].map { drugs[$0] }
    }

    /// The index in ``drugs`` of the drug with this INN (any letter case), if any.
    func drugIndex(named name: String) -> Int? { drugIndex[name.lowercased()] }

    /// The regimen with this name (any letter case), if any.
    public func regimen(named name: String) -> RegimenEntry? {
        regimenIndex[name.lowercased()].map { regimens[$0] }
    }

    /// Reads a drugs or regimens file and adds its entries.
    public mutating func addFile(atPath path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DrugDictionaryError(code: .unreadableFile, file: path, message: "cannot read the file: \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DrugDictionaryError(code: .unreadableFile, file: path, message: "the file is not valid UTF-8")
        }
        try add(contentsOf: text, file: path)
    }

    /// Parses the text of a drugs or regimens file (told apart by its header) and adds its entries;
    /// `file` names the source in errors.
    public mutating func add(contentsOf text: String, file: String) throws {
        switch try DictionaryFileParser.parse(text, file: file) {
        case .drugs(let entries): for located in entries { add(located.entry) }
        case .regimens(let entries): for located in entries { add(located.entry) }
        }
    }

    /// Adds a drug, or extends the drug of the same name with its synonyms, ATC codes and classes.
    public mutating func add(_ entry: DrugEntry) {
        let key = entry.name.lowercased()
        guard let index = drugIndex[key] else {
            drugIndex[key] = drugs.count
            drugs.append(entry)
            return
        }
        drugs[index].synonyms.appendNew(entry.synonyms.filter { $0.lowercased() != key })
        drugs[index].atc.appendNew(entry.atc)
        drugs[index].classes.appendNew(entry.classes)
    }

    /// Adds a regimen, or extends the regimen of the same name with its aliases and drugs and takes its
    /// `strict`.
    public mutating func add(_ entry: RegimenEntry) {
        let key = entry.name.lowercased()
        guard let index = regimenIndex[key] else {
            regimenIndex[key] = regimens.count
            regimens.append(entry)
            return
        }
        regimens[index].aliases.appendNew(entry.aliases)
        regimens[index].drugs.appendNew(entry.drugs)
        regimens[index].strict = entry.strict
    }
}

extension Array where Element == String {
    /// Appends the items not already present (compared ignoring letter case), keeping their order.
    mutating func appendNew(_ items: [String]) {
        var seen = Set(map { $0.lowercased() })
        for item in items where seen.insert(item.lowercased()).inserted { append(item) }
    }
}
