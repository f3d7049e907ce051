import ChisoDossiers
import Foundation
import FuzzSupport

/// Any bytes as a file of dossier records, summarised both ways: no trap, and in period
/// accounting every row balances and what is open at a period's end is carried into the next.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = NSTemporaryDirectory() + "fuzz-records-\(getpid()).csv"
    FileManager.default.createFile(atPath: path, contents: Data(bytes(data, size)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    for accounting in DossierAccounting.allCases {
        guard let summary = try? DossierRecordSummarizer.summarize(path: path, options: DossierSummaryOptions(granularity: .month, accounting: accounting, workers: 2)) else { continue }
        guard accounting == .period else { continue }
        for row in summary.rows {
            let open = (row[.pendingInTime] ?? 0) + (row[.pendingOverdue] ?? 0) + (row[.paused] ?? 0)
            let outcomes = (row[.resolvedEarly] ?? 0) + (row[.resolvedOnTime] ?? 0) + (row[.resolvedLate] ?? 0) + (row[.withdrawn] ?? 0) + (row[.rejected] ?? 0)
            precondition(row[.carriedOver]! + row[.receivedNew]! == outcomes + open, "a row that does not balance: \(row)")
            precondition(row[.pendingInTime]! >= 0 && row[.pendingOverdue]! >= 0, "a negative stock: \(row)")
        }
        for (row, next) in zip(summary.rows, summary.rows.dropFirst()) where row.unit == next.unit {
            let open = row[.pendingInTime]! + row[.pendingOverdue]! + row[.paused]!
            precondition(open == next[.carriedOver]!, "open at the end of \(row.period) is not carried into \(next.period)")
        }
    }
    return 0
}

@_cdecl("FuzzRecords_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
