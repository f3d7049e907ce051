import ChisoNumerics
import Testing

/// The BLAS link: `dgemm` against products computed by hand.
struct MatrixBLASTests {
    @Test func productOfTwoByThreeAndThreeByTwo() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        let b = Matrix(rowMajor: [[7, 8], [9, 10], [11, 12]])
        // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
        #expect(a * b == Matrix(rowMajor: [[58, 64], [139, 154]]))
    }

    @Test func transposedLeftFactorGivesTheGramMatrix() {
        let x = Matrix(rowMajor: [[1, 0], [1, 1], [1, 2]])
        // XᵀX = [3, 3; 3, 5]
        #expect(x.multiplied(transposed: true, by: x) == Matrix(rowMajor: [[3, 3], [3, 5]]))
    }

    @Test func columnMajorLayoutAndColumns() {
        let m = Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
        #expect(m.elements == [1, 3, 5, 2, 4, 6])
        #expect(m.column(1) == [2, 4, 6])
        #expect(m[2, 0] == 5)
    }
}
