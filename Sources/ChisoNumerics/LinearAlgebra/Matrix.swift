/// A dense matrix of `Double` stored column-major in one contiguous array,
/// the layout BLAS and LAPACK expect, so no call needs a transposed copy.
///
/// `Matrix` is a value type: copies share storage until one of them is mutated.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Elements in column-major order: element (i, j) is at `i + j * rows`.
    public private(set) var elements: [Double]

    /// Creates a matrix from column-major elements.
    /// - Precondition: `elements.count == rows * columns` (a programmer error otherwise).
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns, "Matrix needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Creates a matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, columnMajor: Array(repeating: value, count: rows * columns))
    }

    /// Creates a matrix from rows written as they read on paper.
    /// - Precondition: every row has the same length.
    public init(rowMajor rowValues: [[Double]]) {
        let rowCount = rowValues.count
        let columnCount = rowValues.first?.count ?? 0
        var elements = [Double](repeating: 0, count: rowCount * columnCount)
        for (i, row) in rowValues.enumerated() {
            precondition(row.count == columnCount, "Row \(i) has \(row.count) values, expected \(columnCount)")
            for (j, value) in row.enumerated() { elements[i + j * rowCount] = value }
        }
        self.init(rows: rowCount, columns: columnCount, columnMajor: elements)
    }

    /// Creates a one-column matrix.
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, columnMajor: column)
    }

    /// The element at row `i`, column `j`.
    public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    /// The values of column `j`.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Calls `body` with read-only access to the column-major storage.
    public func withUnsafeElements<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with mutable access to the column-major storage.
    public mutating func withUnsafeMutableElements<R>(_ body: (inout UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer(body)
    }
}
