import Foundation
import Synchronization

/// One running enricher subprocess: lines to its stdin, lines from its stdout.
///
/// A reader thread turns stdout into an `AsyncStream` of lines; stderr passes through to ours so the
/// enricher's own messages reach the log.
final class ExecProcess: Sendable {
    private let process: Process
    private let input: FileHandle
    /// Lines the subprocess wrote, in order; closed when its stdout closes.
    let lines = LineMailbox()

    /// Starts `command` (the first item is the program, found on PATH) in `workingDirectory`.
    init(command: [String], environment: [String: String], workingDirectory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        self.process = process
        self.input = stdin.fileHandleForWriting
        try process.run()
        let reader = stdout.fileHandleForReading
        let mailbox = lines
        let thread = Thread {
            var pending: [UInt8] = []
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                for byte in data {
                    if byte == UInt8(ascii: "\n") {
                        mailbox.post(String(decoding: pending, as: UTF8.self))
                        pending.removeAll(keepingCapacity: true)
                    } else {
                        pending.append(byte)
                    }
                }
            }
            if !pending.isEmpty { mailbox.post(String(decoding: pending, as: UTF8.self)) }
            mailbox.close()
        }
        thread.start()
    }

    /// Sends one line (a newline is added).
    func send(_ line: [UInt8]) throws {
        var bytes = line
        bytes.append(UInt8(ascii: "\n"))
        try input.write(contentsOf: bytes)
    }

    /// Whether the subprocess is still running.
    var isRunning: Bool { process.isRunning }

    /// Stops the subprocess (SIGTERM, then SIGKILL).
    func terminate() {
        try? input.close()
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(1)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
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
