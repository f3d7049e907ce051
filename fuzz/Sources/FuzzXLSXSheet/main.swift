import ChisoCore
import ChisoIO
import ChisoSpreadsheets
import Foundation
import FuzzSupport

/// Any bytes as a worksheet part (with two shared strings and date style 1), then as a table;
/// bytes that start like a zip archive are opened as a whole workbook from a file (ZIPFoundation's
/// in-memory archives trap on some malformed archives, so chiso only ever opens files).
let workbookFile = NSTemporaryDirectory() + "chiso-fuzz-\(ProcessInfo.processInfo.processIdentifier).xlsx"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Data(bytes(data, size))
    if input.starts(with: [0x50, 0x4B]) {
        guard (try? input.write(to: URL(fileURLWithPath: workbookFile))) != nil,
              let workbook = try? XLSXWorkbook(path: workbookFile) else { return 0 }
        for name in workbook.sheetNames {
            guard let sheet = try? workbook.sheet(name) else { continue }
            _ = try? TabularFile.sheet(sheet, decimal: nil)
        }
        return 0
    }
    guard let sheet = try? Worksheet(xlsxData: input, name: "Sheet1", workbook: "fuzz.xlsx", sharedStrings: ["Hà Nội", "93,364"], dateStyles: [1]) else { return 0 }
    _ = try? TabularFile.sheet(sheet, decimal: nil)
    return 0
}

@_cdecl("FuzzXLSXSheet_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
