import ArgumentParser
import BuiltinPlugins
import Foundation
import Pipeline
import PipelineRuntime
import Watch

/// `trialpipe status`: per pipeline, counts of done, failed and pending documents; for a file, what happened.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what each pipeline has done, or what happened to given files.",
        discussion: """
            With no file names: per pipeline, how many documents are done, failed (quarantined) and pending \
            (in the inbox, not yet done). With file names (as they were named in the inbox): the record ids \
            each produced, or the reason it was quarantined, or that it is still pending.

            Examples:
              trialpipe status
              trialpipe status --pipeline Pipelines/default.yaml NCT01234567.xml
            """)

    @Option(name: .long, help: "Pipeline files (default: Pipelines/*.yaml under the current folder).")
    var pipeline: [String] = []

    @Argument(help: "File names in the inbox to look up.")
    var names: [String] = []

    func run() async throws {
        let specs: [PipelineSpec]
        do {
            specs = try PipelineLoader(registry: BuiltinPlugins.registry()).load(
                files: try PipelineFiles.resolve(pipeline))
        } catch let errors as PipelineConfigErrors {
            throw CLIError.report(errors)
        }
        for spec in specs {
            let store = try StateStore(directory: spec.stateDirectory)
            if names.isEmpty {
                let counts = try store.counts()
                let listed = (try? InboxSource(spec.source, mode: .once).list()) ?? []
                var pending = 0
                for entry in listed {
                    let entries = try store.entries(path: entry.name)
                    if entries.first?.state != .done { pending += 1 }
                }
                print(
                    "\(spec.name): done \(counts[.done] ?? 0), failed \(counts[.failed] ?? 0), pending \(pending)"
                        + " (inbox \(spec.source.inbox))")
                continue
            }
            for name in names {
                let base = (name as NSString).lastPathComponent
                let entries = try store.entries(path: base)
                guard let latest = entries.first else {
                    let waiting = FileManager.default.fileExists(atPath: spec.source.inbox + "/" + base)
                    print(
                        "\(spec.name): \(base): "
                            + (waiting ? "pending (in the inbox, not processed yet)" : "never seen"))
                    continue
                }
                switch latest.state {
                case .done:
                    print(
                        "\(spec.name): \(base): done at \(latest.updatedAt): records \(latest.recordIds.joined(separator: ", "))"
                    )
                case .failed:
                    print(
                        "\(spec.name): \(base): quarantined at \(latest.updatedAt) by stage \(latest.stage ?? "?"): "
                            + "\(latest.reason ?? "?") (see \(spec.source.quarantineDirectory))")
                case .inFlight:
                    print("\(spec.name): \(base): in flight (being written)")
                }
            }
        }
    }
}
