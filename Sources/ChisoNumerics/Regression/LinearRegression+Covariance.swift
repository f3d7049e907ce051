extension LinearRegression {
    /// The coefficient covariance under `estimator`, and the degrees of freedom for its t tests.
    ///
    /// Sandwich estimators use Q₁ = A R⁻¹ (so (AᵀA)⁻¹ = R⁻¹R⁻ᵀ and leverages hᵢ = ‖Q₁ row i‖²):
    /// V = R⁻¹ (Ωᵀ Ω) R⁻ᵀ with Ω = diag(ωᵢ) Q₁, where ωᵢ is eᵢ (HC0), eᵢ√(n/(n−k)) (HC1),
    /// eᵢ/√(1−hᵢ) (HC2) or eᵢ/(1−hᵢ) (HC3); for clusters, Ω has one row Σ_{i∈g} eᵢ Q₁ᵢ per cluster.
    static func covariance(_ estimator: CovarianceEstimator, classical: Matrix, factorization: QRFactorization, design: Matrix,
                           weightedResiduals e: [Double], clusters: [Int]?, residualDF: Int) throws(RegressionError) -> (Matrix, Int) {
        if estimator == .classical { return (classical, residualDF) }
        let (n, k) = (design.rows, design.columns)
        let rInverse: Matrix
        do { rInverse = try factorization.rInverse() } catch { throw .tooFewObservations(observations: n, parameters: k) }
        let q1 = design * rInverse
        var omega: Matrix
        var scale = 1.0
        var degreesOfFreedom = residualDF
        switch estimator {
        case .classical:
            return (classical, residualDF)
        case .hc0, .hc1, .hc2, .hc3:
            let leverage = (0..<n).map { i in (0..<k).reduce(0.0) { $0 + q1[i, $1] * q1[i, $1] } }
            let factors: [Double] = (0..<n).map { i in
                switch estimator {
                case .hc1: return e[i] * (Double(n) / Double(residualDF)).squareRoot()
                case .hc2: return e[i] / (1 - leverage[i]).squareRoot()
                case .hc3: return e[i] / (1 - leverage[i])
                default: return e[i]
                }
            }
            omega = q1.scalingRows(by: factors)
        case .cluster:
            guard let clusters, clusters.count == n else { throw .tooFewClusters(count: 0) }
            let labels = Array(Set(clusters)).sorted()
            guard labels.count >= 2 else { throw .tooFewClusters(count: labels.count) }
            let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, $0.offset) })
            omega = Matrix(rows: labels.count, columns: k)
            for i in 0..<n {
                let g = position[clusters[i]]!
                for j in 0..<k { omega[g, j] += e[i] * q1[i, j] }
            }
            let groups = Double(labels.count)
            scale = groups / (groups - 1) * Double(n - 1) / Double(residualDF)
            degreesOfFreedom = labels.count - 1
        }
        let meat = omega.gram()
        var sandwich = rInverse * meat.multiplied(by: rInverse, otherTransposed: true)
        for j in 0..<k { for i in 0..<k { sandwich[i, j] *= scale } }
        return (sandwich, degreesOfFreedom)
    }
}
