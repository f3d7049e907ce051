import CLapack

extension Matrix {
    /// Solves the least-squares problem min ‖A·X − B‖₂ for every column of `rightHandSides`
    /// with one Householder QR factorisation of A, never forming AᵀA:
    /// A = QR (LAPACK `dgeqrf`), then Qᵀb (`dormqr`) and R x = (Qᵀb)₁ (`dtrtrs`).
    ///
    /// One factorisation serves all right-hand sides, so many series that share a design
    /// are solved in one call.
    ///
    /// Rank: column j is declared dependent when |R_jj| ≤ max(m, n) · ε · ‖a_j‖, i.e. when
    /// what column j adds beyond the earlier columns is at rounding level relative to its own size.
    /// The test is scale-invariant, so columns in very different units do not trip it.
    ///
    /// - Returns: the k × r solution, one column per right-hand side.
    /// - Throws: `LinearAlgebraError.underdetermined` when A has fewer rows than columns,
    ///   `LinearAlgebraError.rankDeficient` naming the first dependent column.
    public func leastSquaresSolution(for rightHandSides: Matrix) throws(LinearAlgebraError) -> Matrix {
        precondition(rightHandSides.rows == rows, "Right-hand sides have \(rightHandSides.rows) rows, the design \(rows)")
        guard rows >= columns else { throw .underdetermined(rows: rows, columns: columns) }
        let (m, n, r) = (Int32(rows), Int32(columns), Int32(rightHandSides.columns))
        let lda = Int32(max(1, rows))
        var factors = self
        var tau = [Double](repeating: 0, count: columns)
        let columnNorms = (0..<columns).map { j in
            (0..<rows).reduce(0.0) { $0 + self[$1, j] * self[$1, j] }.squareRoot()
        }
        var info = factors.withUnsafeMutableElements { a in
            LAPACKE_dgeqrf(LAPACK_COL_MAJOR, m, n, a.baseAddress, lda, &tau)
        }
        if info < 0 { throw .illegalArgument(routine: "dgeqrf", position: Int(-info)) }
        let tolerance = Double(max(rows, columns)) * Double.ulpOfOne
        for j in 0..<columns where abs(factors[j, j]) <= tolerance * columnNorms[j] {
            throw .rankDeficient(column: j, columns: columns)
        }
        guard r > 0 else { return Matrix(rows: columns, columns: 0) }
        var b = rightHandSides
        info = factors.withUnsafeElements { a in
            b.withUnsafeMutableElements { bBuffer in
                LAPACKE_dormqr(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")), m, r, n,
                               a.baseAddress, lda, tau, bBuffer.baseAddress, lda)
            }
        }
        if info < 0 { throw .illegalArgument(routine: "dormqr", position: Int(-info)) }
        info = factors.withUnsafeElements { a in
            b.withUnsafeMutableElements { bBuffer in
                LAPACKE_dtrtrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "N")),
                               n, r, a.baseAddress, lda, bBuffer.baseAddress, lda)
            }
        }
        if info < 0 { throw .illegalArgument(routine: "dtrtrs", position: Int(-info)) }
        if info > 0 { throw .rankDeficient(column: Int(info) - 1, columns: columns) }
        var solution = Matrix(rows: columns, columns: rightHandSides.columns)
        for j in 0..<rightHandSides.columns {
            for i in 0..<columns { solution[i, j] = b[i, j] }
        }
        return solution
    }
}
