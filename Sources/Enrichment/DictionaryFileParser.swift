/// Reads one dictionary file (drugs or regimens, told apart by the header) into entries.
///
/// Format: UTF-8, tab-separated, lines starting with `#` and blank lines ignored, a header line first,
/// then one entry per line with exactly four columns; list columns are `|`-separated and may be empty.
enum DictionaryFileParser {
    /// The header of a drugs file.
    static let drugsHeader = ["name", "synonyms", "atc", "classes"]
    /// The header of a regimens file.
    static let regimensHeader = ["name", "aliases", "drugs", "strict"]

    /// An entry with the line it came from.
    struct Located<Entry> {
        var entry: Entry
        var line: Int
    }

    /// What a file held.
    enum Contents {
        case drugs([Located<DrugEntry>])
        case regimens([Located<RegimenEntry>])
    }

    /// Parses `text`, naming `file` in errors.
    static func parse(_ text: String, file: String) throws(DrugDictionaryError) -> Contents {
        var header: [String]?
        var drugs: [Located<DrugEntry>] = []
        var regimens: [Located<RegimenEntry>] = []
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = rawLine
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let knownHeader = header else {
                let names = columns.map { $0.trimmingSpaces().lowercased() }
                guard names == drugsHeader || names == regimensHeader else {
                    throw DrugDictionaryError(
                        code: .unknownHeader, file: file, line: lineNumber,
                        message: "expected the header 'name\tsynonyms\tatc\tclasses' (drugs) or "
                            + "'name\taliases\tdrugs\tstrict' (regimens), found '\(line)'")
                }
                header = names
                continue
            }
            guard columns.count == 4 else {
                throw DrugDictionaryError(
                    code: .wrongColumnCount, file: file, line: lineNumber,
                    message: "expected 4 tab-separated columns (\(knownHeader.joined(separator: ", "))), "
                        + "found \(columns.count)")
            }
            let name = columns[0].trimmingSpaces()
            guard !name.isEmpty else {
                throw DrugDictionaryError(
                    code: .invalidValue, file: file, line: lineNumber, message: "the name column is empty")
            }
            let key = name.lowercased()
            if let previous = firstLine[key] {
                throw DrugDictionaryError(
                    code: .duplicateName, file: file, line: lineNumber,
                    message: "'\(name)' is already defined on line \(previous); merge the two lines")
            }
            firstLine[key] = lineNumber
            if knownHeader == drugsHeader {
                let entry = try drugEntry(name: name, columns: columns, file: file, line: lineNumber)
                drugs.append(Located(entry: entry, line: lineNumber))
            } else {
                let entry = try regimenEntry(name: name, columns: columns, file: file, line: lineNumber)
                regimens.append(Located(entry: entry, line: lineNumber))
            }
        }
        guard let header else {
            throw DrugDictionaryError(code: .unknownHeader, file: file, message: "the file has no header line")
        }
        return header == drugsHeader ? .drugs(drugs) : .regimens(regimens)
    }

    private static func drugEntry(
        name: String, columns: [String], file: String, line: Int
    ) throws(DrugDictionaryError) -> DrugEntry {
        guard name == name.lowercased() else {
            throw DrugDictionaryError(
                code: .invalidValue, file: file, line: line,
                message: "drug name '\(name)' must be the lower-case INN ('\(name.lowercased())')")
        }
        let atc = list(columns[2])
        if let bad = atc.first(where: { !ATCCode.isWellFormed($0) }) {
            throw DrugDictionaryError(
                code: .invalidValue, file: file, line: line,
                message: "ATC code '\(bad)' is not of the form L01XA03 (letter, 2 digits, 2 letters, 2 digits)")
        }
        return DrugEntry(name: name, synonyms: list(columns[1]), atc: atc, classes: list(columns[3]))
    }

    private static func regimenEntry(
        name: String, columns: [String], file: String, line: Int
    ) throws(DrugDictionaryError) -> RegimenEntry {
        let drugs = list(columns[2]).map { $0.lowercased() }
        guard !drugs.isEmpty else {
            throw DrugDictionaryError(
                code: .invalidValue, file: file, line: line, message: "regimen '\(name)' lists no drugs")
        }
        let strict: Bool
        switch columns[3].trimmingSpaces().lowercased() {
        case "yes": strict = true
        case "no", "": strict = false
        default:
            throw DrugDictionaryError(
                code: .invalidValue, file: file, line: line,
                message: "the strict column must be 'yes' or 'no', found '\(columns[3])'")
        }
        return RegimenEntry(name: name, aliases: list(columns[1]), drugs: drugs, strict: strict)
    }

    /// Splits a `|`-separated column, trimming items and dropping empty and repeated ones.
    static func list(_ column: String) -> [String] {
        var seen: Set<String> = []
        var items: [String] = []
        for part in column.split(separator: "|") {
            let item = String(part).trimmingSpaces()
            if !item.isEmpty, seen.insert(item).inserted { items.append(item) }
        }
        return items
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
