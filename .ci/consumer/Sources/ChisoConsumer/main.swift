import ChisoAnalysis
import ChisoCore
import ChisoIO
import ChisoNumerics
import Foundation

// A straight line fitted by least squares: y = 1 + 2t exactly.
let design = Matrix(rows: 4, columns: 2, columnMajor: [1, 1, 1, 1, 0, 1, 2, 3])
let fit = try LinearRegression.fit(LinearRegressionProblem(design: design, response: [1, 3, 5, 7], terms: ["const", "t"], hasIntercept: true))
guard abs(fit.coefficients[0] - 1) < 1e-12, abs(fit.coefficients[1] - 2) < 1e-12 else {
    fatalError("regression: expected [1, 2], got \(fit.coefficients)")
}

// A panel loaded from a file of our own, read with the province registry, and ranked.
let datasets = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "../../datasets"
let registry = try DatasetLibrary.locate(explicit: datasets).provinceRegistry()
let file = NSTemporaryDirectory() + "chiso-consumer-\(ProcessInfo.processInfo.processIdentifier).csv"
try "unit,period,indicator,value\nHà Tĩnh,2023,score,81.5\nha noi,2023,score,90.25\nTP.HCM,2023,score,88\n".write(toFile: file, atomically: true, encoding: .utf8)
defer { try? FileManager.default.removeItem(atPath: file) }
let (panel, _) = try PanelLoader(registry: registry).load(path: file)
let ranking = try PanelAnalysis.rank(panel, RankRequest(indicator: "score"))
let order = ranking.rows.map(\.unit.name)
guard order == ["Hà Nội", "Hồ Chí Minh", "Hà Tĩnh"] else { fatalError("rank: unexpected order \(order)") }
print("consumer ok: \(fit.coefficients), \(order.joined(separator: " > "))")
