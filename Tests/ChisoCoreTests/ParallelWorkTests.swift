import ChisoCore
import Foundation
import Synchronization
import Testing

struct ParallelWorkTests {
    /// The threads that ran jobs, collected under a mutex.
    final class ThreadLog: Sendable {
        private let ids = Mutex<Set<UInt>>([])
        func record() { ids.withLock { _ = $0.insert(UInt(pthread_self())) } }
        var count: Int { ids.withLock { $0.count } }
    }

    @Test(arguments: [1, 2, 3, 7])
    func resultsInJobOrderOnAtMostTheThreadsAsked(threads: Int) {
        let log = ThreadLog()
        let squares = ParallelWork.map(1_000, threads: threads) { job in
            log.record()
            return job * job
        }
        #expect(squares == (0..<1_000).map { $0 * $0 })
        #expect(log.count <= threads)
        #expect(log.count >= 1)
    }

    @Test func oneThreadRunsOnTheCallersThread() {
        let caller = UInt(pthread_self())
        let threads = ParallelWork.map(5, threads: 1) { _ in UInt(pthread_self()) }
        #expect(threads == Array(repeating: caller, count: 5))
    }

    @Test func noJobsNoResults() {
        #expect(ParallelWork.map(0) { $0 }.isEmpty)
    }

    @Test func rangesCoverEveryItemOnce() {
        #expect(ParallelWork.ranges(of: 10, parts: 3) == [0..<3, 3..<6, 6..<10])
        #expect(ParallelWork.ranges(of: 2, parts: 4) == [0..<1, 1..<2])
        #expect(ParallelWork.ranges(of: 0, parts: 4).isEmpty)
    }
}
