/// A failure of a linear-algebra routine caused by the data, not by the caller's code.
///
/// The analysis layer relabels column indices with indicator names.
public enum LinearAlgebraError: ReportableError, Equatable {
    /// The design matrix does not have full column rank; `column` is the first
    /// (0-based) column whose diagonal element of R is exactly zero.
    case rankDeficient(column: Int, columns: Int)
    /// The system has fewer rows than unknowns.
    case underdetermined(rows: Int, columns: Int)
    /// LAPACK reported an illegal argument (a defect in the wrapper).
    case illegalArgument(routine: String, position: Int)
    /// An iterative LAPACK routine (the SVD) did not converge.
    case noConvergence(routine: String)

    public var description: String {
        switch self {
        case let .rankDeficient(column, columns):
            return "the design is rank deficient: column \(column + 1) of \(columns) is a linear combination of the others; drop it or combine the collinear columns"
        case let .underdetermined(rows, columns):
            return "the system has \(rows) observations for \(columns) unknowns; at least \(columns) observations are needed"
        case let .noConvergence(routine):
            return "\(routine) did not converge; the data may hold infinite or extreme values"
        case let .illegalArgument(routine, position):
            return "\(routine) rejected argument \(position) (internal error)"
        }
    }
}
