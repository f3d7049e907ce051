import ChisoCore
import ChisoIO
import FuzzSupport

/// Any bytes: tokenized as CSV with each separator, then read as a table.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    for separator: UInt8 in [0x2C, 0x3B, 0x09] {
        _ = try? CSVTokenizer.records(input[...], separator: separator, file: "fuzz.csv")
    }
    _ = try? TabularFile.parse(bytes: input, displayName: "fuzz.csv")
    return 0
}

@_cdecl("FuzzCSV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
