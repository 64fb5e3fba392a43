import Foundation
import Testing

@testable import TrialpipeCLI

/// The process's allocator: jemalloc with the settings of `CAllocator`, in this test process as in `trialpipe`.
@Suite struct AllocatorTests {
    #if os(Linux)
        @Test func jemallocRunsWithOneArena() {
            // 0 would mean that the system's malloc answers instead (the link order let glibc's symbols win).
            if ProcessInfo.processInfo.environment["MALLOC_CONF"] == nil {
                #expect(Allocator.arenaCount == 1)
            } else {
                #expect(Allocator.arenaCount > 0)
            }
        }

        /// Freed blocks between blocks still in use stay resident until the allocator's decay time; returning
        /// freed memory gives their pages back at once while the blocks around them stay readable.
        @Test func returningFreedMemoryLowersResidentMemoryAndKeepsLiveBlocks() throws {
            let blockSize = 64 << 10
            let blocks = (0..<768).map { index -> UnsafeMutableRawPointer in
                let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
                block.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: index), count: blockSize)
                return block
            }
            // Every eighth block stays, so the freed ones lie between blocks in use.
            var kept: [(index: Int, block: UnsafeMutableRawPointer)] = []
            for (index, block) in blocks.enumerated() {
                if index % 8 == 0 { kept.append((index, block)) } else { block.deallocate() }
            }
            defer { for entry in kept { entry.block.deallocate() } }
            let before = try Self.residentBytes()
            Allocator.returnFreedMemory()
            let after = try Self.residentBytes()
            // 672 blocks of 64 KiB (42 MiB) were freed; the decay may already have returned some, and other tests
            // running meanwhile allocate a little.
            #expect(before - after > 16 << 20, "resident \(before >> 20) MiB before, \(after >> 20) MiB after")
            for entry in kept {
                let bytes = entry.block.assumingMemoryBound(to: UInt8.self)
                #expect(bytes[0] == UInt8(truncatingIfNeeded: entry.index))
                #expect(bytes[blockSize - 1] == UInt8(truncatingIfNeeded: entry.index))
            }
        }

        /// The process's resident memory, from `/proc/self/statm` (pages).
        static func residentBytes() throws -> Int {
            let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            let fields = statm.split(separator: " ")
            let pages = try #require(fields.count > 1 ? Int(fields[1]) : nil)
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    #endif
}
