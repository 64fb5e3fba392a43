#if os(Linux)
    /// The platform's event-driven directory watcher: inotify on Linux.
    public typealias NativeDirectoryWatcher = InotifyDirectoryWatcher
#elseif canImport(Darwin)
    /// The platform's event-driven directory watcher: a kqueue vnode source on macOS.
    public typealias NativeDirectoryWatcher = VnodeDirectoryWatcher
#endif
