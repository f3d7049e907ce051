import ChisoCore
import ChisoNumerics

extension Remedy {
    /// The remedy as the options of this command line that apply it.
    var advice: String {
        switch self {
        case .chooseDecimalSeparator:
            return "pass --decimal-comma (Vietnamese style, 93,364 = 93.364) or --decimal-point (3.589 = 3.589)"
        case .chooseDuplicatePolicy: return "pass --on-duplicate first|last|mean"
        case .declareCustomUnits: return "pass --unit-system custom if the file's units are not provinces"
        case .declareProvinces63: return "pass --unit-system provinces-63 to read them as the 63 provinces"
        case .declareLayout: return "pass --layout long|wide-indicators|wide-years"
        case .givePeriod: return "pass --period YEAR"
        case .chooseIndicator: return "choose one with --indicator"
        case .locateDatasets: return "pass --datasets DIR or set CHISO_DATASETS"
        case .listDatasets: return "`chiso datasets` lists the bundled ones"
        case let .showCoverage(dataset, indicator): return "`chiso show \(dataset) --indicator \(indicator)` shows the years it covers"
        case .nameTwoUnits: return "name them with --units A,B"
        case .giveRateAsPercent: return "give --at-least as a percentage from 0 to 100"
        case .countBadRows: return "run without --strict to count bad rows and go on"
        case .mapRecordNames: return "name the file's own columns in a map file given with --map FILE (rows kind,name,meaning: column,Ngày nhận HS,received_date)"
        case .raiseWorkbookLimit: return "pass --xlsx-max-mb N to allow larger sheets"
        case .chooseRegionSystem: return "pass --region-system 2023 or --region-system traditional"
        case .chooseHeaderRow: return "pass --header-row N to choose another row"
        case let .removeImports(dataset): return "`chiso datasets remove \(dataset)` removes the workbooks imported into it"
        case let .describeDataset(name): return "`chiso datasets \(name)` lists them"
        case .chooseGroup: return "choose one with --unit-group"
        case .chooseTotal: return "name it with --total"
        }
    }
}

/// The message of an error for stderr: what is wrong and where, then the options that fix it.
func userMessage(for error: any ReportableError) -> String {
    guard let remedy = (error as? any RemediableError)?.remedy else { return error.description }
    return "\(error.description); \(remedy.advice)"
}

/// A load or analysis note for stderr, with the options that would change it.
func userMessage(for note: Note) -> String {
    guard let remedy = note.remedy else { return note.text }
    return "\(note.text) (\(remedy.advice))"
}
