import CLapack
import Foundation

/// The number of threads OpenBLAS uses.
///
/// chiso's BLAS and LAPACK calls are many and small (a k × k triangle, a few right-hand sides):
/// OpenBLAS's worker threads then cost more in spinning and waking than they save. The command
/// line runs single-threaded BLAS and spreads its own work over the cores instead.
public enum BLASThreads {
    /// Sets the OpenBLAS thread count. With one thread, the workers OpenBLAS started when it was
    /// loaded are stopped too: they spin on `sched_yield` for about 0.1 s after start, taking a
    /// core from the first tenth of a second of every command (OpenBLAS starts them again if a
    /// later call asks for more threads).
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
        guard count <= 1 else { return }
        // Not part of OpenBLAS's public header; looked up so that another BLAS links as well.
        typealias Shutdown = @convention(c) () -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "blas_thread_shutdown_") {
            _ = unsafeBitCast(symbol, to: Shutdown.self)()
        }
    }
}
