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
