/// What `/health` answers: healthy, or the problems that make the daemon unhealthy.
public struct HealthReport: Sendable, Equatable {
    /// One thing that is wrong with one pipeline.
    public struct Problem: Sendable, Equatable {
        /// The pipeline's name.
        public var pipeline: String
        /// What is wrong: `inbox-missing`, `watcher-stopped`, `sink-failing` or `ledger-unwritable`.
        public var check: String
        /// What is wrong and how to fix it, for people.
        public var message: String

        /// Creates a problem.
        public init(pipeline: String, check: String, message: String) {
            self.pipeline = pipeline
            self.check = check
            self.message = message
        }
    }

    /// Every problem found, by pipeline then check.
    public var problems: [Problem]
    /// The pipelines looked at.
    public var pipelines: [String]

    /// A report of `problems` among `pipelines`.
    public init(problems: [Problem], pipelines: [String]) {
        self.problems = problems
        self.pipelines = pipelines
    }

    /// Whether nothing is wrong.
    public var isHealthy: Bool { problems.isEmpty }

    /// The HTTP status: 200 when healthy, 503 otherwise.
    public var httpStatus: Int { isHealthy ? 200 : 503 }

    /// The JSON body: `{"status":"ok"|"unhealthy","pipelines":[…],"problems":[{"pipeline","check","message"}]}`.
    public var json: String {
        var out = "{\"status\":" + (isHealthy ? "\"ok\"" : "\"unhealthy\"") + ",\"pipelines\":["
        out += pipelines.map(JSONText.quoted).joined(separator: ",")
        out += "],\"problems\":["
        out += problems.map { problem in
            "{\"pipeline\":" + JSONText.quoted(problem.pipeline) + ",\"check\":" + JSONText.quoted(problem.check)
                + ",\"message\":" + JSONText.quoted(problem.message) + "}"
        }.joined(separator: ",")
        return out + "]}\n"
    }
}
