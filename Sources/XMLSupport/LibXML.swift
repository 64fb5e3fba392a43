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
}
