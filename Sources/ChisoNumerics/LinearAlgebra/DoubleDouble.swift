/// A number held as an unevaluated sum hi + lo of two doubles (about 32 significant digits),
/// with the error-free transformations it is built on (Dekker 1971; Ogita, Rump & Oishi 2005).
///
/// Refinement of least-squares solutions needs residuals more accurate than the data's own
/// precision: in NIST's Filip problem the terms of y − Xb cancel through 13 digits, so even
/// `Float80` (19 digits) leaves only 6 correct digits in the residual, while double-double leaves 19.
public struct DoubleDouble: Sendable, Equatable {
    public var hi: Double
    public var lo: Double

    public init(_ value: Double) {
        hi = value
        lo = 0
    }

    init(hi: Double, lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    /// The nearest double.
    public var value: Double { hi + lo }

    /// s + e = a + b exactly.
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// p + e = a · b exactly (with a fused multiply-add).
    @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    /// a + b with the low parts carried.
    public static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (s, e) = twoSum(a.hi, b.hi)
        let low = e + a.lo + b.lo
        let hi = s + low
        return DoubleDouble(hi: hi, lo: low - (hi - s))
    }

    /// −a.
    public static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(hi: -a.hi, lo: -a.lo)
    }

    /// a · b to about 32 digits.
    public static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (p, e) = twoProduct(a.hi, b.hi)
        let low = e + (a.hi * b.lo + a.lo * b.hi)
        let hi = p + low
        return DoubleDouble(hi: hi, lo: low - (hi - p))
    }

    /// a / b to about 32 digits (one correction of the double quotient).
    public static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        let remainder = a + -(b * DoubleDouble(q1))
        let q2 = remainder.hi / b.hi
        let hi = q1 + q2
        return DoubleDouble(hi: hi, lo: q2 - (hi - q1))
    }

    /// xⁿ by repeated multiplication (n ≥ 0).
    public func power(_ n: Int) -> DoubleDouble {
        var result = DoubleDouble(1)
        for _ in 0..<n { result = result * self }
        return result
    }

    /// The value of a plain decimal numeral (`-6.860120914`, `1.5e-3`) to about 32 digits, so
    /// that data written in decimal is fitted as written and not as its binary rounding.
    /// Returns nil for anything else.
    public init?(decimal text: String) {
        var mantissa = DoubleDouble(0)
        var negative = false
        var decimals = 0
        var exponent = 0
        var sawDigit = false
        var afterPoint = false
        var characters = Substring(text)
        if let first = characters.first, first == "-" || first == "+" {
            negative = first == "-"
            characters = characters.dropFirst()
        }
        while let c = characters.first {
            if let digit = c.wholeNumberValue, c.isASCII {
                mantissa = mantissa * DoubleDouble(10) + DoubleDouble(Double(digit))
                if afterPoint { decimals += 1 }
                sawDigit = true
            } else if c == "." && !afterPoint {
                afterPoint = true
            } else if c == "e" || c == "E" {
                guard let e = Int(characters.dropFirst()) else { return nil }
                exponent = e
                characters = ""
                break
            } else {
                return nil
            }
            characters = characters.dropFirst()
        }
        guard sawDigit else { return nil }
        let scale = exponent - decimals
        let ten = DoubleDouble(10).power(abs(scale))
        var value = scale >= 0 ? mantissa * ten : mantissa / ten
        if negative { value = -value }
        self = value
    }

    /// Adds a double, keeping the result normalised.
    @inline(__always) public mutating func add(_ x: Double) {
        let (s, e) = Self.twoSum(hi, x)
        let low = e + lo
        hi = s + low
        lo = low - (hi - s)
    }
}

/// A sum accumulated with every rounding error kept aside (Ogita–Rump–Oishi `Sum2`/`Dot2`):
/// the result is as accurate as if computed in twice the working precision, then rounded.
public struct CompensatedSum: Sendable {
    private var sum: Double
    private var compensation: Double

    public init(_ start: Double = 0) {
        sum = start
        compensation = 0
    }

    /// Adds x.
    @inline(__always) public mutating func add(_ x: Double) {
        let (s, e) = DoubleDouble.twoSum(sum, x)
        sum = s
        compensation += e
    }

    /// Adds a double-double.
    @inline(__always) public mutating func add(_ x: DoubleDouble) {
        add(x.hi)
        compensation += x.lo
    }

    /// Adds a · b.
    @inline(__always) public mutating func addProduct(_ a: Double, _ b: Double) {
        let (p, e) = DoubleDouble.twoProduct(a, b)
        add(p)
        compensation += e
    }

    /// Adds a · b where b is a double-double.
    @inline(__always) public mutating func addProduct(_ a: Double, _ b: DoubleDouble) {
        addProduct(a, b.hi)
        compensation += a * b.lo
    }

    /// The sum rounded to a double.
    public var value: Double { sum + compensation }

    /// The sum as a double-double.
    public var doubleDouble: DoubleDouble {
        let (s, e) = DoubleDouble.twoSum(sum, compensation)
        return DoubleDouble(hi: s, lo: e)
    }
}
