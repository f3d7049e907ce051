import ChisoApproximation
import ChisoAnalysis
import ChisoIO
import ChisoNumerics
import ChisoTestSupport
import Foundation
import Testing

struct RegressTests {
    func table(_ csv: String, _ options: ReadOptions = ReadOptions()) throws -> VariableTable {
        try VariableTable.read(path: try Fixtures.temporaryFile("vars.csv", csv), options: options)
    }

    @Test func readsDecimalCommasExactlyAndDropsIncompleteRows() throws {
        let t = try table("tỉnh;vùng;y;x\nHà Nội;ĐBSH;1,5;1\nHuế;BTB;2,5;2\nCần Thơ;ĐBSCL;;3\nAn Giang;ĐBSCL;4,75;4\n")
        #expect(t.names == ["y", "x"])
        #expect(t.textColumns == ["vùng"])
        #expect(t.units == ["Hà Nội", "Huế", "Cần Thơ", "An Giang"])
        let outcome = try VariableAnalysis.regress(t, RegressRequest(response: "y", regressors: ["x"]))
        #expect(outcome.droppedRows == 1)
        #expect(outcome.result.observations == 3)
        // Through (1, 1.5), (2, 2.5), (4, 4.75): x̄ = 7/3, ȳ = 35/12, Sxy = 5.1666…, Sxx = 4.6666…
        let slope = (1.5 * 1 + 2.5 * 2 + 4.75 * 4 - 3 * (7.0 / 3) * (35.0 / 12)) / (1 + 4 + 16 - 3 * (7.0 / 3) * (7.0 / 3))
        #expect(agree(outcome.result.coefficients[1], slope, relative: 1e-13))
    }

    /// With unit fixed effects the slope is the within-unit slope: demeaning y and x by unit.
    @Test func unitFixedEffectsGiveTheWithinSlope() throws {
        let csv = "unit,period,y,x\nA,1,1,1\nA,2,3,2\nA,3,4,4\nB,1,10,1\nB,2,11,3\nB,3,14,5\nC,1,5,2\nC,2,5,3\nC,3,8,4\n"
        let outcome = try VariableAnalysis.regress(try table(csv), RegressRequest(response: "y", regressors: ["x"], fixedEffects: .unit))
        #expect(outcome.result.terms == ["const", "x", "unit[B]", "unit[C]"])
        let rows: [(String, Double, Double)] = [("A", 1, 1), ("A", 3, 2), ("A", 4, 4), ("B", 10, 1), ("B", 11, 3), ("B", 14, 5), ("C", 5, 2), ("C", 5, 3), ("C", 8, 4)]
        var sxy = 0.0, sxx = 0.0
        for unit in ["A", "B", "C"] {
            let group = rows.filter { $0.0 == unit }
            let (my, mx) = (group.map(\.1).reduce(0, +) / 3, group.map(\.2).reduce(0, +) / 3)
            for (_, y, x) in group { sxy += (y - my) * (x - mx); sxx += (x - mx) * (x - mx) }
        }
        #expect(agree(outcome.result.coefficients[1], sxy / sxx, relative: 1e-13))
        let clustered = try VariableAnalysis.regress(try table(csv), RegressRequest(response: "y", regressors: ["x"], covariance: .cluster))
        #expect(clustered.result.inferenceDegreesOfFreedom == 2)
    }

    @Test func joinsBundledPanelsByUnitAndPeriod() throws {
        let library = DatasetLibrary(root: Fixtures.datasetsFolder)
        let registry = try Fixtures.registry()
        let par = try library.loadPanel("par", registry: registry).0
        let sipas = try library.loadPanel("sipas", registry: registry).0
        let joined = VariableTable.joining([par, sipas])
        #expect(joined.names.first == "PAR_INDEX")
        #expect(joined.names.contains("SIPAS"))
        let outcome = try VariableAnalysis.regress(joined, RegressRequest(response: "SIPAS", regressors: ["PAR_INDEX"]))
        // Province-years with both a PAR INDEX and a SIPAS value.
        let parIndex = joined.column(named: "PAR_INDEX")!, sipasIndex = joined.column(named: "SIPAS")!
        let both = (0..<joined.rowCount).filter { !joined.columns[parIndex][$0].hi.isNaN && !joined.columns[sipasIndex][$0].hi.isNaN }.count
        #expect(outcome.result.observations == both)
        #expect(both > 40)
    }

    @Test func badRequestsNameTheVariable() throws {
        let t = try table("unit,y,x,region,flat\nA,1,1,north,5\nB,2,2,south,5\nC,2.5,3,south,5\nD,4.5,4,north,5\n")
        #expect(throws: RegressError.unknownVariable(name: "z", source: t.source, available: ["y", "x", "flat"])) {
            try VariableAnalysis.regress(t, RegressRequest(response: "y", regressors: ["z"]))
        }
        #expect(throws: RegressError.textVariable(name: "region", source: t.source)) {
            try VariableAnalysis.regress(t, RegressRequest(response: "y", regressors: ["region"]))
        }
        #expect(throws: RegressionError.rankDeficient(column: "flat", columns: ["const", "x", "flat"])) {
            try VariableAnalysis.regress(t, RegressRequest(response: "y", regressors: ["x", "flat"]))
        }
        #expect(throws: RegressionError.tooFewObservations(observations: 4, parameters: 4)) {
            try VariableAnalysis.regress(t, RegressRequest(response: "y", regressors: [], polynomials: [("x", 3)]))
        }
        #expect(throws: RegressError.needsPeriods(source: t.source)) {
            try VariableAnalysis.regress(t, RegressRequest(response: "y", regressors: ["x"], fixedEffects: .period))
        }
    }
}
