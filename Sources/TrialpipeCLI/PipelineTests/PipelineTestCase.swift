import Foundation

/// One test declared for a pipeline: a document (inline text or a file) and the record fields expected of it.
struct PipelineTestCase {
    /// One expected field, in the key syntax of the record scorer (`a.b`, `a#`, `a[i]`, `a^`, `a~`, lists as
    /// sets, `{"anyOf": […]}`), with where it was written.
    struct Expectation {
        var key: String
        /// The expected value as JSON-like values (String, Int, Double, Bool, NSNull, arrays, dictionaries).
        var value: Any
        var line: Int
        var column: Int
    }

    /// The test's name (or `test N`).
    var name: String
    /// The file the test is declared in.
    var file: String
    /// The line and column of the test's entry.
    var line: Int
    var column: Int
    /// The document's file name, as the inbox would see it (it tells the layout detector the kind of file).
    var documentName: String
    /// The document's bytes.
    var bytes: [UInt8]
    /// Which record of the document the expectations apply to (0: the first).
    var recordIndex: Int
    /// What the record must say.
    var expectations: [Expectation]
}
