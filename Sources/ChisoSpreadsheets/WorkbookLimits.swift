/// How much a workbook may take when it is read: an `.xlsx` part (a sheet, the shared strings)
/// larger than `maximumPartBytes`, or inflating more than `maximumRatio` times its compressed size
/// once past 16 MiB, is refused — a zip bomb is stopped before it exhausts memory; an `.xls` file
/// larger than `maximumPartBytes` is refused before it is read.
public struct WorkbookLimits: Sendable, Equatable {
    public var maximumPartBytes: Int
    public var maximumRatio: Int

    /// 256 MiB a part and a ratio of 1,000 (deflate cannot exceed about 1,032 on real data).
    public init(maximumPartBytes: Int = 256 << 20, maximumRatio: Int = 1_000) {
        self.maximumPartBytes = maximumPartBytes
        self.maximumRatio = maximumRatio
    }
}
