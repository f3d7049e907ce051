/// The Nelder–Mead simplex method (Nelder & Mead 1965, with the standard coefficients
/// reflection 1, expansion 2, contraction ½, shrink ½) for minimising a function of up to four
/// unconstrained variables. Bounded parameters are optimised on a transformed scale by the caller.
///
/// Points are `SIMD4<Double>` (unused lanes stay zero), so a minimisation allocates nothing: the
/// exponential-smoothing fits call it tens of thousands of times.
public enum NelderMead {
    /// The best point found and its value.
    public struct Result: Sendable {
        public let point: SIMD4<Double>
        public let value: Double
        public let evaluations: Int
    }

    /// Minimises `f` over the first `dimensions` lanes from `start`, with an initial simplex of side `step`.
    ///
    /// Stops when the values at the simplex vertices differ by less than `tolerance` (absolute
    /// plus relative to the best value) or after `maxEvaluations`.
    public static func minimize(_ f: (SIMD4<Double>) -> Double, start: SIMD4<Double>, dimensions d: Int, step: Double = 0.5,
                                tolerance: Double = 1e-10, maxEvaluations: Int = 2000) -> Result {
        precondition((1...4).contains(d), "Nelder–Mead here handles 1 to 4 dimensions")
        func safe(_ x: Double) -> Double { x.isNaN ? .infinity : x }
        var points = (start, start, start, start, start)
        withUnsafeMutableBytes(of: &points) { raw in
            let p = raw.bindMemory(to: SIMD4<Double>.self)
            for i in 0..<d { p[i + 1][i] += step }
        }
        var values: SIMD8<Double> = .zero
        var evaluations = 0
        return withUnsafeMutableBytes(of: &points) { raw -> Result in
            let p = raw.bindMemory(to: SIMD4<Double>.self)
            for i in 0...d { values[i] = safe(f(p[i])); evaluations += 1 }
            var order = (0, 1, 2, 3, 4)
            while evaluations < maxEvaluations {
                // Sort the d + 1 vertices by value (insertion sort on at most five indices).
                withUnsafeMutableBytes(of: &order) { orderRaw in
                    let o = orderRaw.bindMemory(to: Int.self)
                    for i in 0...d { o[i] = i }
                    for i in 1...d {
                        var j = i
                        while j > 0 && values[o[j]] < values[o[j - 1]] { o.swapAt(j, j - 1); j -= 1 }
                    }
                }
                let (best, worst, secondWorst) = withUnsafeBytes(of: order) { o -> (Int, Int, Int) in
                    let index = o.bindMemory(to: Int.self)
                    return (index[0], index[d], index[d - 1])
                }
                if abs(values[worst] - values[best]) <= tolerance * (1 + abs(values[best])) { break }
                var centroid = SIMD4<Double>.zero
                for i in 0...d where i != worst { centroid += p[i] }
                centroid /= Double(d)
                let direction = p[worst] - centroid
                let reflected = centroid - direction
                let reflectedValue = safe(f(reflected)); evaluations += 1
                if reflectedValue < values[best] {
                    let expanded = centroid - 2 * direction
                    let expandedValue = safe(f(expanded)); evaluations += 1
                    if expandedValue < reflectedValue { p[worst] = expanded; values[worst] = expandedValue } else { p[worst] = reflected; values[worst] = reflectedValue }
                } else if reflectedValue < values[secondWorst] {
                    p[worst] = reflected; values[worst] = reflectedValue
                } else {
                    let outside = reflectedValue < values[worst]
                    let contracted = centroid + (outside ? -0.5 : 0.5) * direction
                    let contractedValue = safe(f(contracted)); evaluations += 1
                    if contractedValue < (outside ? reflectedValue : values[worst]) {
                        p[worst] = contracted; values[worst] = contractedValue
                    } else {
                        for i in 0...d where i != best {
                            p[i] = p[best] + 0.5 * (p[i] - p[best])
                            values[i] = safe(f(p[i])); evaluations += 1
                        }
                    }
                }
            }
            var bestIndex = 0
            for i in 1...d where values[i] < values[bestIndex] { bestIndex = i }
            return Result(point: p[bestIndex], value: values[bestIndex], evaluations: evaluations)
        }
    }
}
