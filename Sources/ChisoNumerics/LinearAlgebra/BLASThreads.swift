import CLapack

/// The number of threads OpenBLAS uses.
///
/// chiso's BLAS and LAPACK calls are many and small (a k × k triangle, a few right-hand sides):
/// OpenBLAS's worker threads then cost more in spinning and waking than they save. The command
/// line runs single-threaded BLAS and spreads its own work over the cores instead.
public enum BLASThreads {
    /// Sets the OpenBLAS thread count.
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }
}
