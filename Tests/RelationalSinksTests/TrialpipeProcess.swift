import Foundation
import PipelineTesting

/// The package, the shared corpus and the built `trialpipe` binary, found from this file's path.
enum ProjectFiles {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// `../shared/corpus` beside the package.
    static let corpus = (root as NSString).deletingLastPathComponent + "/shared/corpus"
    /// The debug build of `trialpipe` (`swift build --build-tests` builds it).
    static let binary = root + "/.build/debug/trialpipe"

    /// The five seeds and the ClinicalTrials.gov example study in its two formats.
    static var seedsAndExamples: [String] {
        let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: corpus + "/seeds")) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { corpus + "/seeds/" + $0 }
        return seeds + [corpus + "/ctgov/NCT03377387.xml", corpus + "/ctgov/NCT03377387.json"]
    }
}

/// A pipeline folder for the real binary: `Pipelines/default.yaml` writing JSON Lines plus the given sinks.
struct PipelineFolder {
    let folder: TemporaryFolder
    var path: String { folder.path }
    var jsonl: String { path + "/Outbox/trials.jsonl" }
    var sqlite: String { path + "/Outbox/trials.sqlite" }

    /// A folder whose pipeline writes `trials.jsonl`, `trials.sqlite` and, with a schema, PostgreSQL.
    init(postgresSchema: String?) throws {
        folder = try TemporaryFolder()
        var sinks = """
              - type: jsonl
                path: Outbox/trials.jsonl
              - type: sqlite
                path: Outbox/trials.sqlite
            """
        if let postgresSchema {
            sinks += """

                  - type: postgres
                    url: ${TRIALPIPE_TEST_POSTGRES}
                    schema: \(postgresSchema)
                """
        }
        try folder.write(
            "Pipelines/default.yaml",
            """
            name: trials
            source:
              type: inbox
              path: Inbox
            stages:
              - type: extract
              - type: drug-class
              - type: nct-xref
              - type: see-also
            sinks:
            \(sinks)
            state: Outbox/.trialpipe

            """)
        try FileManager.default.createDirectory(atPath: path + "/Inbox", withIntermediateDirectories: true)
    }

    /// Copies files into the inbox.
    func drop(_ files: [String]) throws {
        for file in files {
            try FileManager.default.copyItem(
                atPath: file, toPath: path + "/Inbox/" + (file as NSString).lastPathComponent)
        }
    }

    /// Writes `count` distinct documents (seed pages with their own ids and titles changed) into the inbox,
    /// numbered from `first`.
    func dropBacklog(_ range: Range<Int>) throws {
        let seeds = try ProjectFiles.seedsAndExamples.prefix(5).map { try String(contentsOfFile: $0, encoding: .utf8) }
        for index in range {
            let text = seeds[index % seeds.count].replacingOccurrences(
                of: #"NCT0(5198856|0921531|5831969)"#, with: String(format: "NCT7%07d", index),
                options: .regularExpression
            ).replacingOccurrences(of: "Cetuximab Re-challenge", with: "Cetuximab Re-challenge \(index)")
                .replacingOccurrences(of: "Official title:\n", with: "Official title:\nStudy \(index): ")
            try folder.write("Inbox/d\(index).txt", text)
        }
    }

    /// Runs `trialpipe` with arguments and waits for it.
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let out = path + "/run.stdout"
        let err = path + "/run.stderr"
        let process = try start(arguments, stdout: out, stderr: err)
        process.waitUntilExit()
        return (process.terminationStatus, folder.read("run.stdout") ?? "", folder.read("run.stderr") ?? "")
    }

    /// Starts `trialpipe` with arguments; its output goes to the given files, else nowhere.
    func start(_ arguments: [String], stdout: String? = nil, stderr: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProjectFiles.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: path)
        var environment = ProcessInfo.processInfo.environment
        environment["TRIALPIPE_LOG_LEVEL"] = "warning"
        process.environment = environment
        func handle(_ file: String?) throws -> FileHandle {
            guard let file else { return FileHandle.nullDevice }
            FileManager.default.createFile(atPath: file, contents: nil)
            return try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        }
        process.standardOutput = try handle(stdout)
        process.standardError = try handle(stderr)
        try process.run()
        return process
    }

    func cleanup() { folder.cleanup() }
}

/// Waits until a condition holds or the time is up; returns whether it held.
func waitUntil(seconds: Double, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try condition()
}
