/// A study of the ClinicalTrials.gov classic API (`FullStudiesResponse` downloads) rewritten in API v2 shape,
/// so that one reader serves both.
///
/// The classic API names every field in full, in PascalCase, and wraps each list in an object; API v2 names a
/// field relative to the object holding it. The rewrite follows general rules, not a list of fields:
/// - names are camel-cased word by word: `NCTId` → `nctId`, `StudyFirstSubmitQCDate` → `studyFirstSubmitQcDate`;
/// - a list wrapper `XList: {X: [...]}` becomes the plural of its item: `ConditionList` → `conditions`;
/// - inside an object a field drops the object's own name (`LeadSponsor.LeadSponsorName` → `name`,
///   `StartDateStruct.StartDateType` → `type`), and a field that *is* that name keeps its last word
///   (`StartDateStruct.StartDate` → `date`, `OrgStudyIdInfo.OrgStudyId` → `id`); a `Struct` or `Info` ending
///   is not part of the object's name. Modules keep their fields' full names, except browse modules, whose
///   fields drop the subject they browse (`InterventionBrowseModule.InterventionMeshList` → `meshes`);
/// - the concepts API v2 renamed: `Gender` → `sex`, `EMail` → `email`.
///
/// Values stay as written (classic values are display text such as "Phase 2" or "Not yet recruiting"; the
/// reader's normalisers accept both spellings).
enum CTGovClassicStudy {
    /// The sections a record reads; the results section (most of a completed study's bytes) is left out.
    private static let readSections: Set<String> = ["ProtocolSection", "DerivedSection"]

    /// Fields API v2 calls by another name, by their classic name without the enclosing object's name.
    private static let renamed: [Substring: String] = ["Gender": "sex", "EMail": "email"]

    /// The classic study object of an item of `FullStudies` (`{"Rank": 1, "Study": {...}}`) or a bare study;
    /// nil for anything else.
    static func study(in item: JSONTree) -> [String: JSONTree]? {
        guard case .object(let members) = item else { return nil }
        if case .object(let study)? = members["Study"], isStudy(study) { return study }
        return isStudy(members) ? members : nil
    }

    /// The API v2 shape of a classic study: its protocol and derived sections with v2 names.
    static func v2Study(_ study: [String: JSONTree]) -> JSONTree {
        var sections: [String: JSONTree] = [:]
        for (name, section) in study where readSections.contains(name) {
            guard case .object(let modules) = section else { continue }
            var converted: [String: JSONTree] = [:]
            converted.reserveCapacity(modules.count)
            for (moduleName, module) in modules {
                converted[camelCase(moduleName[...])] = v2Value(module, stem: moduleStem(moduleName))
            }
            sections[camelCase(name[...])] = .object(converted)
        }
        return .object(sections)
    }

    private static func isStudy(_ members: [String: JSONTree]) -> Bool {
        if case .object? = members["ProtocolSection"] { return true }
        return false
    }

    /// A value with v2 names inside; `stem` is the name the enclosing object's fields start with, if any.
    private static func v2Value(_ value: JSONTree, stem: Substring?) -> JSONTree {
        switch value {
        case .object(let members):
            var converted: [String: JSONTree] = [:]
            converted.reserveCapacity(members.count)
            for (key, member) in members {
                if let (itemKey, items) = listItems(key, member) {
                    let itemStem = objectStem(itemKey)
                    converted[plural(fieldName(itemKey, stem: stem))] = .array(
                        items.map { v2Value($0, stem: itemStem) })
                } else {
                    converted[fieldName(key[...], stem: stem)] = v2Value(member, stem: objectStem(key[...]))
                }
            }
            return .object(converted)
        case .array(let items):
            return .array(items.map { v2Value($0, stem: stem) })
        default:
            return value
        }
    }

    /// The item name and items of a list wrapper (`"ConditionList": {"Condition": [...]}`); nil for other fields.
    private static func listItems(_ key: String, _ value: JSONTree) -> (Substring, [JSONTree])? {
        guard key.hasSuffix("List"), case .object(let members) = value, members.count == 1,
            let (itemKey, items) = members.first
        else { return nil }
        if case .array(let list) = items { return (itemKey[...], list) }
        return (itemKey[...], [items])
    }

    /// The v2 name of a field of an object whose fields start with `stem`.
    private static func fieldName(_ key: Substring, stem: Substring?) -> String {
        var name = key
        if let stem {
            // Names are ASCII: compared byte by byte (a Substring's own comparison is Unicode's, and slow).
            if key.utf8.elementsEqual(stem.utf8) {
                name = words(stem).last ?? key
            } else if key.utf8.starts(with: stem.utf8), let next = key.utf8.dropFirst(stem.utf8.count).first,
                isASCIIUppercase(next)
            {
                name = key.dropFirst(stem.count)
            }
        }
        return renamed[name] ?? camelCase(name)
    }

    /// The name an object's fields start with: its own name without a `Struct` or `Info` ending.
    private static func objectStem(_ key: Substring) -> Substring {
        for ending in ["Struct", "Info"] where key.utf8.count > ending.utf8.count && endsWith(key, ending) {
            return key.dropLast(ending.count)
        }
        return key
    }

    /// The subject a browse module's fields start with (`InterventionBrowseModule` → `Intervention`); nil for
    /// other modules, whose fields keep their full names.
    private static func moduleStem(_ name: String) -> Substring? {
        let ending = "BrowseModule"
        guard name.utf8.count > ending.utf8.count, endsWith(name[...], ending) else { return nil }
        return name.dropLast(ending.count)
    }

    private static func endsWith(_ name: Substring, _ ending: String) -> Bool {
        name.utf8.reversed().starts(with: ending.utf8.reversed())
    }

    private static func isASCIIUppercase(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// The words of a PascalCase name: an upper-case run is one word, except for a last capital that starts
    /// the next word (`NCTId` → `NCT`, `Id`).
    static func words(_ name: Substring) -> [Substring] {
        let characters = Array(name.indices)
        var result: [Substring] = []
        var start = name.startIndex
        for position in characters.indices.dropFirst() {
            let character = name[characters[position]]
            guard character.isUppercase else { continue }
            let previous = name[characters[position - 1]]
            let nextIsLower = position + 1 < characters.count && name[characters[position + 1]].isLowercase
            if !previous.isUppercase || nextIsLower {
                result.append(name[start..<characters[position]])
                start = characters[position]
            }
        }
        if start < name.endIndex { result.append(name[start...]) }
        return result
    }

    /// A PascalCase name in API v2 camel case: the first word in lower case, each other word capitalised.
    static func camelCase(_ name: Substring) -> String {
        if let ascii = name.utf8.withContiguousStorageIfAvailable(asciiCamelCase), let ascii { return ascii }
        var out = ""
        for (index, word) in words(name).enumerated() {
            out += index == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return out
    }

    /// ``camelCase(_:)`` of an ASCII name, on its bytes (the same word rule); nil when the name is not ASCII.
    private static func asciiCamelCase(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var wordStart = true
        for index in bytes.indices {
            let byte = bytes[index]
            if index > 0, isASCIIUppercase(byte) {
                let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                wordStart = !isASCIIUppercase(bytes[index - 1]) || nextIsLower
            } else {
                wordStart = index == 0
            }
            // The first word is all lower case; every other word keeps its first letter upper case.
            let upper = wordStart && index > 0
            out.append(upper ? (isLower(byte) ? byte - 0x20 : byte) : (isASCIIUppercase(byte) ? byte + 0x20 : byte))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The English plural of a camel-case list item name (`condition` → `conditions`, `mesh` → `meshes`).
    static func plural(_ name: String) -> String {
        if name.hasSuffix("s") || name.hasSuffix("sh") || name.hasSuffix("ch") || name.hasSuffix("x") {
            return name + "es"
        }
        if name.hasSuffix("y"), let before = name.dropLast(1).last, !"aeiou".contains(before) {
            return name.dropLast(1) + "ies"
        }
        return name + "s"
    }
}
