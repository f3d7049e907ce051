/// Iterative refinement of least-squares solutions on the augmented system (Björck 1967):
///
///     [ I   A ] [ r ]   [ f ]
///     [ Aᵀ  0 ] [ x ] = [ g ]
///
/// With f = b and g = 0 the solution is the least-squares fit (x) and its residual (r); with
/// f = 0 and g = −e_j, x is column j of (AᵀA)⁻¹. Each step computes the residuals of both
/// equations in double-double arithmetic (`CompensatedSum`), solves for the corrections with the
/// double QR factorisation already at hand — Rᵀz = g, d = Qᵀf, δx = R⁻¹(d₁ − z), δr = Q[z; d₂] —
/// and accumulates x and r as double-doubles. Refining r as well as x removes the error that plain
/// refinement of x leaves when the residual is not zero (Golub & Van Loan §5.3.8). The iteration
/// converges when κ·ε < 1 for the column-scaled design; a step whose correction is not smaller than
/// the one before is undone and ends the iteration, so refinement never makes a solution worse.
public struct AugmentedSystemRefinement: Sendable {
    /// The most correction steps taken.
    public static let maximumSteps = 10

    let design: Matrix
    /// The low parts of a design known to double-double precision (exact decimal data, powers).
    let designLow: Matrix?
    let factorization: QRFactorization

    /// - Parameters:
    ///   - design: A (its high parts when `designLow` is given); `factorization` is its QR.
    ///   - designLow: A − design, when A is known more precisely than in doubles.
    public init(design: Matrix, designLow: Matrix? = nil, factorization: QRFactorization) {
        precondition(design.rows == factorization.rows && design.columns == factorization.columns, "Factorisation of another matrix")
        self.design = design
        self.designLow = designLow
        self.factorization = factorization
    }

    /// Refined solutions of the augmented system for the right-hand sides f (n × m) and g (k × m);
    /// `fLow` holds low parts of f when it is known to double-double precision.
    /// - Returns: x (k × m) and r (n × m) as double-doubles, column by column, and the steps kept.
    public func solve(f: Matrix, fLow: Matrix? = nil, g: Matrix) throws(LinearAlgebraError) -> (x: [[DoubleDouble]], r: [[DoubleDouble]], steps: Int) {
        let (n, k, m) = (design.rows, design.columns, f.columns)
        precondition(f.rows == n && g.rows == k && g.columns == m, "Right-hand sides do not fit the system")
        var x = [[DoubleDouble]](repeating: [DoubleDouble](repeating: DoubleDouble(0), count: k), count: m)
        var r = [[DoubleDouble]](repeating: [DoubleDouble](repeating: DoubleDouble(0), count: n), count: m)
        var previousCorrection = Double.infinity
        var steps = 0
        for _ in 0..<Self.maximumSteps {
            var residualF = Matrix(rows: n, columns: m)
            var residualG = Matrix(rows: k, columns: m)
            for c in 0..<m {
                for i in 0..<n {
                    var sum = CompensatedSum(f[i, c])
                    if let fLow { sum.add(fLow[i, c]) }
                    sum.add(-r[c][i])
                    for j in 0..<k { sum.addProduct(-design[i, j], x[c][j]) }
                    if let designLow { for j in 0..<k { sum.addProduct(-designLow[i, j], x[c][j].hi) } }
                    residualF[i, c] = sum.value
                }
                for j in 0..<k {
                    var sum = CompensatedSum(g[j, c])
                    for i in 0..<n { sum.addProduct(-design[i, j], r[c][i]) }
                    if let designLow { for i in 0..<n { sum.addProduct(-designLow[i, j], r[c][i].hi) } }
                    residualG[j, c] = sum.value
                }
            }
            let z = try factorization.solveTriangular(residualG, transposed: true)
            let d = try factorization.applyingQTranspose(to: residualF)
            var d1MinusZ = Matrix(rows: k, columns: m)
            var zd2 = d
            for c in 0..<m {
                for j in 0..<k {
                    d1MinusZ[j, c] = d[j, c] - z[j, c]
                    zd2[j, c] = z[j, c]
                }
            }
            let deltaX = try factorization.solveTriangular(d1MinusZ)
            let deltaR = try factorization.applyingQ(to: zd2)
            // Size of the correction relative to the solution, over all right-hand sides.
            var correction = 0.0
            for c in 0..<m {
                for j in 0..<k {
                    let scale = max(abs(x[c][j].hi), abs(x[c][j].hi + deltaX[j, c]), .leastNormalMagnitude)
                    correction = max(correction, abs(deltaX[j, c]) / scale)
                }
            }
            if steps > 0 && correction >= previousCorrection { break }
            for c in 0..<m {
                for j in 0..<k { x[c][j].add(deltaX[j, c]) }
                for i in 0..<n { r[c][i].add(deltaR[i, c]) }
            }
            steps += 1
            previousCorrection = correction
            if correction <= 1e-30 { break }
        }
        return (x, r, steps)
    }
}
