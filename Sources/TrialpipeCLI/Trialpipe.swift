public import ArgumentParser

/// The `trialpipe` command: turns clinical-trial documents dropped into an inbox into trial records.
public struct Trialpipe: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trialpipe",
        abstract: "Turn clinical-trial documents dropped into an inbox into structured trial records.",
        discussion: """
            Pipelines are declared in Pipelines/*.yaml: a source (an inbox folder), stages (extract, then \
            enrichers) and sinks (JSON Lines, XML). With no command, trialpipe runs every pipeline under the \
            current folder and keeps watching its inbox.

            Examples:
              trialpipe                              # run Pipelines/*.yaml, watching the inboxes
              trialpipe run --once                   # process what is in the inboxes now, then exit
              trialpipe validate Pipelines/*.yaml    # check pipeline files
              trialpipe extract page.txt study.xml   # print the records of some documents
              trialpipe status                       # what was done, failed or is pending
              trialpipe test                         # run the tests declared for the pipelines
              trialpipe run --metrics-address 127.0.0.1:9464 --log-format json
            """,
        version: "1.0.0",
        subcommands: [
            RunCommand.self, ValidateCommand.self, ExtractCommand.self, PluginsCommand.self, StatusCommand.self,
            TestCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    public init() {}
}

/// The process entry point: parses the command line and runs the command.
public enum TrialpipeMain {
    /// Runs `trialpipe` with the process's arguments and exits with the command's status.
    public static func run() async {
        SQLiteTuning.apply()
        await Trialpipe.main()
    }
}
