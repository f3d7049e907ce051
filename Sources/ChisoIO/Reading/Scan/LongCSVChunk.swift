import ChisoCore
import Foundation

/// The columns of a long CSV file and how to read them, shared by the workers.
struct LongScanPlan: Sendable {
    let separator: UInt8
    let fieldCount: Int
    let unit: Int, indicator: Int, value: Int
    /// The period column; nil when every row has `fallbackPeriod`.
    let period: Int?
    let fallbackPeriod: Period?
    let rank: Int?, maximum: Int?, source: Int?, rankSource: Int?, note: Int?
    let filter: PanelFilter
    let convention: DecimalSeparator
}

/// What one worker read from its lines. Numbers of units, indicators and periods are the
/// worker's own; the merge renumbers them in file order.
struct LongScanChunk: ScannedChunk {
    var units: [String] = []
    var indicators: [String] = []
    var periods: [Period] = []
    /// Kept rows: the worker's numbers, the value, and the line counted from the chunk's first (0).
    var unit: [Int32] = []
    var indicator: [Int32] = []
    var period: [Int32] = []
    var value: [Double] = []
    var line: [Int32] = []
    var provenance: [(row: Int, provenance: CellProvenance)] = []
    /// Lines in the chunk, blank ones among them, and data rows read (kept or not).
    var lines = 0
    var rowsRead = 0
    var blankLines = 0
    var missingMarkers: [String: Int] = [:]
    /// What the numeric cells say about the decimal separator.
    var evidence = DecimalEvidence()
    /// A numeric cell that is not a number under the plan's convention.
    var invalidUnderConvention = false
    /// Something only the general reader explains (a quoted line break, a ragged row, an empty
    /// unit, a bad period or rank): the file is read again by it, for its exact message.
    var needsGeneralReader = false
}

/// What the numeric cells of a file say about its decimal separator.
struct DecimalEvidence: Sendable {
    var comma = false, point = false, ambiguous = false

    mutating func note(_ evidence: NumberSyntax.Evidence) {
        switch evidence {
        case .decided(.comma): comma = true
        case .decided(.point): point = true
        case .ambiguous: ambiguous = true
        case .integer, .notANumber: break
        }
    }

    /// The evidence of several chunks together.
    static func merged(_ all: [DecimalEvidence]) -> DecimalEvidence {
        DecimalEvidence(comma: all.contains { $0.comma }, point: all.contains { $0.point }, ambiguous: all.contains { $0.ambiguous })
    }

    /// The convention `DecimalResolver` decides for these cells: the option when given; nil when
    /// it would refuse (both decided, or only ambiguous cells), which the general reader reports.
    func convention(option: DecimalSeparator?) -> DecimalSeparator? {
        if let option { return option }
        if comma && point || (!comma && !point && ambiguous) { return nil }
        return comma ? .comma : .point
    }
}

/// Reads the lines of one chunk of a long CSV file from bytes.
struct LongCSVChunkReader: CSVChunkReading {
    let plan: LongScanPlan
    var chunk = LongScanChunk()
    private var unitNames = ByteInterner()
    private var indicatorNames = ByteInterner()
    private var periodTexts = ByteInterner()
    private var keepIndicator: [Bool] = []
    private var keepPeriod: [Bool] = []
    /// The fields of the current line (freed by `read`).
    let fields: CSVLineFields
    /// Whether rows carry more than a value (a rank, a maximum, a source, a note).
    private let hasProvenance: Bool

    init(plan: LongScanPlan) {
        self.plan = plan
        fields = CSVLineFields(separator: plan.separator, fieldCount: plan.fieldCount)
        hasProvenance = [plan.rank, plan.maximum, plan.source, plan.rankSource, plan.note].contains { $0 != nil }
    }

    mutating func row(_ p: UnsafePointer<UInt8>) {
        let indicatorID = name(p, plan.indicator, isUnit: false)
        if Int(indicatorID) == keepIndicator.count { keepIndicator.append(plan.filter.keeps(indicator: chunk.indicators[Int(indicatorID)])) }
        var periodID: Int32 = 0
        if let column = plan.period {
            let (trimmed, count) = fields.trimmed(p, column)
            let (id, isNew) = periodTexts.number(trimmed, count)
            if isNew {
                guard let period = Period(parsing: fields.text(p, column)) else { chunk.needsGeneralReader = true; return }
                chunk.periods.append(period)
                keepPeriod.append(plan.filter.keeps(period: period))
            }
            periodID = id
        } else if chunk.periods.isEmpty, let fallback = plan.fallbackPeriod {
            chunk.periods.append(fallback)
            keepPeriod.append(plan.filter.keeps(period: fallback))
        }
        chunk.rowsRead += 1
        // Rows a filter drops are read for their indicator and period only: what decides the
        // decimal separator, and any error, comes from the rows read.
        guard keepIndicator[Int(indicatorID)] && keepPeriod[Int(periodID)] else { return }
        let unit = name(p, plan.unit, isUnit: true)
        let value = number(p, plan.value)
        if hasProvenance { readProvenance(p) }
        if chunk.needsGeneralReader { return }
        chunk.unit.append(unit)
        chunk.indicator.append(indicatorID)
        chunk.period.append(periodID)
        chunk.value.append(value)
        chunk.line.append(Int32(chunk.lines))
    }

    /// The rank, maximum, source and note of a row.
    private mutating func readProvenance(_ p: UnsafePointer<UInt8>) {
        var provenance = CellProvenance()
        if let column = plan.maximum {
            let maximum = number(p, column, countsMarkers: false)
            if !maximum.isNaN { provenance.maximum = maximum }
        }
        if let column = plan.rank { provenance.publishedRank = rank(p, column) }
        guard !chunk.needsGeneralReader else { return }
        if let column = plan.source { provenance.source = nonEmptyText(p, column) }
        if let column = plan.rankSource { provenance.rankSource = nonEmptyText(p, column) }
        if let column = plan.note { provenance.note = nonEmptyText(p, column) }
        if !provenance.isEmpty { chunk.provenance.append((chunk.value.count, provenance)) }
    }

    private func nonEmptyText(_ p: UnsafePointer<UInt8>, _ column: Int) -> String? {
        let text = fields.text(p, column)
        return text.isEmpty ? nil : text
    }

    /// The worker's number of a unit or indicator name; an empty name sends the file to the general reader.
    private mutating func name(_ p: UnsafePointer<UInt8>, _ column: Int, isUnit: Bool) -> Int32 {
        let (trimmed, count) = fields.trimmed(p, column)
        let (id, isNew) = isUnit ? unitNames.number(trimmed, count) : indicatorNames.number(trimmed, count)
        if isNew {
            let name = fields.text(p, column)
            if name.isEmpty { chunk.needsGeneralReader = true }
            if isUnit { chunk.units.append(name) } else { chunk.indicators.append(name) }
        }
        return id
    }

    /// A numeric cell under the plan's convention: NaN when missing, with its evidence noted.
    private mutating func number(_ p: UnsafePointer<UInt8>, _ column: Int, countsMarkers: Bool = true) -> Double {
        switch fields.number(p, column, convention: plan.convention) {
        case .empty: return .nan
        case let .marker(text):
            if countsMarkers { chunk.missingMarkers[text, default: 0] += 1 }
            return .nan
        case let .reading(reading):
            chunk.evidence.note(reading.evidence)
            guard let value = reading.value else { chunk.invalidUnderConvention = true; return .nan }
            return value
        }
    }

    /// A published rank: nil when missing; anything but a whole number from 1 sends the file to the general reader.
    private mutating func rank(_ p: UnsafePointer<UInt8>, _ column: Int) -> Int? {
        let (trimmed, count) = fields.trimmed(p, column)
        if count == 0 { return nil }
        if !fields.escaped[column] && count <= 9 {
            var rank = 0
            var digits = true
            for i in 0..<count {
                let d = Int(trimmed[i]) - 0x30
                if d < 0 || d > 9 { digits = false; break }
                rank = rank * 10 + d
            }
            if digits {
                if rank < 1 { chunk.needsGeneralReader = true; return nil }
                return rank
            }
        }
        let cell = fields.text(p, column)
        if NumberSyntax.isMissing(cell) { return nil }
        guard let rank = Int(cell), rank >= 1 else { chunk.needsGeneralReader = true; return nil }
        return rank
    }
}
