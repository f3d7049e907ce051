import CLapack

/// The Householder QR factorisation A = QR of an m × k matrix (m ≥ k), computed once by LAPACK
/// `dgeqrf` and reused: least-squares solutions for any number of right-hand sides
/// (`dormqr` + `dtrtrs`), R and R⁻¹ (`dtrtri`) for standard errors, and Q₁ = A R⁻¹ for leverages.
///
/// Rank: column j is declared dependent when |R_jj| ≤ max(m, k) · ε · ‖a_j‖, i.e. when what the
/// column adds beyond the earlier columns is at rounding level relative to its own size. The test
/// is scale-invariant, so columns in very different units do not trip it, and it catches the
/// near-zero pivots that LAPACK's own check (an exactly zero R_jj) lets through.
public struct QRFactorization: Sendable {
    /// Rows of A.
    public let rows: Int
    /// Columns of A.
    public let columns: Int
    /// `dgeqrf` output: R in the upper triangle, Householder vectors below it.
    private let factors: Matrix
    private let tau: [Double]

    /// Factors `a`.
    /// - Throws: `.underdetermined` when A has fewer rows than columns, `.rankDeficient` naming
    ///   the first dependent column.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.rows >= a.columns else { throw .underdetermined(rows: a.rows, columns: a.columns) }
        rows = a.rows
        columns = a.columns
        var factors = a
        var tau = [Double](repeating: 0, count: a.columns)
        let norms = (0..<a.columns).map { j in (0..<a.rows).reduce(0.0) { $0 + a[$1, j] * a[$1, j] }.squareRoot() }
        let info = factors.withUnsafeMutableElements { buffer in
            LAPACKE_dgeqrf(LAPACK_COL_MAJOR, Int32(a.rows), Int32(a.columns), buffer.baseAddress, Int32(max(1, a.rows)), &tau)
        }
        if info < 0 { throw .illegalArgument(routine: "dgeqrf", position: Int(-info)) }
        let tolerance = Double(max(a.rows, a.columns)) * Double.ulpOfOne
        for j in 0..<a.columns where abs(factors[j, j]) <= tolerance * norms[j] {
            throw .rankDeficient(column: j, columns: a.columns)
        }
        self.factors = factors
        self.tau = tau
    }

    /// Qᵀ·B for an m × r matrix B (`dormqr`).
    public func applyingQTranspose(to b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try applyQ(to: b, transposed: true)
    }

    /// Q·B for an m × r matrix B (`dormqr`).
    public func applyingQ(to b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try applyQ(to: b, transposed: false)
    }

    private func applyQ(to b: Matrix, transposed: Bool) throws(LinearAlgebraError) -> Matrix {
        precondition(b.rows == rows, "Right-hand sides have \(b.rows) rows, the factorisation \(rows)")
        var result = b
        guard b.columns > 0 else { return result }
        let info = factors.withUnsafeElements { a in
            result.withUnsafeMutableElements { c in
                LAPACKE_dormqr(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: transposed ? "T" : "N")),
                               Int32(rows), Int32(b.columns), Int32(columns), a.baseAddress, Int32(max(1, rows)), tau,
                               c.baseAddress, Int32(max(1, rows)))
            }
        }
        if info < 0 { throw .illegalArgument(routine: "dormqr", position: Int(-info)) }
        return result
    }

    /// Solves R·X = B (or Rᵀ·X = B when `transposed`) for a k × r matrix B (`dtrtrs`).
    public func solveTriangular(_ b: Matrix, transposed: Bool = false) throws(LinearAlgebraError) -> Matrix {
        precondition(b.rows == columns, "Right-hand sides have \(b.rows) rows, R has \(columns)")
        var result = b
        guard b.columns > 0, columns > 0 else { return result }
        let info = factors.withUnsafeElements { a in
            result.withUnsafeMutableElements { c in
                LAPACKE_dtrtrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: transposed ? "T" : "N")), Int8(UInt8(ascii: "N")),
                               Int32(columns), Int32(b.columns), a.baseAddress, Int32(max(1, rows)), c.baseAddress, Int32(max(1, columns)))
            }
        }
        if info < 0 { throw .illegalArgument(routine: "dtrtrs", position: Int(-info)) }
        if info > 0 { throw .rankDeficient(column: Int(info) - 1, columns: columns) }
        return result
    }

    /// The least-squares solutions X minimising ‖A·X − B‖₂, one column per column of B.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        var qtb = try applyingQTranspose(to: b)
        guard b.columns > 0 else { return Matrix(rows: columns, columns: 0) }
        let info = factors.withUnsafeElements { a in
            qtb.withUnsafeMutableElements { c in
                LAPACKE_dtrtrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "N")),
                               Int32(columns), Int32(b.columns), a.baseAddress, Int32(max(1, rows)), c.baseAddress, Int32(max(1, rows)))
            }
        }
        if info < 0 { throw .illegalArgument(routine: "dtrtrs", position: Int(-info)) }
        if info > 0 { throw .rankDeficient(column: Int(info) - 1, columns: columns) }
        var solution = Matrix(rows: columns, columns: b.columns)
        for j in 0..<b.columns { for i in 0..<columns { solution[i, j] = qtb[i, j] } }
        return solution
    }

    /// The k × k upper-triangular factor R.
    public var r: Matrix {
        var result = Matrix(rows: columns, columns: columns)
        for j in 0..<columns { for i in 0...j { result[i, j] = factors[i, j] } }
        return result
    }

    /// R⁻¹ (`dtrtri`), upper triangular. (AᵀA)⁻¹ = R⁻¹R⁻ᵀ, so standard errors come from the
    /// row norms of R⁻¹ without forming or inverting AᵀA.
    public func rInverse() throws(LinearAlgebraError) -> Matrix {
        var inverse = r
        let info = inverse.withUnsafeMutableElements { buffer in
            LAPACKE_dtrtri(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int8(UInt8(ascii: "N")), Int32(columns), buffer.baseAddress, Int32(max(1, columns)))
        }
        if info < 0 { throw .illegalArgument(routine: "dtrtri", position: Int(-info)) }
        if info > 0 { throw .rankDeficient(column: Int(info) - 1, columns: columns) }
        return inverse
    }
}
