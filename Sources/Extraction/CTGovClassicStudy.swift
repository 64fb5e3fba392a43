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
            if key == stem {
                name = words(stem).last ?? key
            } else if key.hasPrefix(stem), let next = key.dropFirst(stem.count).first, next.isUppercase {
                name = key.dropFirst(stem.count)
            }
        }
        return renamed[name] ?? camelCase(name)
    }

    /// The name an object's fields start with: its own name without a `Struct` or `Info` ending.
    private static func objectStem(_ key: Substring) -> Substring {
        for ending in ["Struct", "Info"] where key.hasSuffix(ending) && key.count > ending.count {
            return key.dropLast(ending.count)
        }
        return key
    }

    /// The subject a browse module's fields start with (`InterventionBrowseModule` → `Intervention`); nil for
    /// other modules, whose fields keep their full names.
    private static func moduleStem(_ name: String) -> Substring? {
        let ending = "BrowseModule"
        guard name.hasSuffix(ending), name.count > ending.count else { return nil }
        return name.dropLast(ending.count)
    }

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
        var out = ""
        for (index, word) in words(name).enumerated() {
            out += index == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return out
    }

    /// The English plural of a camel-case list item name (`condition` → `conditions`, `mesh` → `meshes`).
    static func plural(_ name: String) -> String {
        if name.hasSuffix("s") || name.hasSuffix("sh") || name.hasSuffix("ch") || name.hasSuffix("x") {
            return name + "es"
        }
        if name.hasSuffix("y"), let before = name.dropLast().last, !"aeiou".contains(before) {
            return name.dropLast() + "ies"
        }
        return name + "s"
    }
}
