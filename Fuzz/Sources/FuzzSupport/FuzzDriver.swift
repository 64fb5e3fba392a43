import CFuzzerDriver

/// Starts libFuzzer from a fuzz target's entry point.
///
/// SwiftPM links an executable target with `main` aliased to `<Module>_main`, which `-parse-as-library` never
/// emits, so each target defines that symbol itself and hands its `LLVMFuzzerTestOneInput` to libFuzzer here.
public enum FuzzDriver {
    /// A target's input callback, as libFuzzer calls it.
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments and `callback`; returns its exit status.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ callback: Callback
    ) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, callback)
    }
}
