import BuiltinPlugins
import Foundation
import FuzzSupport
import Pipeline
import PipelineRuntime

/// A private folder the pipeline files are written to and resolved against.
private let folder: String = {
    let path = NSTemporaryDirectory() + "/trialpipe-fuzz-pipeline-\(getpid())"
    do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
        FuzzFailure.stop("cannot create \(path): \(error)")
    }
    return path
}()

private let loader = PipelineLoader(
    registry: BuiltinPlugins.registry(), environment: ["INBOX": "Inbox", "OUTBOX": "Outbox", "HOME": "home"],
    baseDirectory: folder, defaultConcurrency: 2)

/// The pipeline-file loader on arbitrary bytes: environment interpolation, YAML with positions, the source
/// options and every built-in plugin's own options. A file that fails must fail with messages that name a
/// position inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func pipelineFileFuzzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let file = folder + "/pipeline.yaml"
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
        FuzzFailure.stop("cannot write \(file)")
    }
    do {
        _ = try loader.load(file: file)
    } catch {
        let lines = lineCount(bytes)
        for problem in error.errors {
            guard !problem.message.isEmpty else { FuzzFailure.stop("an error without a message: \(problem)") }
            guard problem.line >= 0, problem.line <= lines + 1, problem.column >= 0 else {
                FuzzFailure.stop("the error's position is outside the \(lines)-line file: \(problem)")
            }
        }
    }
    return 0
}

/// Lines as YAML counts them (and editors show them): `\r\n`, `\n` and a bare `\r` each end a line.
private func lineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    for index in bytes.indices {
        if bytes[index] == UInt8(ascii: "\n") {
            lines += 1
        } else if bytes[index] == UInt8(ascii: "\r"), index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n")
        {
            lines += 1
        }
    }
    return lines
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with this target's input callback.
@_cdecl("PipelineFileFuzzer_main")
public func pipelineFileFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, pipelineFileFuzzer)
}
