/// The Nelder–Mead simplex method (Nelder & Mead 1965, with the standard coefficients
/// reflection 1, expansion 2, contraction ½, shrink ½) for minimising a function of a few
/// unconstrained variables. Bounded parameters are optimised on a transformed scale by the caller.
public enum NelderMead {
    /// The best point found and its value.
    public struct Result: Sendable {
        public let point: [Double]
        public let value: Double
        public let evaluations: Int
    }

    /// Minimises `f` from `start` with an initial simplex of side `step`.
    ///
    /// Stops when the values at the simplex vertices differ by less than `tolerance` (absolute
    /// plus relative to the best value) or after `maxEvaluations`.
    public static func minimize(_ f: ([Double]) -> Double, start: [Double], step: Double = 0.5,
                                tolerance: Double = 1e-10, maxEvaluations: Int = 2000) -> Result {
        let d = start.count
        var simplex = [start]
        for i in 0..<d {
            var vertex = start
            vertex[i] += step
            simplex.append(vertex)
        }
        var values = simplex.map(f)
        var evaluations = simplex.count
        func safe(_ x: Double) -> Double { x.isNaN ? .infinity : x }
        values = values.map(safe)
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if abs(values[d] - values[0]) <= tolerance * (1 + abs(values[0])) { break }
            var centroid = [Double](repeating: 0, count: d)
            for vertex in simplex.dropLast() { for i in 0..<d { centroid[i] += vertex[i] / Double(d) } }
            func along(_ t: Double) -> [Double] { (0..<d).map { centroid[$0] + t * (simplex[d][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let reflectedValue = safe(f(reflected)); evaluations += 1
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = safe(f(expanded)); evaluations += 1
                if expandedValue < reflectedValue { simplex[d] = expanded; values[d] = expandedValue } else { simplex[d] = reflected; values[d] = reflectedValue }
            } else if reflectedValue < values[d - 1] {
                simplex[d] = reflected; values[d] = reflectedValue
            } else {
                let outside = reflectedValue < values[d]
                let contracted = along(outside ? -0.5 : 0.5)
                let contractedValue = safe(f(contracted)); evaluations += 1
                if contractedValue < (outside ? reflectedValue : values[d]) {
                    simplex[d] = contracted; values[d] = contractedValue
                } else {
                    for v in 1...d {
                        simplex[v] = (0..<d).map { simplex[0][$0] + 0.5 * (simplex[v][$0] - simplex[0][$0]) }
                        values[v] = safe(f(simplex[v])); evaluations += 1
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Result(point: simplex[best], value: values[best], evaluations: evaluations)
    }
}
