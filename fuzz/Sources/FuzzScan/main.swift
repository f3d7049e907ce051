import ChisoCore
import ChisoIO
import FuzzSupport
import Foundation

/// Any bytes as a CSV file read twice, by the byte reader and by the general reader: a trap in
/// either, or any difference between them (panel, notes, error), is a find.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard FileManager.default.createFile(atPath: scratchFile, contents: Data(input)) else { return 0 }
    let filter = PanelFilter(indicators: ["x", "2023"])
    for (options, filter) in [(ReadOptions(threads: 2), PanelFilter()), (ReadOptions(onDuplicate: .mean, threads: 3), filter)] {
        let fast = outcome(options, filter: filter, reader: .fastest)
        let general = outcome(options, filter: filter, reader: .general)
        let same: Bool
        if filter.keepsEverything {
            same = fast.error == general.error && fast.cells == general.cells && fast.report == general.report
        } else {
            // The byte reader reads the rows a filter drops for their indicator and year only: an
            // error in their values is the general reader's alone, and their markers are not
            // counted. What both read must agree, and the byte reader may not fail where the
            // general reader reads the file.
            same = fast.error == nil ? general.error != nil || fast.cells == general.cells : general.error != nil
        }
        if !same { fatalError("the byte reader and the general reader differ:\n\(fast)\n\(general)") }
    }
    return 0
}

/// One file per process, named by a year so that a file without a period column has one.
let scratchFile = NSTemporaryDirectory() + "/fuzz-scan-\(getpid())-2023.csv"

struct Outcome: CustomStringConvertible {
    var error: String?
    var cells: [String] = []
    var report: LoadReport?
    var description: String { error ?? "\(cells.prefix(20)) \(String(describing: report))" }
}

func outcome(_ options: ReadOptions, filter: PanelFilter, reader: PanelLoader.Reader) -> Outcome {
    do {
        let (panel, report) = try PanelLoader(registry: bundledRegistry).load(path: scratchFile, options: options, filter: filter, reader: reader)
        var cells: [String] = []
        for u in panel.units.indices {
            for p in panel.periods.indices {
                for i in panel.indicators.indices {
                    let value = panel.value(unit: u, period: p, indicator: i)
                    cells.append("\(panel.units[u].code) \(panel.periods[p]) \(panel.indicators[i].id) \(value.bitPattern) \(String(describing: panel.provenance(unit: u, period: p, indicator: i)))")
                }
            }
        }
        return Outcome(cells: cells, report: report)
    } catch {
        return Outcome(error: "\(error)")
    }
}

@_cdecl("FuzzScan_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
