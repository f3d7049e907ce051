import ChisoIO
import FuzzSupport

/// Any text: read as a number both ways; a number that parses must parse again from its plain form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    _ = NumberSyntax.evidence(text)
    _ = NumberSyntax.isMissing(text)
    for decimal in DecimalSeparator.allCases {
        guard let plain = NumberSyntax.plainDecimal(text, decimal: decimal) else { continue }
        let value = NumberSyntax.parse(text, decimal: decimal)
        precondition(value != nil, "plainDecimal read '\(text)' but parse did not")
        precondition(NumberSyntax.parse(plain, decimal: .point) == value, "'\(text)' → '\(plain)' does not read back")
    }
    return 0
}

@_cdecl("FuzzNumbers_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
