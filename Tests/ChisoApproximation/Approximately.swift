import RealModule

/// Whether `a` and `b` agree to a relative tolerance (swift-numerics' `isApproximatelyEqual`),
/// treating two NaNs as equal (both "not observed").
package func agree(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    if a.isNaN && b.isNaN { return true }
    return a.isApproximatelyEqual(to: b, relativeTolerance: tolerance)
}
