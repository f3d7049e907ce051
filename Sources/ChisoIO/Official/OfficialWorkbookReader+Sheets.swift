import ChisoCore

/// The values each sheet of a workbook gives, and how they are checked against each other: a
/// sheet that contradicts the others holds other figures and is not read.
extension OfficialWorkbookReader {
    struct Key: Hashable {
        let unit: String
        let indicator: String
        /// The published rank of the indicator rather than its value.
        let isRank: Bool
    }

    /// Two sheets' values of a cell agree when they differ by no more than rounding to two decimals.
    static let tolerance = 0.0051

    /// The cells one sheet gives, in the order it gives them.
    struct SheetValues {
        let name: String
        var cells: [Key: (unit: AdministrativeUnit, number: Double, source: String)] = [:]
        var order: [Key] = []

        init(name: String) {
            self.name = name
        }
    }

    /// The sheet that disagrees with the others on most of the cells they share, if any does.
    static func mostContradicting(_ sheets: [SheetValues]) -> (index: Int, agreement: (agree: Int, disagree: Int, example: String))? {
        var worst: (index: Int, agreement: (agree: Int, disagree: Int, example: String), share: Double)?
        for index in sheets.indices {
            let found = agreement(sheets[index], among: sheets)
            guard found.disagree > found.agree, found.disagree >= 3 else { continue }
            let share = Double(found.disagree) / Double(found.disagree + found.agree)
            if worst.map({ share > $0.share }) ?? true { worst = (index, found, share) }
        }
        return worst.map { ($0.index, $0.agreement) }
    }

    /// How many of the cells a sheet shares with the other sheets agree, and how many do not.
    static func agreement(_ sheet: SheetValues, among sheets: [SheetValues]) -> (agree: Int, disagree: Int, example: String) {
        var agree = 0, disagree = 0
        var example = ""
        for other in sheets where other.name != sheet.name {
            for (key, cell) in sheet.cells {
                guard let theirs = other.cells[key] else { continue }
                if abs(theirs.number - cell.number) <= tolerance {
                    agree += 1
                } else {
                    disagree += 1
                    if example.isEmpty {
                        example = "\(cell.unit.name) \(key.isRank ? "rank" : key.indicator) \(DecimalText.shortest(cell.number)), '\(other.name)' \(DecimalText.shortest(theirs.number))"
                    }
                }
            }
        }
        return (agree, disagree, example)
    }
}
