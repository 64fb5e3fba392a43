public import Pipeline
import Synchronization

/// Types added by a build of trialpipe that compiles in its own plugins (see ``BuiltinPlugins/add(_:)-stage``).
private let addedTypes = Mutex(PluginRegistry())

/// The stage and sink types compiled into trialpipe.
public enum BuiltinPlugins {
    /// Adds a compiled-in stage type; call before `TrialpipeMain.run()`. A type with a built-in name replaces it.
    public static func add(_ type: StageType) { addedTypes.withLock { $0.register(type) } }

    /// Adds a compiled-in sink type; call before `TrialpipeMain.run()`.
    public static func add(_ type: SinkType) { addedTypes.withLock { $0.register(type) } }

    /// A registry holding every built-in type and every added one.
    public static func registry() -> PluginRegistry {
        var registry = PluginRegistry()
        registry.register(ExtractStage.type)
        registry.register(DrugClassStage.type)
        registry.register(NCTXrefStage.type)
        registry.register(SeeAlsoStage.type)
        registry.register(ExecStage.type)
        registry.register(JSONLinesSinkPlugin.type)
        registry.register(XMLSinkPlugin.type)
        registry.register(SQLiteSinkPlugin.type)
        registry.register(PostgresSinkPlugin.type)
        let added = addedTypes.withLock { $0 }
        for stage in added.stages.values { registry.register(stage) }
        for sink in added.sinks.values { registry.register(sink) }
        return registry
    }
}
