import ChisoCore
import Foundation
import Testing

struct ParallelWorkTests {
    @Test(arguments: [1, 2, 3, 7])
    func resultsInJobOrderOnAtMostTheThreadsAsked(threads: Int) {
        let results = ParallelWork.map(1_000, threads: threads) { job in (square: job * job, thread: UInt(pthread_self())) }
        #expect(results.map(\.square) == (0..<1_000).map { $0 * $0 })
        let threadsUsed = Set(results.map(\.thread)).count
        #expect(threadsUsed >= 1 && threadsUsed <= threads)
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
