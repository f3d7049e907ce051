import Foundation

/// `x` rounded to `digits` significant decimal digits.
///
/// Differences of decimal data carry binary noise (92.18 − 90.10 = 2.0800000000000125);
/// rounding the difference to 12 significant digits gives back the decimal result (2.08)
/// while keeping far more precision than any published index has.
public func roundedToSignificantDigits(_ x: Double, _ digits: Int = 12) -> Double {
    guard x.isFinite, x != 0 else { return x }
    return Double(String(format: "%.\(digits)g", x)) ?? x
}
