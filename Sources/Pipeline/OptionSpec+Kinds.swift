extension OptionSpec where Value == String {
    /// A string option with a default.
    public static func string(_ name: String, default value: String, _ help: String) -> Self {
        Self(name, type: "string", default: value, shown: value, help) { reader, key throws(PipelineConfigError) in
            try reader.string(key)
        }
    }

    /// A string option the pipeline file must give (an empty string counts as not given).
    public static func string(_ name: String, required example: String, _ help: String) -> Self {
        Self(name, type: "string", required: example, help) { reader, key throws(PipelineConfigError) in
            try reader.string(key).flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// A path option the pipeline file must give, resolved against the pipeline's base folder.
    public static func path(_ name: String, required example: String, _ help: String) -> Self {
        Self(name, type: "path", required: example, help) { reader, key throws(PipelineConfigError) in
            try reader.string(key).flatMap { $0.isEmpty ? nil : reader.resolve($0) }
        }
    }

    /// A path option with a default, written as in YAML; given or not, it is resolved against the pipeline's
    /// base folder.
    public static func path(_ name: String, default value: String, _ help: String) -> Self {
        Self(name, type: "path", default: value, shown: value, help) { reader, key throws(PipelineConfigError) in
            try reader.path(key) ?? reader.resolve(value)
        }
    }
}

extension OptionSpec where Value == String? {
    /// A string option that may be left out.
    public static func string(_ name: String, _ help: String) -> Self {
        Self(name, type: "string", default: nil, shown: nil, help) { reader, key throws(PipelineConfigError) in
            try reader.string(key).map { .some($0) }
        }
    }

    /// A path option that may be left out, resolved against the pipeline's base folder.
    public static func path(_ name: String, _ help: String) -> Self {
        Self(name, type: "path", default: nil, shown: nil, help) { reader, key throws(PipelineConfigError) in
            try reader.path(key).map { .some($0) }
        }
    }

    /// A path option that may be left out, with a default that depends on other options, described by
    /// `shown` (e.g. `PATH/.processed`).
    public static func path(_ name: String, shown: String, _ help: String) -> Self {
        Self(name, type: "path", default: nil, shown: shown, help) { reader, key throws(PipelineConfigError) in
            try reader.path(key).map { .some($0) }
        }
    }
}

extension OptionSpec where Value == Int {
    /// A whole-number option within bounds, with a default.
    public static func integer(_ name: String, in range: ClosedRange<Int>, default value: Int, _ help: String) -> Self {
        Self(name, type: "integer", default: value, shown: String(value), help) {
            reader, key throws(PipelineConfigError) in try reader.integer(key, in: range)
        }
    }
}

extension OptionSpec where Value == Double {
    /// A number option (seconds, ratios) within bounds, with a default.
    public static func number(_ name: String, in range: ClosedRange<Double>, default value: Double, _ help: String)
        -> Self
    {
        Self(name, type: "number", default: value, shown: Self.text(of: value), help) {
            reader, key throws(PipelineConfigError) in try reader.number(key, in: range)
        }
    }

    /// A number as YAML would show it: `30`, not `30.0`.
    private static func text(of value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension OptionSpec where Value == Bool {
    /// A boolean option (`true`/`false`, `yes`/`no`), with a default.
    public static func boolean(_ name: String, default value: Bool, _ help: String) -> Self {
        Self(name, type: "boolean", default: value, shown: String(value), help) {
            reader, key throws(PipelineConfigError) in try reader.boolean(key)
        }
    }
}

extension OptionSpec where Value == [String] {
    /// A list of strings with a default; a single string is a list of one.
    public static func stringList(_ name: String, default value: [String], _ help: String) -> Self {
        Self(
            name, type: "list of strings", default: value, shown: "[" + value.joined(separator: ", ") + "]", help
        ) { reader, key throws(PipelineConfigError) in try reader.stringList(key) }
    }

    /// A list of strings the pipeline file must give (an empty list counts as not given).
    public static func stringList(_ name: String, required example: String, _ help: String) -> Self {
        Self(name, type: "list of strings", required: example, help) { reader, key throws(PipelineConfigError) in
            try reader.stringList(key).flatMap { $0.isEmpty ? nil : $0 }
        }
    }
}

extension OptionSpec where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of an enumeration's words, with a default.
    public static func choice(_ name: String, default value: Value, _ help: String) -> Self {
        let words = Value.allCases.map(\.rawValue)
        return Self(
            name, type: "one of " + words.joined(separator: "|"), default: value, shown: value.rawValue, help
        ) { reader, key throws(PipelineConfigError) in
            try reader.choice(key, among: words).flatMap(Value.init(rawValue:))
        }
    }
}

extension OptionSpec where Value == Int? {
    /// A whole-number option within bounds that may be left out, with a default the caller decides, described
    /// by `shown` (e.g. `the number of cores`).
    public static func integer(_ name: String, in range: ClosedRange<Int>, shown: String, _ help: String) -> Self {
        Self(name, type: "integer", default: nil, shown: shown, help) { reader, key throws(PipelineConfigError) in
            try reader.integer(key, in: range).map { .some($0) }
        }
    }
}
