public import Foundation

/// Checks a record (as JSON) against the `expect` keys of an expected-record file, with the key syntax of
/// `shared/tools/README.md`: dotted paths that map over lists, `#` counts, `[i]` items, `^` prefixes,
/// `~` regular expressions, `anyOf` spellings, list values compared as sets (F1) and keyed checks
/// (`{"NCT…": "title"}`) on `seeAlso`, `interventions`, outcomes and arm groups.
public enum ExpectedRecordChecker {
    /// One failed check.
    public struct Failure: CustomStringConvertible {
        public var key: String
        public var score: Double
        public var reason: String
        public var description: String { "\(key): \(String(format: "%.2f", score)) \(reason)" }
    }

    private static let keyedFields = [
        "seeAlso": "nctId", "drugs": "name", "crossReferences": "nctId", "interventions": "name",
        "primaryOutcomes": "measure", "secondaryOutcomes": "measure", "armGroups": "label",
    ]

    /// The score of every check and the failures, for the keys that `include` accepts.
    public static func check(record: Any, expect: [String: Any], include: (String) -> Bool) -> (
        scores: [Double], failures: [Failure]
    ) {
        var scores: [Double] = []
        var failures: [Failure] = []
        for (key, want) in expect.sorted(by: { $0.key < $1.key }) where include(key) {
            let (score, reason) = check(record, key, want)
            scores.append(score)
            if score < 1 { failures.append(Failure(key: key, score: score, reason: reason)) }
        }
        return (scores, failures)
    }

    /// The value a check looks at: the path without its `#`, `^`, `~` or `[i]` suffix, followed through the
    /// record (a list on the way maps over its items); for `#`, the number of items.
    public static func actual(in record: Any, key: String) -> Any? {
        if key.hasSuffix("#") { return asList(get(record, String(key.dropLast()))).count }
        if key.hasSuffix("^") || key.hasSuffix("~") { return get(record, String(key.dropLast())) }
        if key.hasSuffix("]"), let open = key.lastIndex(of: "["),
            let i = Int(key[key.index(after: open)..<key.index(before: key.endIndex)])
        {
            let list = asList(get(record, String(key[..<open])))
            return i < list.count ? list[i] : nil
        }
        return get(record, key)
    }

    /// Lower-cased, white space folded, trailing `;.,:` removed (the scorer's `norm`).
    static func norm(_ value: Any?) -> Any? {
        guard let string = value as? String else { return value }
        var s = string.precomposedStringWithCanonicalMapping
        s = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = s.last, ";.,:".contains(last) { s.removeLast() }
        return s.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func equal(_ a: Any?, _ b: Any?) -> Bool {
        let (x, y) = (norm(a), norm(b))
        switch (x, y) {
        case (nil, nil), (is NSNull, nil), (nil, is NSNull), (is NSNull, is NSNull): return true
        case (let l as String, let r as String): return l == r
        case (let l as NSNumber, let r as NSNumber): return l == r
        default: return false
        }
    }

    private static func altMatch(_ expected: Any, _ got: Any?) -> Bool {
        if let dict = expected as? [String: Any], let options = dict["anyOf"] as? [Any] {
            return options.contains { equal($0, got) }
        }
        return equal(expected, got)
    }

    /// Follows a dotted path; a list on the way maps over its items.
    static func get(_ record: Any, _ path: String) -> Any? {
        var current: [Any?] = [record]
        for part in path.split(separator: ".").map(String.init) {
            var next: [Any?] = []
            for item in current {
                if let list = item as? [Any] {
                    for element in list {
                        if let dict = element as? [String: Any] { next.append(dict[part]) }
                    }
                } else if let dict = item as? [String: Any] {
                    next.append(dict[part])
                } else {
                    next.append(nil)
                }
            }
            current = next
        }
        return current.count == 1 ? current[0] : current.map { $0 ?? NSNull() }
    }

    private static func asList(_ value: Any?) -> [Any] {
        guard let value, !(value is NSNull) else { return [] }
        return value as? [Any] ?? [value]
    }

    private static func flat(_ value: Any?) -> [Any] {
        asList(value).flatMap { item -> [Any] in
            if let list = item as? [Any] { return flat(list) }
            return item is NSNull ? [] : [item]
        }
    }

    private static func setScore(_ expected: [Any], _ gotValue: Any?) -> (Double, String) {
        let got = flat(gotValue)
        if expected.isEmpty, got.isEmpty { return (1, "") }
        var matched = Set<Int>()
        var truePositives = 0
        var missing: [String] = []
        for e in expected {
            if let hit = got.indices.first(where: { !matched.contains($0) && altMatch(e, got[$0]) }) {
                matched.insert(hit)
                truePositives += 1
            } else {
                missing.append("\(e)")
            }
        }
        let extra = got.indices.filter { !matched.contains($0) }.map { "\(got[$0])" }
        let precision =
            got.isEmpty ? (expected.isEmpty ? 1 : 0) : Double(truePositives) / Double(got.count)
        let recall =
            expected.isEmpty
            ? (got.isEmpty ? 1 : 0) : Double(truePositives) / Double(expected.count)
        let f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (
            f,
            missing.isEmpty && extra.isEmpty
                ? "" : "missing \(missing.prefix(4)) extra \(extra.prefix(4))"
        )
    }

    private static func check(_ record: Any, _ key: String, _ expected: Any) -> (Double, String) {
        if key.hasSuffix("#") {
            let got = asList(get(record, String(key.dropLast()))).count
            return got == (expected as? Int) ? (1, "") : (0, "count \(got), expected \(expected)")
        }
        if key.hasSuffix("]"), let open = key.lastIndex(of: "["),
            let i = Int(key[key.index(after: open)..<key.index(before: key.endIndex)])
        {
            let list = asList(get(record, String(key[..<open])))
            let got: Any? = i < list.count ? list[i] : nil
            return altMatch(expected, got)
                ? (1, "") : (0, "got \(String(describing: got).prefix(120))")
        }
        if key.hasSuffix("^") {
            let got = get(record, String(key.dropLast()))
            let ok =
                (norm(got) as? String)?.hasPrefix(norm(expected) as? String ?? "\u{0}") ?? false
            return ok ? (1, "") : (0, "got \(String(describing: got).prefix(80))")
        }
        if key.hasSuffix("~") {
            let got = get(record, String(key.dropLast())) as? String
            let ok =
                got.map {
                    $0.range(of: expected as? String ?? "", options: .regularExpression) != nil
                } ?? false
            return ok ? (1, "") : (0, "got \(String(describing: got))")
        }
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        if let dict = expected as? [String: Any], dict["anyOf"] == nil, parts.count == 2,
            let keyField = keyedFields[parts[0]]
        {
            var total = 0.0
            var bad: [String] = []
            for (itemKey, want) in dict {
                let item =
                    asList((record as? [String: Any])?[parts[0]]).first {
                        equal(($0 as? [String: Any])?[keyField], itemKey)
                    } as? [String: Any]
                let got = item?[parts[1]]
                let ok: Bool
                if parts[1] == "atc", let codes = got as? [Any] {
                    // The expected code must be one of the drug's codes.
                    ok = codes.contains { altMatch(want, $0) }
                } else if let list = want as? [Any] {
                    ok = setScore(list, got).0 == 1
                } else {
                    ok = altMatch(want, got)
                }
                total += ok ? 1 : 0
                if !ok { bad.append("\(itemKey): got \(String(describing: got).prefix(60))") }
            }
            return (total / Double(max(dict.count, 1)), bad.prefix(4).joined(separator: "; "))
        }
        let got = get(record, key)
        if let list = expected as? [Any] { return setScore(list, got) }
        return altMatch(expected, got) ? (1, "") : (0, "got \(String(describing: got).prefix(120))")
    }
}
