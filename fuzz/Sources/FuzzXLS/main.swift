import ChisoCore
import ChisoIO
import ChisoSpreadsheets
import Foundation
import FuzzSupport

/// Any bytes as an .xls file: the compound file, the workbook globals, every sheet's records,
/// then each sheet as a table.
let workbookFile = NSTemporaryDirectory() + "chiso-fuzz-\(ProcessInfo.processInfo.processIdentifier).xls"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard (try? Data(bytes(data, size)).write(to: URL(fileURLWithPath: workbookFile))) != nil,
          let workbook = try? XLSWorkbook(path: workbookFile) else { return 0 }
    for index in workbook.sheetNames.indices {
        guard let sheet = try? workbook.sheet(at: index) else { continue }
        _ = try? TabularFile.sheet(sheet, decimal: nil)
    }
    return 0
}

@_cdecl("FuzzXLS_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
