import ArgumentParser
import ChisoAnalysis
import ChisoNumerics

extension CovarianceEstimator: ExpressibleByArgument {}
extension FixedEffects: ExpressibleByArgument {}

/// `chiso regress`: least squares with full inference.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Linear regression by QR with refinement: coefficients, standard errors, t, p, confidence intervals and a summary.",
        discussion: """
        The data are a CSV file with one column per variable (numbers read exactly as written), or \
        bundled datasets joined by unit and period (`par,sipas`). Rows with a missing value in a \
        variable of the model are left out and counted. Example: \
        chiso regress Filip.csv --y y --poly x:10 --format csv
        """)

    @Argument(help: "A CSV file of variables, or bundled dataset names separated by commas.")
    var dataset: String

    @Option(help: "The response variable.")
    var y: String

    @Option(help: "Regressors, comma-separated or repeated.")
    var x: [String] = []

    @Option(help: "A variable of weights for weighted least squares.")
    var weights: String?

    @Flag(name: .customLong("no-intercept"), help: "Fit without an intercept (R² is then uncentred).")
    var noIntercept = false

    @Option(name: .customLong("fixed-effects"), help: "Add dummies for each unit or each period (the first level is the reference).")
    var fixedEffects: FixedEffects?

    @Option(help: "Covariance: classical, hc0, hc1, hc2, hc3, or cluster (by unit).")
    var robust: CovarianceEstimator = .classical

    @Option(help: "Enter X as a polynomial of degree k: X:k adds X, X^2, …, X^k (repeatable).")
    var poly: [String] = []

    @Option(help: "Confidence level of the intervals.")
    var level: Double = 0.95

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    /// `--poly` values as (variable, degree).
    var polynomials: [(variable: String, degree: Int)] {
        poly.compactMap { text in
            guard let colon = text.lastIndex(of: ":"), let degree = Int(text[text.index(after: colon)...]) else { return nil }
            return (String(text[..<colon]), degree)
        }
    }

    func validate() throws {
        if polynomials.count != poly.count || polynomials.contains(where: { $0.degree < 1 || $0.degree > 20 }) {
            throw ValidationError("--poly takes VARIABLE:DEGREE with a degree from 1 to 20, e.g. --poly x:10")
        }
        if splitList(x).isEmpty && poly.isEmpty && fixedEffects == nil {
            throw ValidationError("give the regressors with --x (or --poly, --fixed-effects)")
        }
        if !(level > 0 && level < 1) { throw ValidationError("--level must be between 0 and 1, such as 0.95") }
    }

    func run() throws {
        let session = try DataSession(input)
        let table = try session.loadVariables(dataset)
        let outcome = try VariableAnalysis.regress(table, RegressRequest(
            response: y, regressors: splitList(x), weights: weights, intercept: !noIntercept, fixedEffects: fixedEffects,
            covariance: robust, polynomials: polynomials, level: level))
        if !input.quiet && [.csv, .json].contains(output.resolvedFormat) {
            for line in outcome.summary { Diagnostics.note(line.text(output.lang)) }
        }
        try output.emit(outcome.table, numbers: input.numberStyle)
    }
}
