import ArgumentParser
import ChisoCore
import ChisoIO
import ChisoSpreadsheets
import ChisoOutput
import Foundation

extension TableLayout: ExpressibleByArgument {}
extension DuplicatePolicy: ExpressibleByArgument {}
extension UnitSystemChoice: ExpressibleByArgument {}

/// The decimal convention of numbers read and written.
enum DecimalConvention: String, EnumerableFlag {
    case decimalComma
    case decimalPoint

    static func help(for value: DecimalConvention) -> ArgumentHelp? {
        switch value {
        case .decimalComma: return "Numbers use a decimal comma (93,364 = 93.364; 3.589 = 3589), in input and in output."
        case .decimalPoint: return "Numbers in input use a decimal point (93.364; 3,589 = 3589)."
        }
    }
}

/// How to find and read the data a command works on.
struct InputOptions: ParsableArguments {
    @Option(help: "Folder of bundled datasets (default: $CHISO_DATASETS, else next to the executable or in the package).")
    var datasets: String?

    @Flag(help: "Decimal convention; detected from the file when not given, and a file that cannot tell is refused.")
    var decimal: DecimalConvention?

    @Option(help: "Layout of a CSV file: long, wide-indicators or wide-years (detected when not given).")
    var layout: TableLayout?

    @Option(help: "Field separator: ',', ';' or 'tab' (detected from the header when not given).")
    var separator: String?

    @Option(name: .customLong("on-duplicate"), help: "Keep the first or last of duplicate (unit, period, indicator) values, or their mean; without it a duplicate is an error.")
    var onDuplicate: DuplicatePolicy?

    @Option(name: .customLong("unit-system"), help: "Unit system of a file: auto, provinces-63, provinces-34 or custom.")
    var unitSystem: UnitSystemChoice = .auto

    @Option(name: .customLong("unit-codebook"), help: "CSV mapping unit codes in the file (first column) to names (second column).")
    var unitCodebook: String?

    @Option(help: "Period of a wide file without a period column or a year in its name (2023, 2023-Q2, 2023-06).")
    var period: String?

    @Option(help: "The sheet of a workbook (.xlsx or .xls), by name or position (default: the first).")
    var sheet: String?

    @Option(name: .customLong("header-row"), help: "The row of a workbook sheet that holds the table's header (default: found from the layout: the row above the first rows of numbers, past titles, codes and blank rows).")
    var headerRow: Int?

    @Option(help: "Threads that read a large CSV file (default: one per core; 1 reads on one core).")
    var workers: Int?

    @Option(name: .customLong("xlsx-max-mb"), help: "Largest size, in MiB, a part of an .xlsx workbook may inflate to, or an .xls file may have. Without it a part or file may reach 256 MiB and an .xlsx part inflate at most 1,000 times its compressed size (beyond is refused as a possible zip bomb); with it, only the size is bounded.")
    var xlsxMaxMB: Int?

    @Flag(name: .shortAndLong, help: "Do not print load notes (missing values, skipped columns) on stderr.")
    var quiet = false

    func validate() throws {
        if let workers, !(1...1024).contains(workers) { throw ValidationError("--workers must be from 1 to 1024, not \(workers)") }
        if let separator, separatorByte(separator) == nil {
            throw ValidationError("--separator must be ',', ';' or 'tab', not '\(separator)'")
        }
        if let xlsxMaxMB, xlsxMaxMB < 1 || xlsxMaxMB > 1 << 20 {
            throw ValidationError("--xlsx-max-mb must be from 1 to 1048576, not \(xlsxMaxMB)")
        }
        if let headerRow, headerRow < 1 || headerRow > 1_048_576 {
            throw ValidationError("--header-row must be a row of a sheet, from 1 to 1048576, not \(headerRow)")
        }
        if let period, Period(parsing: period) == nil {
            throw ValidationError("--period must be a year (2023), a quarter (2023-Q2) or a month (2023-06), not '\(period)'")
        }
    }

    private func separatorByte(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case ",", "comma": return 0x2C
        case ";", "semicolon": return 0x3B
        case "tab", "\\t", "\t": return 0x09
        default: return nil
        }
    }

    /// The reader options these flags describe.
    var readOptions: ReadOptions {
        ReadOptions(
            layout: layout,
            decimal: decimal.map { $0 == .decimalComma ? .comma : .point },
            separator: separator.flatMap(separatorByte),
            onDuplicate: onDuplicate, units: unitSystem, unitCodebook: unitCodebook,
            period: period.flatMap(Period.init(parsing:)), sheet: sheet, headerRow: headerRow,
            workbookLimits: xlsxMaxMB.map { WorkbookLimits(maximumPartBytes: $0 << 20, maximumRatio: .max) } ?? WorkbookLimits(),
            threads: threads)
    }

    /// The threads `--workers` asks for, one per core by default.
    var threads: Int { workers ?? ParallelWork.processorCount }

    /// How numbers are written: decimal comma under `--decimal-comma`.
    var numberStyle: NumberStyle { NumberStyle(decimalComma: decimal == .decimalComma) }
}
