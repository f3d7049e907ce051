import Dispatch
import Foundation
import Synchronization

/// Work fanned out to threads, with each job's result kept in its own slot and read after the join.
///
/// Jobs never write shared state: `map` keeps each job's return value in its own `WorkerSlots`
/// slot, read after the join, so the results are the same whatever the number of threads and the
/// order in which jobs finish.
public enum ParallelWork {
    /// The number of cores the process may use.
    public static var processorCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(0) … body(count − 1)`, computed on at most `threads` threads (one thread runs them
    /// in order on the caller's thread), returned in job order.
    public static func map<Value: Sendable>(_ count: Int, threads: Int = processorCount, _ body: @Sendable (Int) -> Value) -> [Value] {
        guard count > 0 else { return [] }
        let threadCount = max(1, min(threads, count))
        if threadCount == 1 { return (0..<count).map(body) }
        let slots = WorkerSlots<Value>(count: count)
        let dispenser = JobDispenser()
        DispatchQueue.concurrentPerform(iterations: threadCount) { _ in
            while let job = dispenser.next(below: count) {
                slots.store(body(job), at: job)
            }
        }
        return slots.values()
    }

    /// `count` items split into `parts` contiguous ranges of nearly equal length (empty ranges dropped).
    public static func ranges(of count: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, parts)
        return (0..<parts).map { p in (count * p / parts)..<(count * (p + 1) / parts) }.filter { !$0.isEmpty }
    }
}

/// One result slot per job, each written by the one worker that ran the job and read after the
/// workers have joined: per-worker writes to distinct memory, merged after the join, with no lock
/// and nothing shared between writers.
public final class WorkerSlots<Value: Sendable>: @unchecked Sendable {
    // Safe to share: every slot is written by exactly one job (the dispenser hands out each index
    // once) and read only after `DispatchQueue.concurrentPerform` has returned.
    private let slots: UnsafeMutableBufferPointer<Value?>

    /// Empty slots for jobs `0..<count`.
    public init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Stores the result of job `index`; each index is stored once, by the job that computed it.
    public func store(_ value: Value, at index: Int) {
        slots[index] = value
    }

    /// Every job's result, in job order; call it after the workers have joined.
    /// - Precondition: every slot has been stored.
    public func values() -> [Value] {
        slots.map { value in
            guard let value else { preconditionFailure("a worker did not store its result") }
            return value
        }
    }
}

/// Hands out job numbers to threads, each once.
private final class JobDispenser: Sendable {
    private let counter = Atomic<Int>(0)

    func next(below count: Int) -> Int? {
        let job = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        return job < count ? job : nil
    }
}
