import ChisoCore

extension OfficialWorkbookReader {
    /// PAPI workbooks to 2017 give the dimensions but no total: the total is their sum (6
    /// dimensions to 2017, 8 from 2018), for a province with every dimension.
    func derivedPAPITotals(_ values: [ImportedValue], year: Int, fileName: String, notes: inout [Note]) -> [ImportedValue] {
        guard !values.contains(where: { $0.indicator == "PAPI_TOTAL" && $0.value != nil }) else { return [] }
        let dimensions = (1...(year <= 2017 ? 6 : 8)).map { "PAPI_D\($0)" }
        var totals: [ImportedValue] = []
        for unit in Set(values.map(\.unit.code)).sorted() {
            let parts = dimensions.compactMap { id in values.first { $0.unit.code == unit && $0.indicator == id }?.value }
            guard parts.count == dimensions.count, let any = values.first(where: { $0.unit.code == unit }) else { continue }
            totals.append(ImportedValue(unit: any.unit, year: year, indicator: "PAPI_TOTAL", value: parts.reduce(0, +), rank: nil,
                                        source: "\(fileName) (sum of \(dimensions.count) dimensions)",
                                        note: "sum of the \(dimensions.count) dimension scores; the workbook gives no total"))
        }
        if !totals.isEmpty {
            notes.append(Note("\(fileName): no total column; PAPI_TOTAL is the sum of the \(dimensions.count) dimension scores for \(totals.count) provinces"))
        }
        return totals
    }
}
