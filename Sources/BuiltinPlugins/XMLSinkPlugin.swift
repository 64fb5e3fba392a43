public import Pipeline
import Sinks

/// The `xml` sink type: a folder of one file per record, or one collection file.
enum XMLSinkPlugin {
    static let type = SinkType(
        name: "xml",
        summary: "writes records as XML: `path:` a folder with one file per record, or `file:` one collection document",
        options: [folder, file]
    ) { (options: inout OptionReader, _) throws(PipelineConfigError) -> any Sink in
        let folder = try options.read(Self.folder)
        let file = try options.read(Self.file)
        switch (folder, file) {
        case (let folder?, nil): return XMLFolderSink(folder: folder)
        case (nil, let file?): return XMLCollectionSink(path: file)
        case (.some, .some):
            throw options.error(
                at: "file", "sink 'xml' takes either `path:` (a folder) or `file:` (one document), not both")
        case (nil, nil):
            throw options.error(
                at: nil, "sink 'xml' needs `path:` (a folder, e.g. Outbox/xml) or `file:` (e.g. Outbox/trials.xml)")
        }
    }

    static let folder = OptionSpec.path("path", "a folder: one <id>.xml per record (temp file, fsync, rename)")
    static let file = OptionSpec.path("file", "one collection document, well-formed after every batch")
}
