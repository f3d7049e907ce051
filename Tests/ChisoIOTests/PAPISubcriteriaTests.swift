import ChisoApproximation
import ChisoCore
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// The 14 yearly PAPI sub-dimension files of ../shared/realdata/papi-subcriteria, read in place as
/// one panel, reproduce the dimension sums of dimensions_derived_2011_2024.csv in the same folder.
///
/// That file writes its sums rounded to 6 decimals (its longest fraction has 6 digits), so each sum
/// is rounded the same way (correctly rounded, as `%.6f` and Python's `round` both do) and must then
/// agree to 1e-9.
@Suite(.enabled(if: Fixtures.runSharedTests, "../shared/realdata is not beside the repository"))
struct PAPISubcriteriaTests {
    static let folder = Fixtures.sharedFolder + "/realdata/papi-subcriteria"

    @Test func dimensionSumsReproduceTheDerivedFile() throws {
        let registry = try Fixtures.registry()
        let options = ReadOptions(unitCodebook: Self.folder + "/codebook/codebook_provinces.csv")
        let (panel, report) = try PanelLoader(registry: registry).load(path: Self.folder, options: options)
        #expect(panel.unitSystem.id == "provinces-63")
        #expect(panel.units.count == 63)
        #expect(panel.periods == (2011...2024).map(Period.year))
        #expect(panel.indicators.count == 29)  // SC11–SC14 … SC81–SC83
        #expect(report.skippedFiles.contains("dimensions_derived_2011_2024.csv (no single year in its name)"))

        let derived = try TabularFile.read(path: Self.folder + "/dimensions_derived_2011_2024.csv")
        #expect(derived.records.count == 14 * 63)
        var compared = 0
        for record in derived.records {
            let period = try #require(Period(parsing: derived.field(record, 0)))
            let p = try #require(panel.periodIndex(period))
            let u = try #require(panel.unitIndex(code: derived.field(record, 2)), "unit \(derived.field(record, 2))")
            var dimensions: [Double] = []
            for k in 1...8 {
                // A dimension sums the sub-dimension columns that hold any value in that year;
                // it is missing when one of those cells is missing for the province.
                let columns = panel.indicators.indices.filter { panel.indicators[$0].id.hasPrefix("SC\(k)") }
                let active = columns.filter { i in panel.units.indices.contains { !panel.value(unit: $0, period: p, indicator: i).isNaN } }
                let cells = active.map { panel.value(unit: u, period: p, indicator: $0) }
                let sum = active.isEmpty || cells.contains(where: \.isNaN) ? Double.nan : cells.reduce(0, +)
                dimensions.append(sum)
                let expectedText = derived.field(record, 3 + k)
                let expected = expectedText.isEmpty ? Double.nan : try #require(Double(expectedText))
                #expect(agree(Self.roundedToSixDecimals(sum), expected, relative: 1e-9), "\(period) \(derived.field(record, 3)) D\(k): \(sum) vs \(expected)")
                compared += 1
            }
            let activeDimensions = dimensions.indices.filter { k in
                panel.indicators.indices.contains { i in
                    panel.indicators[i].id.hasPrefix("SC\(k + 1)") && panel.units.indices.contains { !panel.value(unit: $0, period: p, indicator: i).isNaN }
                }
            }
            let total = activeDimensions.contains { dimensions[$0].isNaN } ? Double.nan : activeDimensions.reduce(0) { $0 + dimensions[$1] }
            let totalText = derived.field(record, 13)
            #expect(agree(Self.roundedToSixDecimals(total), totalText.isEmpty ? .nan : Double(totalText)!, relative: 1e-9), "\(period) \(derived.field(record, 3)) total")
        }
        #expect(compared == 14 * 63 * 8)
    }

    static func roundedToSixDecimals(_ x: Double) -> Double {
        x.isNaN ? x : Double(String(format: "%.6f", x))!
    }
}
