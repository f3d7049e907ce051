import CLapack

extension Matrix {
    /// The product `α · op(A) · op(B)` computed by BLAS `dgemm`.
    ///
    /// - Parameters:
    ///   - transposeSelf: use Aᵀ instead of A.
    ///   - other: the right factor B.
    ///   - transposeOther: use Bᵀ instead of B.
    ///   - alpha: scale factor, 1 by default.
    /// - Precondition: the inner dimensions agree.
    public func multiplied(
        transposed transposeSelf: Bool = false,
        by other: Matrix,
        otherTransposed transposeOther: Bool = false,
        alpha: Double = 1
    ) -> Matrix {
        let m = transposeSelf ? columns : rows
        let k = transposeSelf ? rows : columns
        let kOther = transposeOther ? other.columns : other.rows
        let n = transposeOther ? other.rows : other.columns
        precondition(k == kOther, "Inner dimensions differ: \(k) vs \(kOther)")
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0 else { return result }
        if k == 0 { return result }
        withUnsafeElements { a in
            other.withUnsafeElements { b in
                result.withUnsafeMutableElements { c in
                    cblas_dgemm(
                        CblasColMajor,
                        transposeSelf ? CblasTrans : CblasNoTrans,
                        transposeOther ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        alpha, a.baseAddress, Int32(max(1, rows)),
                        b.baseAddress, Int32(max(1, other.rows)),
                        0, c.baseAddress, Int32(max(1, m))
                    )
                }
            }
        }
        return result
    }

    /// The matrix product `self · other` (BLAS `dgemm`).
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.multiplied(by: rhs)
    }
}

extension Matrix {
    /// The product `op(A) · x` computed by BLAS `dgemv`.
    /// - Precondition: `x` has as many entries as op(A) has columns.
    public func multiplied(transposed transpose: Bool = false, byVector x: [Double]) -> [Double] {
        let (m, n) = transpose ? (columns, rows) : (rows, columns)
        precondition(x.count == n, "Vector has \(x.count) entries, expected \(n)")
        var y = [Double](repeating: 0, count: m)
        guard m > 0, n > 0 else { return y }
        withUnsafeElements { a in
            cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns),
                        1, a.baseAddress, Int32(max(1, rows)), x, 1, 0, &y, 1)
        }
        return y
    }

    /// The Gram matrix AᵀA (symmetric, both triangles filled) computed by BLAS `dsyrk`.
    public func gram() -> Matrix {
        var result = Matrix(rows: columns, columns: columns)
        guard rows > 0, columns > 0 else { return result }
        withUnsafeElements { a in
            result.withUnsafeMutableElements { c in
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(columns), Int32(rows),
                            1, a.baseAddress, Int32(max(1, rows)), 0, c.baseAddress, Int32(max(1, columns)))
            }
        }
        for j in 0..<columns { for i in (j + 1)..<columns { result[i, j] = result[j, i] } }
        return result
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { result[j, i] = self[i, j] } }
        return result
    }

    /// The matrix with row `i` multiplied by `factors[i]`.
    public func scalingRows(by factors: [Double]) -> Matrix {
        precondition(factors.count == rows, "Need one factor per row")
        var result = self
        for j in 0..<columns { for i in 0..<rows { result[i, j] *= factors[i] } }
        return result
    }
}
