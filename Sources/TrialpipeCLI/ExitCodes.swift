/// The exit statuses of `contract/pipeline-config.md` (sysexits.h values).
public enum ExitCodes {
    /// A command-line usage error.
    public static let usage: Int32 = 64
    /// A document could not be read or recognised (`extract`).
    public static let dataError: Int32 = 65
    /// A bad pipeline file.
    public static let config: Int32 = 78
    /// A start-up failure.
    public static let failure: Int32 = 1
}
