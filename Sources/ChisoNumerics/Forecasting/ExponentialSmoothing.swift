import Foundation

/// Additive-error exponential smoothing state-space models (Hyndman, Koehler, Ord & Snyder 2008):
/// ETS(A,N,N) simple, ETS(A,A,N) Holt's linear trend, ETS(A,Ad,N) damped trend.
///
///     ŷ_t = l_{t−1} + φ b_{t−1}
///     l_t = l_{t−1} + φ b_{t−1} + α e_t
///     b_t = φ b_{t−1} + β e_t        (φ = 1 for A,A,N; no b for A,N,N)
///
/// Estimation is by maximum likelihood. For fixed (α, β, φ) the one-step errors are linear in the
/// initial states (l₀, b₀), so those are concentrated out by a small least-squares solve; the
/// Gaussian likelihood then depends on the sum of squared errors only, minimised over the
/// smoothing parameters by Nelder–Mead on a logistic scale from several starts (finished by
/// golden-section searches along each parameter when the optimum lies at a bound), within
/// α ∈ [10⁻⁴, 1 − 10⁻⁴], β ∈ [0, α], φ ∈ [0.8, 0.98] (the bounds of statsmodels; R's forecast and
/// statsforecast keep β ≥ 10⁻⁴, a subset).
///
/// Variance convention: σ² = SSE / (n − p), p = estimated parameters including initial states
/// (as R's forecast does). statsmodels divides by n, which on 14 points makes 95% intervals
/// 0.71–0.85× as wide and under-covers; chiso prefers honest width on short series. The
/// log-likelihood and AICc use the maximum-likelihood σ² = SSE / n, like every peer.
public enum ExponentialSmoothing {
    /// The three models.
    public enum Kind: String, Sendable, CaseIterable {
        case simple = "ETS(A,N,N)"
        case trend = "ETS(A,A,N)"
        case dampedTrend = "ETS(A,Ad,N)"

        /// Smoothing parameters plus initial states.
        public var parameterCount: Int {
            switch self {
            case .simple: return 2
            case .trend: return 4
            case .dampedTrend: return 5
            }
        }

        /// Fewest observations: enough for the parameters, σ and the AICc correction (n > p + 2).
        public var minimumObservations: Int { parameterCount + 3 }
    }

    /// Smoothing parameters and initial states.
    public struct Parameters: Sendable, Equatable {
        public var alpha: Double
        public var beta: Double
        public var phi: Double
        public var level: Double
        public var trend: Double

        public init(alpha: Double, beta: Double = 0, phi: Double = 1, level: Double, trend: Double = 0) {
            self.alpha = alpha
            self.beta = beta
            self.phi = phi
            self.level = level
            self.trend = trend
        }
    }

    /// A fitted model.
    public struct Fit: Sendable {
        public let kind: Kind
        public let parameters: Parameters
        public let sse: Double
        public let observations: Int
        public let fitted: [Double]
        public let residuals: [Double]
        /// States after the last observation.
        public let finalLevel: Double
        public let finalTrend: Double

        /// Gaussian log-likelihood at σ² = SSE/n: −n/2 (log(2π SSE/n) + 1).
        public var logLikelihood: Double {
            let n = Double(observations)
            return -n / 2 * (log(2 * Double.pi * sse / n) + 1)
        }

        /// AICc with p parameters plus σ.
        public var aicc: Double {
            let k = Double(kind.parameterCount + 1), n = Double(observations)
            return -2 * logLikelihood + 2 * k + 2 * k * (k + 1) / (n - k - 1)
        }

        /// σ² = SSE / (n − p).
        public var innovationVariance: Double { sse / Double(observations - kind.parameterCount) }
    }

    /// One pass of the filter: one-step errors for the data, and the final states.
    @inline(__always)
    static func filter(_ y: UnsafeBufferPointer<Double>, alpha: Double, beta: Double, phi: Double, level: Double, trend: Double,
                       errors: UnsafeMutableBufferPointer<Double>?) -> (sse: Double, level: Double, trend: Double) {
        var l = level, b = trend, sse = 0.0
        for t in 0..<y.count {
            let forecast = l + phi * b
            let e = y[t] - forecast
            errors?[t] = e
            sse += e * e
            l = forecast + alpha * e
            b = phi * b + beta * e
        }
        return (sse, l, b)
    }

    /// The initial states minimising the SSE for given smoothing parameters, and that SSE.
    ///
    /// Errors are e = E₀ + l₀E₁ + b₀E₂ where E₀ runs the filter from zero states and E₁, E₂ are
    /// the responses to a unit initial level and trend with zero data; (l₀, b₀) solve the
    /// 2 × 2 (or 1 × 1) normal equations of that tiny, well-conditioned problem, and the SSE at
    /// the solution follows from the same sums, so one pass over the data serves both.
    static func concentrated(_ y: UnsafeBufferPointer<Double>, kind: Kind, alpha: Double, beta: Double, phi: Double) -> (parameters: Parameters, sse: Double) {
        let n = y.count
        var l0 = 0.0, b0 = 0.0          // E₀ states
        var l1 = 1.0, b1 = 0.0          // response to l₀ = 1
        var l2 = 0.0, b2 = 1.0          // response to b₀ = 1
        var s00 = 0.0, s11 = 0.0, s12 = 0.0, s22 = 0.0, s10 = 0.0, s20 = 0.0
        if kind == .simple {
            for t in 0..<n {
                let e0 = y[t] - l0, e1 = -l1
                s00 += e0 * e0; s11 += e1 * e1; s10 += e1 * e0
                l0 += alpha * e0; l1 += alpha * e1
            }
            let level = s11 > 0 ? -s10 / s11 : 0
            return (Parameters(alpha: alpha, beta: 0, phi: 1, level: level), max(0, s00 + level * s10))
        }
        for t in 0..<n {
            let f0 = l0 + phi * b0, e0 = y[t] - f0
            let f1 = l1 + phi * b1, e1 = -f1
            let f2 = l2 + phi * b2, e2 = -f2
            s00 += e0 * e0; s11 += e1 * e1; s10 += e1 * e0
            s12 += e1 * e2; s22 += e2 * e2; s20 += e2 * e0
            l0 = f0 + alpha * e0; b0 = phi * b0 + beta * e0
            l1 = f1 + alpha * e1; b1 = phi * b1 + beta * e1
            l2 = f2 + alpha * e2; b2 = phi * b2 + beta * e2
        }
        // Minimise ‖E₀ + l E₁ + b E₂‖²: [s11 s12; s12 s22][l; b] = −[s10; s20]; at the minimum
        // the SSE is s00 + l·s10 + b·s20.
        let determinant = s11 * s22 - s12 * s12
        guard determinant > 1e-14 * s11 * s22 else {
            let level = s11 > 0 ? -s10 / s11 : 0
            return (Parameters(alpha: alpha, beta: beta, phi: phi, level: level, trend: 0), max(0, s00 + level * s10))
        }
        let level = (-s10 * s22 + s20 * s12) / determinant
        let trend = (-s20 * s11 + s10 * s12) / determinant
        return (Parameters(alpha: alpha, beta: beta, phi: phi, level: level, trend: trend), max(0, s00 + level * s10 + trend * s20))
    }

    static func logistic(_ u: Double) -> Double { 1 / (1 + exp(-u)) }

    /// Smoothing parameters from unconstrained values: α ∈ [10⁻⁴, 1 − 10⁻⁴], β = r·α with
    /// r ∈ [0, 1], φ ∈ [0.8, 0.98]. Writing β as a share of α keeps the feasible set a box; the
    /// search starts from small, middle and large shares, since as α shrinks the surface flattens
    /// in r and a single start can be stranded.
    static func smoothing(_ u: SIMD4<Double>, kind: Kind) -> SIMD4<Double> {
        let alpha = 1e-4 + (1 - 2e-4) * logistic(u[0])
        switch kind {
        case .simple: return [alpha, 0, 1, 0]
        case .trend: return [alpha, logistic(u[1]), 1, 0]
        case .dampedTrend: return [alpha, logistic(u[1]), 0.8 + 0.18 * logistic(u[2]), 0]
        }
    }

    /// Bounds of (α, r, φ) on their own scale.
    static let lowerBounds = SIMD4<Double>(1e-4, 0, 0.8, 0)
    static let upperBounds = SIMD4<Double>(1 - 1e-4, 1, 0.98, 0)

    /// One sweep of golden-section searches over each parameter's full range on its own scale,
    /// the others held: the logistic scale flattens at the bounds, where the simplex stalls short
    /// of optima that lie on or next to a bound (α = 10⁻⁴, φ = 0.8 are common for short series).
    static func refineAlongBounds(_ start: SIMD4<Double>, dimensions: Int, sse: (SIMD4<Double>) -> Double) -> SIMD4<Double> {
        var best = start
        var bestValue = sse(best)
        let ratio = (5.0.squareRoot() - 1) / 2
        for coordinate in 0..<dimensions {
            var (a, b) = (lowerBounds[coordinate], upperBounds[coordinate])
            func at(_ x: Double) -> Double { var p = best; p[coordinate] = x; return sse(p) }
            var c = b - ratio * (b - a), d = a + ratio * (b - a)
            var fc = at(c), fd = at(d)
            for _ in 0..<40 {
                if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = at(c) } else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = at(d) }
            }
            for x in [a, b, (a + b) / 2, lowerBounds[coordinate], upperBounds[coordinate]] {
                let value = at(x)
                if value < bestValue { bestValue = value; best[coordinate] = x }
            }
        }
        return best
    }

    /// Fits `kind` to `y` (no missing values) by maximum likelihood.
    /// - Throws: `ForecastFailure.tooShort` below `kind.minimumObservations`, `.constant` for a flat series.
    public static func fit(_ y: [Double], kind: Kind) throws(ForecastFailure) -> Fit {
        guard !y.isEmpty else { throw .noData }
        guard y.count >= kind.minimumObservations else { throw .tooShort(observations: y.count, needed: kind.minimumObservations, model: kind.rawValue) }
        guard y.contains(where: { $0 != y[0] }) else { throw .constant }
        let best: Parameters = y.withUnsafeBufferPointer { data in
                func sse(_ p: SIMD4<Double>) -> Double {
                    concentrated(data, kind: kind, alpha: p[0], beta: p[0] * p[1], phi: p[2]).sse
                }
                func objective(_ u: SIMD4<Double>) -> Double { sse(smoothing(u, kind: kind)) }
                let dimensions = kind == .simple ? 1 : kind == .trend ? 2 : 3
                // Starts spread over α (low, middle, high smoothing), β as a small, middle and large
                // share of α, φ low, middle and high.
                let starts: [SIMD4<Double>]
                switch kind {
                case .simple: starts = [[-2, 0, 0, 0], [0, 0, 0, 0], [2, 0, 0, 0]]
                case .trend: starts = [[-2, -5, 0, 0], [0, -5, 0, 0], [2, -5, 0, 0], [-4, 4, 0, 0], [0, 0, 0, 0]]
                case .dampedTrend: starts = [[-2, -5, -2, 0], [0, -5, 0, 0], [2, -5, 2, 0], [-4, 4, 2, 0], [0, 0, -2, 0]]
                }
                var bestPoint = starts[0], bestValue = Double.infinity
                for start in starts {
                    let result = NelderMead.minimize(objective, start: start, dimensions: dimensions, step: 1, tolerance: 1e-9, maxEvaluations: 400 * dimensions)
                    if result.value < bestValue { bestValue = result.value; bestPoint = result.point }
                }
                let polished = NelderMead.minimize(objective, start: bestPoint, dimensions: dimensions, step: 0.1, tolerance: 1e-14, maxEvaluations: 400 * dimensions)
                if polished.value < bestValue { bestPoint = polished.point }
                var parameters = smoothing(bestPoint, kind: kind)
                // Near a bound (within 1% of a range), finish on the parameters' own scale.
                let position = (parameters - lowerBounds) / (upperBounds - lowerBounds + SIMD4(0, 0, 0, 1))
                if (0..<dimensions).contains(where: { position[$0] < 0.01 || position[$0] > 0.99 }) {
                    parameters = refineAlongBounds(parameters, dimensions: dimensions, sse: sse)
                }
                return concentrated(data, kind: kind, alpha: parameters[0], beta: parameters[0] * parameters[1], phi: parameters[2]).parameters
        }
        return fit(y, kind: kind, parameters: best)
    }

    /// The model with the given parameters (no estimation): fitted values, residuals, SSE, final states.
    public static func fit(_ y: [Double], kind: Kind, parameters: Parameters) -> Fit {
        var errors = [Double](repeating: 0, count: y.count)
        let phi = kind == .dampedTrend ? parameters.phi : 1
        let (beta, trend) = kind == .simple ? (0.0, 0.0) : (parameters.beta, parameters.trend)
        let result = y.withUnsafeBufferPointer { data in
            errors.withUnsafeMutableBufferPointer { buffer in
                filter(data, alpha: parameters.alpha, beta: beta, phi: phi, level: parameters.level, trend: trend, errors: buffer)
            }
        }
        var used = parameters
        used.phi = phi
        used.beta = beta
        used.trend = trend
        return Fit(kind: kind, parameters: used, sse: result.sse, observations: y.count,
                   fitted: zip(y, errors).map { $0 - $1 }, residuals: errors, finalLevel: result.level, finalTrend: result.trend)
    }

    /// Forecasts h steps ahead with analytic intervals (HKOS 2008, class 1):
    /// var_h = σ² (1 + Σ_{j<h} c_j²), c_j = α (A,N,N), α + βj (A,A,N), α + βφ(1 − φʲ)/(1 − φ) (A,Ad,N).
    public static func forecast(_ fit: Fit, horizon: Int, levels: [Double]) -> Forecast {
        let p = fit.parameters
        var points: [Double] = []
        var variances: [Double] = []
        var phiSum = 0.0, phiPower = 1.0, cumulative = 0.0
        let sigma2 = fit.innovationVariance
        for h in 1...max(1, horizon) {
            phiPower *= p.phi
            phiSum += phiPower
            switch fit.kind {
            case .simple: points.append(fit.finalLevel)
            case .trend: points.append(fit.finalLevel + Double(h) * fit.finalTrend)
            case .dampedTrend: points.append(fit.finalLevel + phiSum * fit.finalTrend)
            }
            variances.append(sigma2 * (1 + cumulative))
            let j = Double(h)
            let c: Double
            switch fit.kind {
            case .simple: c = p.alpha
            case .trend: c = p.alpha + p.beta * j
            case .dampedTrend: c = p.alpha + p.beta * p.phi * (1 - pow(p.phi, j)) / (1 - p.phi)
            }
            cumulative += c * c
        }
        var parameters: [(name: String, value: Double)] = [("alpha", p.alpha)]
        if fit.kind != .simple { parameters.append(("beta", p.beta)) }
        if fit.kind == .dampedTrend { parameters.append(("phi", p.phi)) }
        parameters.append(("l0", p.level))
        if fit.kind != .simple { parameters.append(("b0", p.trend)) }
        parameters.append(("sigma2", sigma2))
        parameters.append(("loglik", fit.logLikelihood))
        return .symmetric(method: fit.kind.rawValue, points: Array(points.prefix(horizon)), variances: Array(variances.prefix(horizon)), levels: levels,
                       fitted: fit.fitted, residuals: fit.residuals, parameters: parameters, aicc: fit.aicc, observations: fit.observations)
    }
}
