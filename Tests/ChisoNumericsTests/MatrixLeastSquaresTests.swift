import ChisoApproximation
import ChisoNumerics
import ChisoTestSupport
import Testing

/// The LAPACK link: least squares by Householder QR (`dgels`) against hand-computed fits.
struct MatrixLeastSquaresTests {
    /// y = a + b·x on (0,1), (1,2), (2,2), (3,4): x̄ = 1.5, ȳ = 2.25, Sxy = 4.5, Sxx = 5,
    /// so b = 0.9 and a = 2.25 − 0.9·1.5 = 0.9. The second right-hand side, 2 + 3x, is fitted exactly.
    @Test func lineThroughFourPointsAndAnExactLineInOneCall() throws {
        let design = Matrix(rowMajor: [[1, 0], [1, 1], [1, 2], [1, 3]])
        let responses = Matrix(rowMajor: [[1, 2], [2, 5], [2, 8], [4, 11]])
        let solution = try design.leastSquaresSolution(for: responses)
        #expect(agree(solution[0, 0], 0.9, relative: 1e-14))
        #expect(agree(solution[1, 0], 0.9, relative: 1e-14))
        #expect(agree(solution[0, 1], 2, relative: 1e-14))
        #expect(agree(solution[1, 1], 3, relative: 1e-14))
    }

    @Test func aRepeatedColumnIsReportedAsRankDeficient() {
        let design = Matrix(rowMajor: [[1, 2, 2], [1, 3, 3], [1, 5, 5], [1, 7, 7]])
        #expect(throws: LinearAlgebraError.rankDeficient(column: 2, columns: 3)) {
            try design.leastSquaresSolution(for: Matrix(column: [1, 2, 3, 4]))
        }
    }

    @Test func fewerObservationsThanUnknownsIsRefused() {
        let design = Matrix(rowMajor: [[1, 2, 3]])
        #expect(throws: LinearAlgebraError.underdetermined(rows: 1, columns: 3)) {
            try design.leastSquaresSolution(for: Matrix(column: [1]))
        }
    }
}
