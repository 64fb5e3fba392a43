import Foundation

/// Where the package, the shared corpus and the built binary are, found from this file's path.
enum ProjectPaths {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// `../shared` beside the package.
    static let shared = (root as NSString).deletingLastPathComponent + "/shared"
    /// The debug build of the `trialpipe` executable.
    static let binary = root + "/.build/debug/trialpipe"
    /// The five seed documents.
    static var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: shared + "/corpus/seeds")) ?? []).sorted()
            .map { shared + "/corpus/seeds/" + $0 }
    }
}

/// A finished run of the `trialpipe` binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary in a folder and waits for it.
func runTrialpipe(_ arguments: [String], in folder: String, logLevel: String = "warning") throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ProjectPaths.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var environment = ProcessInfo.processInfo.environment
    environment["TRIALPIPE_LOG_LEVEL"] = logLevel
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// The project's default pipeline file, copied into `folder/Pipelines/default.yaml`.
func installDefaultPipeline(in folder: String, replacing: [(String, String)] = []) throws {
    var text = try String(contentsOfFile: ProjectPaths.root + "/Pipelines/default.yaml", encoding: .utf8)
    for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
    try FileManager.default.createDirectory(atPath: folder + "/Pipelines", withIntermediateDirectories: true)
    try text.write(toFile: folder + "/Pipelines/default.yaml", atomically: true, encoding: .utf8)
}

/// The JSON objects of a JSON Lines file.
func jsonLines(_ path: String) throws -> [[String: Any]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
}
