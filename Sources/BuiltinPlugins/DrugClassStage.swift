public import Enrichment
import Foundation
public import Pipeline
import Synchronization
import TrialModel

/// The `drug-class` stage: every drug the record names, with its ATC codes and pharmacological classes.
///
/// Reading its options touches no file: the dictionary is loaded and the matcher built when the pipeline
/// starts (``prepare()``), so `validate`, `plugins` and `status` stay cheap. The shipped dictionary's
/// matcher is built once per process and shared by every pipeline that uses it.
public struct DrugClassStage: Stage {
    public let name = "drug-class"
    private let enricher: DrugClassEnricherSource

    /// A stage over a dictionary already loaded.
    public init(dictionary: DrugDictionary) {
        enricher = DrugClassEnricherSource(ready: DrugClassEnricher(dictionary: dictionary))
    }

    /// A stage over the shipped dictionary plus `extraFiles`, loaded at ``prepare()``; a loading failure is
    /// reported at `position` (where the pipeline file names the dictionaries).
    init(extraFiles: [String], position: PipelineConfigError) {
        enricher = DrugClassEnricherSource(extraFiles: extraFiles, position: position)
    }

    /// The plugin description.
    public static let type = StageType(
        name: "drug-class",
        summary: "finds every drug named (regimens expand to their drugs) and adds ATC codes and MeSH classes",
        options: [dictionaries]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Stage in
        let files = try options.read(Self.dictionaries)
        let paths = files.map { PathResolution.resolve($0, against: options.baseDirectory) }
        for (file, path) in zip(files, paths) where !FileManager.default.fileExists(atPath: path) {
            throw options.error(
                at: "dictionaries",
                "stage 'drug-class': dictionary file \(file) does not exist (looked for \(path)); fix the path "
                    + "or remove it from `dictionaries:`")
        }
        return DrugClassStage(extraFiles: paths, position: options.error(at: "dictionaries", "stage 'drug-class'"))
    }

    /// The extra dictionaries, as written (relative to the pipeline's folder): a missing one is named as written.
    static let dictionaries = OptionSpec<[String]>(
        "dictionaries", type: "list of paths", default: [], shown: "[]",
        "extra dictionary files in the shipped format (drugs.tsv or regimens.tsv columns), added to the shipped one"
    ) { reader, key throws(PipelineConfigError) in try reader.stringList(key) }

    /// Loads the dictionary and builds the matcher (the shipped one once per process).
    public func prepare() async throws { _ = try enricher.get() }

    public func process(_ document: PipelineDocument, context: StageContext) async throws -> PipelineDocument {
        let enricher = try enricher.get()
        var document = document
        for index in document.records.indices {
            let annotations = document.annotations(for: document.records[index])
            enricher.enrich(&document.records[index], annotations: annotations)
        }
        return document
    }
}

/// The enricher of one `drug-class` stage, built on first use.
final class DrugClassEnricherSource: Sendable {
    private let extraFiles: [String]
    private let position: PipelineConfigError?
    private let built: Mutex<DrugClassEnricher?>

    /// The matcher of the shipped dictionary alone, shared by every stage in the process that needs no more.
    private static let shipped = Mutex<DrugClassEnricher?>(nil)

    init(ready: DrugClassEnricher) {
        extraFiles = []
        position = nil
        built = Mutex(ready)
    }

    init(extraFiles: [String], position: PipelineConfigError) {
        self.extraFiles = extraFiles
        self.position = position
        built = Mutex(nil)
    }

    /// The enricher, building it the first time.
    func get() throws -> DrugClassEnricher {
        if let enricher = built.withLock({ $0 }) { return enricher }
        let enricher: DrugClassEnricher
        do {
            if extraFiles.isEmpty {
                enricher = try Self.shipped.withLock { shared in
                    if let shared { return shared }
                    let made = DrugClassEnricher(dictionary: try DrugDictionary.bundled())
                    shared = made
                    return made
                }
            } else {
                enricher = DrugClassEnricher(dictionary: try DrugDictionary.load(extraFiles: extraFiles))
            }
        } catch {
            guard let position else { throw error }
            throw PipelineConfigError(
                file: position.file, line: position.line, column: position.column,
                message: position.message + ": \(error)")
        }
        return built.withLock { built in
            if let built { return built }
            built = enricher
            return enricher
        }
    }
}
