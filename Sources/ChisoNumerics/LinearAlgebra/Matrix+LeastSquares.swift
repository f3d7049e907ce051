import CLapack

extension Matrix {
    /// Solves min ‖A·X − B‖₂ for every column of `rightHandSides` with one Householder QR
    /// factorisation of A (see `QRFactorization`), never forming AᵀA.
    /// - Throws: `.underdetermined`, or `.rankDeficient` naming the first dependent column.
    public func leastSquaresSolution(for rightHandSides: Matrix) throws(LinearAlgebraError) -> Matrix {
        try QRFactorization(self).solve(rightHandSides)
    }

    /// Solves min ‖A·X − B‖₂ by the singular value decomposition (LAPACK `dgelsd`), which also
    /// handles rank-deficient designs (minimum-norm solution).
    /// - Returns: the solution, the singular values of A (largest first) and the effective rank
    ///   (singular values above max(m, k) · ε · σ₁).
    public func leastSquaresSolutionBySVD(for rightHandSides: Matrix) throws(LinearAlgebraError) -> (solution: Matrix, singularValues: [Double], rank: Int) {
        precondition(rightHandSides.rows == rows, "Right-hand sides have \(rightHandSides.rows) rows, the design \(rows)")
        let leading = max(1, rows, columns)
        var a = self
        var b = Matrix(rows: leading, columns: rightHandSides.columns)
        for j in 0..<rightHandSides.columns { for i in 0..<rows { b[i, j] = rightHandSides[i, j] } }
        var singularValues = [Double](repeating: 0, count: min(rows, columns))
        var rank: Int32 = 0
        let threshold = Double(max(rows, columns)) * Double.ulpOfOne
        let info = a.withUnsafeMutableElements { aBuffer in
            b.withUnsafeMutableElements { bBuffer in
                LAPACKE_dgelsd(LAPACK_COL_MAJOR, Int32(rows), Int32(columns), Int32(rightHandSides.columns),
                               aBuffer.baseAddress, Int32(max(1, rows)), bBuffer.baseAddress, Int32(leading),
                               &singularValues, threshold, &rank)
            }
        }
        if info < 0 { throw .illegalArgument(routine: "dgelsd", position: Int(-info)) }
        if info > 0 { throw .noConvergence(routine: "dgelsd") }
        var solution = Matrix(rows: columns, columns: rightHandSides.columns)
        for j in 0..<rightHandSides.columns { for i in 0..<columns { solution[i, j] = b[i, j] } }
        return (solution, singularValues, Int(rank))
    }

    /// The singular values, largest first (LAPACK `dgesdd` without vectors).
    public func singularValues() throws(LinearAlgebraError) -> [Double] {
        var a = self
        var values = [Double](repeating: 0, count: min(rows, columns))
        guard !values.isEmpty else { return values }
        var u = [Double](repeating: 0, count: 1)
        var vt = [Double](repeating: 0, count: 1)
        let info = a.withUnsafeMutableElements { buffer in
            LAPACKE_dgesdd(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int32(rows), Int32(columns), buffer.baseAddress,
                           Int32(max(1, rows)), &values, &u, 1, &vt, 1)
        }
        if info < 0 { throw .illegalArgument(routine: "dgesdd", position: Int(-info)) }
        if info > 0 { throw .noConvergence(routine: "dgesdd") }
        return values
    }

    /// The 2-norm condition number σ_max / σ_min of the matrix (infinite when rank deficient).
    public func conditionNumber() throws(LinearAlgebraError) -> Double {
        let values = try singularValues()
        guard let largest = values.first, let smallest = values.last, smallest > 0 else { return .infinity }
        return largest / smallest
    }
}
