import ChisoCore
import ChisoIO
import ChisoNumerics

/// Fixed effects added as dummy columns.
public enum FixedEffects: String, Sendable, CaseIterable {
    /// One dummy per unit but the first.
    case unit
    /// One dummy per period but the first.
    case period
}

/// The model to fit.
public struct RegressRequest: Sendable {
    /// The response variable.
    public var response: String
    /// The explanatory variables.
    public var regressors: [String]
    /// A variable of weights, for weighted least squares.
    public var weights: String?
    /// Whether the model has a constant.
    public var intercept: Bool
    /// Unit or period dummies, when asked for.
    public var fixedEffects: FixedEffects?
    /// The estimator of the coefficients' covariance.
    public var covariance: CovarianceEstimator
    /// Variables entered as polynomials: x, x², …, x^degree.
    public var polynomials: [(variable: String, degree: Int)]
    /// Confidence level of the coefficient intervals, 0–1.
    public var level: Double

    /// A regression of `response` on `regressors`.
    public init(response: String, regressors: [String], weights: String? = nil, intercept: Bool = true, fixedEffects: FixedEffects? = nil,
                covariance: CovarianceEstimator = .classical, polynomials: [(variable: String, degree: Int)] = [], level: Double = 0.95) {
        self.response = response
        self.regressors = regressors
        self.weights = weights
        self.intercept = intercept
        self.fixedEffects = fixedEffects
        self.covariance = covariance
        self.polynomials = polynomials
        self.level = level
    }
}

/// A regression request that the table cannot serve.
public enum RegressError: ReportableError, Equatable {
    /// No variable of that name.
    case unknownVariable(name: String, source: String, available: [String])
    /// The variable holds text, not numbers.
    case textVariable(name: String, source: String)
    /// Unit fixed effects or clusters need a unit column.
    case needsUnits(what: String, source: String)
    /// Period fixed effects need a period column.
    case needsPeriods(source: String)

    public var description: String {
        switch self {
        case let .unknownVariable(name, source, available):
            return "\(source) has no variable '\(name)'; variables: \(available.joined(separator: ", "))"
        case let .textVariable(name, source):
            return "\(source): column '\(name)' holds text, not numbers; it cannot enter a regression"
        case let .needsUnits(what, source):
            return "\(what) needs a unit column, and \(source) has none; add a 'unit' column"
        case let .needsPeriods(source):
            return "period fixed effects need a period column, and \(source) has none; add a 'period' column"
        }
    }
}

/// A fitted regression and what was left out to fit it.
public struct RegressResult: Sendable {
    /// The fit with its inference.
    public let result: LinearRegressionResult
    /// The file or datasets the variables came from.
    public let source: String
    /// The response variable.
    public let response: String
    /// Rows dropped because a variable of the model was missing.
    public let droppedRows: Int
}

extension VariableAnalysis {
    /// Fits `request` on `table`: builds the design (intercept, regressors, polynomial powers formed in
    /// double-double, fixed-effect dummies dropping the first level), drops rows with a missing
    /// value in any variable of the model (and counts them), and fits by QR with refinement.
    public static func regress(_ table: VariableTable, _ request: RegressRequest) throws -> RegressResult {
        /// The variable's name as the table writes it, and its values.
        func variable(_ name: String) throws -> (name: String, values: [DoubleDouble]) {
            if let index = table.column(named: name) { return (table.names[index], table.columns[index]) }
            if table.textColumns.contains(where: { NameFolding.key($0) == NameFolding.key(name) }) {
                throw RegressError.textVariable(name: name, source: table.source)
            }
            throw RegressError.unknownVariable(name: name, source: table.source, available: table.names)
        }
        let y = try variable(request.response).values
        var terms: [String] = []
        var columns: [[DoubleDouble]] = []
        if request.intercept {
            terms.append("const")
            columns.append([DoubleDouble](repeating: DoubleDouble(1), count: table.rowCount))
        }
        let polynomialKeys = Set(request.polynomials.map { NameFolding.key($0.variable) })
        for name in request.regressors where !polynomialKeys.contains(NameFolding.key(name)) {
            let (written, values) = try variable(name)
            terms.append(written)
            columns.append(values)
        }
        for (name, degree) in request.polynomials {
            let (written, x) = try variable(name)
            for power in 1...max(1, degree) {
                terms.append(power == 1 ? written : "\(written)^\(power)")
                columns.append(x.map { $0.power(power) })
            }
        }
        let weights = try request.weights.map { try variable($0).values.map(\.value) }
        let labels: [String]?
        switch request.fixedEffects {
        case .unit?: guard let units = table.units else { throw RegressError.needsUnits(what: "unit fixed effects", source: table.source) }; labels = units
        case .period?: guard let periods = table.periods else { throw RegressError.needsPeriods(source: table.source) }; labels = periods
        case nil: labels = nil
        }
        if request.covariance == .cluster && table.units == nil {
            throw RegressError.needsUnits(what: "cluster-robust standard errors", source: table.source)
        }
        // Complete cases.
        let keep = (0..<table.rowCount).filter { row in
            !y[row].hi.isNaN && columns.allSatisfy { !$0[row].hi.isNaN } && (weights.map { !$0[row].isNaN } ?? true)
        }
        if let labels {
            var levels: [String] = []
            for row in keep where !levels.contains(labels[row]) { levels.append(labels[row]) }
            for level in levels.dropFirst() {
                terms.append("\(request.fixedEffects!.rawValue)[\(level)]")
                columns.append(labels.map { DoubleDouble($0 == level ? 1 : 0) })
            }
        }
        var problem = LinearRegressionProblem(
            columns: columns.map { c in keep.map { c[$0] } }, response: keep.map { y[$0] }, terms: terms,
            hasIntercept: request.intercept || request.fixedEffects != nil, weights: weights.map { w in keep.map { w[$0] } })
        if let units = table.units {
            var ids: [String: Int] = [:]
            for row in keep where ids[units[row]] == nil { ids[units[row]] = ids.count }
            problem.clusters = keep.map { ids[units[$0]]! }
        }
        let result = try LinearRegression.fit(problem, covariance: request.covariance, level: request.level)
        return RegressResult(result: result, source: table.source, response: request.response, droppedRows: table.rowCount - keep.count)
    }
}
