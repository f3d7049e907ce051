import FuzzDriver
import ChisoIO
import Foundation

/// The province registry of the repository's bundled datasets, read once.
public let bundledRegistry: ProvinceRegistry? = {
    var folder = #filePath as NSString
    for _ in 0..<4 { folder = folder.deletingLastPathComponent as NSString }
    return try? ProvinceRegistry(folder: folder.appendingPathComponent("datasets/provinces"))
}()

/// The input as bytes.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Hands the process to libFuzzer with `target` as the function under test.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                      _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, target)
}
