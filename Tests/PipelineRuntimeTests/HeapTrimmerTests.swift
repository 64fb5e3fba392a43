import Foundation
import Testing

@testable import PipelineRuntime

@Suite struct HeapTrimmerTests {
    @Test func aTrimIsDueOncePerIntervalOfCommittedDocuments() {
        var trimmer = HeapTrimmer(interval: 256)
        // The count starts again after a trim; a batch larger than the interval makes one trim, not several.
        let due = [100, 155, 1, 255, 300, 0, 1000, 255].map { trimmer.committed($0) }
        #expect(due == [false, false, true, false, true, false, true, false])
    }

    @Test func anIntervalBelowOneMeansEveryCommit() {
        var trimmer = HeapTrimmer(interval: 0)
        #expect(trimmer.interval == 1)
        let due = [1, 1, 0].map { trimmer.committed($0) }
        #expect(due == [true, true, false])
    }

    #if os(Linux)
        /// Freed blocks between blocks still in use are holes the allocator keeps resident; releasing gives
        /// their pages back while the blocks around them stay readable.
        @Test func releasingFreePagesLowersResidentMemoryAndKeepsLiveBlocks() throws {
            let blockSize = 64 << 10
            let blocks = (0..<768).map { index -> UnsafeMutableRawPointer in
                let block = UnsafeMutableRawPointer.allocate(byteCount: blockSize, alignment: 16)
                block.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: index), count: blockSize)
                return block
            }
            // Every eighth block stays, so the freed ones are holes inside the heap, not its top.
            var kept: [(index: Int, block: UnsafeMutableRawPointer)] = []
            for (index, block) in blocks.enumerated() {
                if index % 8 == 0 { kept.append((index, block)) } else { block.deallocate() }
            }
            defer { for entry in kept { entry.block.deallocate() } }
            let before = try Self.residentBytes()
            HeapTrimmer.releaseFreePages()
            let after = try Self.residentBytes()
            // 672 blocks of 64 KiB (42 MiB) were freed; other tests running meanwhile may allocate a little.
            #expect(before - after > 20 << 20, "resident \(before >> 20) MiB before, \(after >> 20) MiB after")
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
