import Foundation
import Pipeline
import Synchronization

/// One running enricher subprocess: lines to its stdin, lines from its stdout.
///
/// Spawned with `posix_spawn` so that the child gets a clean signal mask and default handlers and
/// inherits no descriptor but its stdin, stdout and stderr (every other one is close-on-exec). A reader
/// thread turns stdout into lines; stderr passes through to ours so the enricher's messages reach the log.
final class ExecProcess: Sendable {
    private let pid: pid_t
    private let input: Int32
    /// Lines the subprocess wrote, in order; closed when its stdout closes.
    let lines = LineMailbox()
    private let exited = Atomic<Bool>(false)

    /// Starts `command` (the first item is the program, found on PATH) in `workingDirectory`.
    init(command: [String], environment: [String: String], workingDirectory: String) throws {
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw TrialpipeError(code: .execStart, message: "pipe failed") }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            throw TrialpipeError(code: .execStart, message: "pipe failed")
        }
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // The shell changes to the working folder, then becomes the command.
        let arguments = ["sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory] + command
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = posix_spawnp(&child, "sh", &actions, &attributes, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard result == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw TrialpipeError(code: .execStart, message: String(cString: strerror(result)))
        }
        pid = child
        input = toChild[1]
        let output = fromChild[0]
        let mailbox = lines
        let thread = Thread {
            var reader = ExecAnswerReader()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, 65536) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                for line in reader.lines(from: buffer[0..<n]) { mailbox.post(line) }
            }
            close(output)
            if let last = reader.finish() { mailbox.post(last) }
            mailbox.close()
        }
        thread.start()
    }

    /// Sends one line (a newline is added).
    func send(_ line: [UInt8]) throws {
        var bytes = line
        bytes.append(UInt8(ascii: "\n"))
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(input, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw TrialpipeError(code: .execCrashed, message: String(cString: strerror(errno)))
            }
            written += n
        }
    }

    /// Whether the subprocess is still running (reaps it once it has exited).
    var isRunning: Bool {
        if exited.load(ordering: .relaxed) { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result < 0 && errno == ECHILD) {
            exited.store(true, ordering: .relaxed)
            return false
        }
        return true
    }

    deinit {
        if isRunning { terminate() }
    }

    /// Stops the subprocess: closes its input, waits a second for it to finish, then kills it.
    func terminate() {
        close(input)
        let deadline = Date().addingTimeInterval(1)
        while isRunning, Date() < deadline { usleep(5_000) }
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exited.store(true, ordering: .relaxed)
        }
    }
}

/// Lines handed from the reader thread to the one task waiting for them, with a time limit.
final class LineMailbox: Sendable {
    private struct State {
        var lines: [String] = []
        var closed = false
        var waiter: CheckedContinuation<String?, Never>?
        var waiterID = 0
    }
    private let state = Mutex(State())
    private static let timeoutMarker = "\u{0}timeout"

    /// Delivers a line.
    func post(_ line: String) {
        let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.lines.append(line)
            return nil
        }
        waiter?.resume(returning: line)
    }

    /// Marks the end of output.
    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The next line; nil when output ended; throws `TimedOut` after `seconds`.
    func next(within seconds: Double) async throws -> String? {
        struct TimedOut: Error {}
        let line: String? = await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let (ready, waiterID) = state.withLock { state -> (String??, Int) in
                if !state.lines.isEmpty { return (.some(state.lines.removeFirst()), 0) }
                if state.closed { return (.some(nil), 0) }
                state.waiterID += 1
                state.waiter = continuation
                return (.none, state.waiterID)
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            Task { [self] in
                try? await Task.sleep(for: .seconds(seconds))
                let expired = self.state.withLock { state -> CheckedContinuation<String?, Never>? in
                    guard state.waiterID == waiterID, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                }
                expired?.resume(returning: Self.timeoutMarker)
            }
        }
        if line == Self.timeoutMarker { throw TimedOut() }
        return line
    }
}
