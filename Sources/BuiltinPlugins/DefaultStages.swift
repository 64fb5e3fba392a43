public import Pipeline

extension BuiltinPlugins {
    /// The stages of the default pipeline, for `trialpipe extract` when no pipeline file is at hand.
    public static func defaultStages() -> [any Stage] {
        [ExtractStage(maxBytes: SourceSpec.defaultMaxBytes), NCTXrefStage()]
    }
}
