public import Pipeline

/// The stage and sink types compiled into trialpipe.
public enum BuiltinPlugins {
    /// A registry holding every built-in type.
    public static func registry() -> PluginRegistry {
        var registry = PluginRegistry()
        registry.register(ExtractStage.type)
        registry.register(DrugClassStage.type)
        registry.register(NCTXrefStage.type)
        registry.register(SeeAlsoStage.type)
        registry.register(ExecStage.type)
        registry.register(JSONLinesSinkPlugin.type)
        registry.register(XMLSinkPlugin.type)
        return registry
    }
}
