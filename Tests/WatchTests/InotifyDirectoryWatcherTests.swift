#if os(Linux)
    import Foundation
    import Glibc
    import Testing

    @testable import Watch

    @Suite("InotifyDirectoryWatcher", .serialized, .timeLimit(.minutes(3)))
    struct InotifyDirectoryWatcherTests {
        @Test("a file written and closed appears by name")
        func closeWrite() async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            let watcher = InotifyDirectoryWatcher(path: inbox.path, rescanInterval: nil)
            try watcher.start()
            defer { watcher.stop() }
            try writeFile(inbox.path("a.json"), "{}")
            let (batch, _) = await gather(watcher) { $0.names.contains("a.json") }
            #expect(batch.names == ["a.json"])
            #expect(!batch.rescan && !batch.rootGone)
        }

        @Test("a file renamed in from a sibling folder appears by name")
        func movedIn() async throws {
            let root = try TemporaryDirectory()
            defer { root.remove() }
            let inbox = try root.makeSubdirectory("Inbox")
            let staging = try root.makeSubdirectory("staging")
            try writeFile(staging + "/d.json", "{}")
            let watcher = InotifyDirectoryWatcher(path: inbox, rescanInterval: nil)
            try watcher.start()
            defer { watcher.stop() }
            #expect(rename(staging + "/d.json", inbox + "/d.json") == 0)
            let (batch, _) = await gather(watcher) { $0.names.contains("d.json") }
            #expect(batch.names == ["d.json"])
        }

        @Test("a part file renamed to its final name: the filter keeps only the final name")
        func partFileFiltered() async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            let watcher = InotifyDirectoryWatcher(path: inbox.path, rescanInterval: nil)
            try watcher.start()
            defer { watcher.stop() }
            try writeFile(inbox.path(".c.json.part"), "{}")
            try writeFile(inbox.path("e.json.part"), "{}")
            #expect(rename(inbox.path(".c.json.part"), inbox.path("c.json")) == 0)
            let (batch, _) = await gather(watcher) { $0.names.isSuperset(of: ["c.json", "e.json.part"]) }
            #expect(batch.names == [".c.json.part", "e.json.part", "c.json"])
            #expect(InboxNameFilter().candidates(among: batch.names) == ["c.json"])
        }

        @Test("the periodic rescan timer fires")
        func rescanTimer() async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            let watcher = InotifyDirectoryWatcher(path: inbox.path, rescanInterval: .milliseconds(100))
            try watcher.start()
            defer { watcher.stop() }
            let (batch, ended) = await gather(watcher) { $0.rescan }
            #expect(batch == WatchBatch(rescan: true))
            #expect(!ended)
        }

        @Test("deleting the watched folder reports rootGone and ends the sequence")
        func rootGone() async throws {
            let root = try TemporaryDirectory()
            defer { root.remove() }
            let inbox = try root.makeSubdirectory("Inbox")
            try writeFile(inbox + "/left.txt")
            let watcher = InotifyDirectoryWatcher(path: inbox, rescanInterval: nil)
            try watcher.start()
            try FileManager.default.removeItem(atPath: inbox)
            let (batch, ended) = await gather(watcher) { _ in false }
            #expect(batch.rootGone)
            #expect(ended)
        }

        @Test("moving the watched folder away reports rootGone")
        func rootMoved() async throws {
            let root = try TemporaryDirectory()
            defer { root.remove() }
            let inbox = try root.makeSubdirectory("Inbox")
            let watcher = InotifyDirectoryWatcher(path: inbox, rescanInterval: nil)
            try watcher.start()
            #expect(rename(inbox, root.path("Elsewhere")) == 0)
            let (batch, ended) = await gather(watcher) { $0.rootGone }
            #expect(batch.rootGone)
            #expect(!ended)
            watcher.stop()
        }

        @Test("starting on a missing folder, a file, or twice fails with a clear code")
        func startErrors() throws {
            let root = try TemporaryDirectory()
            defer { root.remove() }
            do {
                try InotifyDirectoryWatcher(path: root.path("missing")).start()
                Issue.record("watching a missing folder succeeded")
            } catch let error as WatchError {
                #expect(error.code == .directoryMissing)
            }
            try writeFile(root.path("file"))
            do {
                try InotifyDirectoryWatcher(path: root.path("file")).start()
                Issue.record("watching a file succeeded")
            } catch let error as WatchError {
                #expect(error.code == .notADirectory)
            }
            let watcher = InotifyDirectoryWatcher(path: root.path)
            try watcher.start()
            defer { watcher.stop() }
            #expect(throws: WatchError.self) { try watcher.start() }
        }

        @Test("stop ends the sequence and closes the inotify descriptor")
        func stopEnds() async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            // Other suites run in parallel and open descriptors too, so look at this watcher's own one: the
            // inotify descriptor that appeared when it started.
            let before = inotifyDescriptors()
            let watcher = InotifyDirectoryWatcher(path: inbox.path)
            try watcher.start()
            let own = inotifyDescriptors().subtracting(before)
            #expect(!own.isEmpty)
            watcher.stop()
            watcher.stop()
            var iterator = watcher.batches.makeAsyncIterator()
            #expect(await iterator.next() == nil)
            // The cancel handler closes the descriptor on the watcher's queue, shortly after.
            for _ in 0..<100 where !inotifyDescriptors().isDisjoint(with: own) {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(inotifyDescriptors().isDisjoint(with: own))
        }

        @Test("an idle watcher delivers nothing")
        func idleIsQuiet() async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            let watcher = InotifyDirectoryWatcher(path: inbox.path, rescanInterval: .seconds(60))
            try watcher.start()
            let (batch, ended) = await gather(watcher, timeout: .milliseconds(500)) { _ in true }
            #expect(batch.isEmpty)
            #expect(ended)
        }

        @Test(
            "20,000 files created while the consumer is away: names and rescans cover them all",
            arguments: [5_000, 100_000])
        func floodWhileAway(maxPendingNames: Int) async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            let watcher = InotifyDirectoryWatcher(
                path: inbox.path, rescanInterval: nil, maxPendingNames: maxPendingNames)
            try watcher.start()
            defer { watcher.stop() }
            let created = try createFiles(count: 20_000, in: inbox)
            let (batch, _) = await gather(watcher) { $0.rescan || $0.names.count == created.count }
            #expect(batch.names.count <= maxPendingNames)
            if maxPendingNames < created.count {
                // Names beyond the limit were traded for a rescan.
                #expect(batch.rescan)
            }
            // Names are complete files; a rescan's listing finds the rest.
            let listed = batch.rescan ? Set(try FileManager.default.contentsOfDirectory(atPath: inbox.path)) : []
            #expect(listed.union(batch.names) == created)
        }

        @Test("a kernel queue overflow while reading is paused becomes a rescan")
        func kernelOverflow() async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            let limit = maxQueuedEvents()
            let watcher = InotifyDirectoryWatcher(path: inbox.path, rescanInterval: nil)
            try watcher.start()
            defer { watcher.stop() }
            watcher.pauseReading()
            let created = try createFiles(count: limit + 1_000, in: inbox)
            watcher.resumeReading()
            let (batch, _) = await gather(watcher) { $0.rescan }
            #expect(batch.rescan)
            #expect(batch.names.count <= limit)
            let listed = Set(try FileManager.default.contentsOfDirectory(atPath: inbox.path))
            #expect(listed.union(batch.names) == created)
        }

        @Test(
            "an idle watcher uses no CPU (10 s; set TRIALPIPE_MEASURE_IDLE_CPU=1)",
            .enabled(if: ProcessInfo.processInfo.environment["TRIALPIPE_MEASURE_IDLE_CPU"] != nil))
        func idleCPU() async throws {
            let inbox = try TemporaryDirectory()
            defer { inbox.remove() }
            let watcher = InotifyDirectoryWatcher(path: inbox.path)
            try watcher.start()
            defer { watcher.stop() }
            let before = processCPUSeconds()
            try await Task.sleep(for: .seconds(10))
            let used = processCPUSeconds() - before
            print("idle InotifyDirectoryWatcher: \(used) s of CPU over 10 s")
            #expect(used < 0.05)
        }
    }

    /// Creates `count` empty `.txt` files and returns their names.
    func createFiles(count: Int, in directory: TemporaryDirectory) throws -> Set<String> {
        var names = Set<String>()
        for index in 0..<count {
            let name = String(format: "f%05d.txt", index)
            let fd = open(directory.path(name), O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            close(fd)
            names.insert(name)
        }
        return names
    }

    /// The kernel's per-instance inotify queue length.
    func maxQueuedEvents() -> Int {
        let text = try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8)
        return text.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 16_384
    }

    /// How many descriptors the process has open.
    /// The process's open inotify descriptors, by number.
    func inotifyDescriptors() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return Set(
            names.filter {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0))?.contains("inotify")
                    == true
            })
    }

    /// User plus system CPU time of the whole process, in seconds.
    func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
#endif
