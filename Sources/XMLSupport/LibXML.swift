import CLibXML2

/// The one place libxml2 is set up: parser initialised once, generic error output silenced, and a deny-all
/// external entity loader installed so no document can make the parser read a file or the network.
enum LibXML {
    /// Touch before any libxml2 call; runs its set-up exactly once, thread-safely.
    static let initialized: Void = {
        xmlInitParser()
        cxml_silence_generic_errors()
        cxml_install_deny_all_entity_loader()
    }()

    /// Touch before compiling an XML schema; builds libxml2's XML Schema built-in types exactly once,
    /// thread-safely.
    ///
    /// libxml2 before 2.12 builds them lazily, without a lock, on the first `xmlSchemaParse`: two schemas
    /// compiled at once on two threads could each build a set, leaving the type table from one and the type
    /// globals from the other, after which every schema in the process fails to compile ("The base type
    /// anyType is not a simple type"). Kept apart from ``initialized`` because the types take about 330 KiB,
    /// which a process that never validates need not hold.
    static let schemaTypesInitialized: Void = {
        _ = initialized
        xmlSchemaInitTypes()
    }()
}
