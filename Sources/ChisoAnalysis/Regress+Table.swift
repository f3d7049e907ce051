import ChisoCore
import ChisoNumerics
import ChisoOutput
import Foundation

extension RegressResult {
    /// The coefficient table: term, estimate, standard error, t, p and the confidence interval.
    public var table: Table {
        let r = result
        let percent = Int((r.level * 100).rounded())
        let rows: [[Table.Cell]] = r.terms.indices.map { j in
            [.text(r.terms[j]), .number(r.coefficients[j], precision: 6), .number(r.standardErrors[j], precision: 6),
             .number(r.tStatistics[j], precision: 3), .number(r.pValues[j], precision: 4),
             .number(r.confidenceLower[j], precision: 6), .number(r.confidenceUpper[j], precision: 6)]
        }
        let covariance = r.covarianceEstimator == .classical ? "" : ", \(r.covarianceEstimator.rawValue) standard errors"
        return Table(
            title: LocalizedText(vi: "\(r.method): \(response) theo \(r.terms.filter { $0 != "const" }.joined(separator: ", ")) — \(source)\(covariance)",
                                 en: "\(r.method): \(response) on \(r.terms.filter { $0 != "const" }.joined(separator: ", ")) — \(source)\(covariance)"),
            columns: [
                Table.Column("term", LocalizedText(vi: "Biến", en: "Term"), alignment: .left),
                Table.Column("estimate", LocalizedText(vi: "Hệ số", en: "Estimate")),
                Table.Column("std_error", LocalizedText(vi: "Sai số chuẩn", en: "Std. error")),
                Table.Column("t", LocalizedText("t")),
                Table.Column("p", LocalizedText("p")),
                Table.Column("ci_low", LocalizedText(vi: "KTC \(percent)% dưới", en: "\(percent)% CI low")),
                Table.Column("ci_high", LocalizedText(vi: "KTC \(percent)% trên", en: "\(percent)% CI high")),
            ],
            rows: rows, footnotes: summary)
    }

    /// The summary block: n, k, R², adjusted R², F, residual SE, condition number, rank.
    public var summary: [LocalizedText] {
        let r = result
        func g(_ x: Double) -> String { x.isNaN ? "–" : String(format: "%.6g", x) }
        var lines = [
            LocalizedText(vi: "n = \(r.observations), k = \(r.parameters), hạng = \(r.rank), bậc tự do phần dư = \(r.residualDegreesOfFreedom)",
                          en: "n = \(r.observations), k = \(r.parameters), rank = \(r.rank), residual df = \(r.residualDegreesOfFreedom)"),
            LocalizedText(vi: "R² = \(g(r.rSquared)), R² hiệu chỉnh = \(g(r.adjustedRSquared))\(r.hasIntercept ? "" : " (không hằng số: R² không trừ trung bình)")",
                          en: "R² = \(g(r.rSquared)), adjusted R² = \(g(r.adjustedRSquared))\(r.hasIntercept ? "" : " (no intercept: uncentred R²)")"),
            LocalizedText(vi: "F = \(g(r.fStatistic)) (p = \(g(r.fPValue))), sai số chuẩn phần dư = \(g(r.residualStandardError))",
                          en: "F = \(g(r.fStatistic)) (p = \(g(r.fPValue))), residual standard error = \(g(r.residualStandardError))"),
            LocalizedText(vi: "AIC = \(g(r.aic)), BIC = \(g(r.bic)), số điều kiện = \(g(r.conditionNumber))",
                          en: "AIC = \(g(r.aic)), BIC = \(g(r.bic)), condition number = \(g(r.conditionNumber))"),
        ]
        if r.inferenceDegreesOfFreedom != r.residualDegreesOfFreedom {
            lines.append(LocalizedText(vi: "Kiểm định t với \(r.inferenceDegreesOfFreedom) bậc tự do (số cụm − 1)", en: "t tests with \(r.inferenceDegreesOfFreedom) df (clusters − 1)"))
        }
        if droppedRows > 0 {
            lines.append(LocalizedText(vi: "\(droppedRows) dòng thiếu giá trị bị loại", en: "\(droppedRows) rows with a missing value left out"))
        }
        return lines
    }
}
