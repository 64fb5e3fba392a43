import Foundation

/// The shared seed documents and their expected records (`../shared/corpus` from the package root).
enum SeedFiles {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Each seed's file name and text.
    static func seeds() throws -> [(name: String, text: String)] {
        let folder = corpus.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        return try names.sorted().map { name in
            (name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// The `expect` object of a seed's expected record.
    static func expectations(for seedName: String) throws -> [String: Any] {
        let file = corpus.appendingPathComponent("seeds-expected")
            .appendingPathComponent(seedName.replacingOccurrences(of: ".txt", with: ".json"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        return object?["expect"] as? [String: Any] ?? [:]
    }
}
