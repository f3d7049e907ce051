import ChisoDossiers
import FuzzSupport

/// Any text as a report: every figure found must come with its sentence.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    for figure in ReportExtractor.extract(text) {
        precondition(!figure.sentence.isEmpty, "a figure without its sentence")
    }
    return 0
}

@_cdecl("FuzzExtract_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
