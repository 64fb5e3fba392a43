import ArgumentParser
import Operations

/// `--log-format text|json`, shared by the commands that log.
struct LoggingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "How log lines on stderr look: text, or json (one object per line: time, level, label, message, "
                + "metadata keys).",
            valueName: "text|json"),
        transform: { text in
            guard let format = LogFormat(rawValue: text) else {
                throw ValidationError("--log-format is text or json, not '\(text)'")
            }
            return format
        })
    var logFormat: LogFormat = .text
}
