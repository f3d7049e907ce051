import ChisoCore

/// The columns of a wide CSV file, shared by the workers.
struct WideScanPlan: Sendable {
    let separator: UInt8
    let fieldCount: Int
    let unit: Int
    /// The period column (indicators as columns) or indicator column (periods as columns), if any.
    let rowKey: Int?
    let byIndicators: Bool
    /// The columns whose cells are values (or text, found out by the reading).
    let dataColumns: [Int]
    let convention: DecimalSeparator
}

/// What one worker read from its lines of a wide file.
struct WideScanChunk: ScannedChunk {
    var units: [String] = []
    /// The worker's periods (indicators as columns) or indicator names (periods as columns).
    var periods: [Period] = []
    var rowKeys: [String] = []
    /// Per row: the unit, the period or indicator (numbers of the worker), the line from the chunk's first.
    var unit: [Int32] = []
    var key: [Int32] = []
    var line: [Int32] = []
    /// Row by row, one value per data column (NaN when missing or text).
    var values: [Double] = []
    /// Per data column: cells with something in them, cells that are words, cells that are
    /// numbers but not under the plan's convention, and the markers of no data.
    var filled: [Int]
    var words: [Int]
    var invalid: [Bool]
    var markers: [[String: Int]]
    var evidence = DecimalEvidence()
    var lines = 0
    var blankLines = 0
    var needsGeneralReader = false

    init(columns: Int) {
        filled = [Int](repeating: 0, count: columns)
        words = [Int](repeating: 0, count: columns)
        invalid = [Bool](repeating: false, count: columns)
        markers = [[String: Int]](repeating: [:], count: columns)
    }
}

/// Reads the lines of one chunk of a wide CSV file from bytes.
struct WideCSVChunkReader: CSVChunkReading {
    let plan: WideScanPlan
    var chunk: WideScanChunk
    let fields: CSVLineFields
    private var unitNames = ByteInterner()
    private var keys = ByteInterner()

    init(plan: WideScanPlan) {
        self.plan = plan
        chunk = WideScanChunk(columns: plan.dataColumns.count)
        fields = CSVLineFields(separator: plan.separator, fieldCount: plan.fieldCount)
    }

    mutating func row(_ p: UnsafePointer<UInt8>) {
        let (unitBytes, unitCount) = fields.trimmed(p, plan.unit)
        let (unitID, newUnit) = unitNames.number(unitBytes, unitCount)
        if newUnit {
            let name = fields.text(p, plan.unit)
            if name.isEmpty { chunk.needsGeneralReader = true; return }
            chunk.units.append(name)
        }
        var key: Int32 = 0
        if let column = plan.rowKey {
            let (bytes, count) = fields.trimmed(p, column)
            let (id, isNew) = keys.number(bytes, count)
            if isNew {
                let text = fields.text(p, column)
                if plan.byIndicators {
                    guard let period = Period(parsing: text) else { chunk.needsGeneralReader = true; return }
                    chunk.periods.append(period)
                } else {
                    if text.isEmpty { chunk.needsGeneralReader = true; return }
                    chunk.rowKeys.append(text)
                }
            }
            key = id
        }
        chunk.unit.append(unitID)
        chunk.key.append(key)
        chunk.line.append(Int32(chunk.lines))
        for (k, column) in plan.dataColumns.enumerated() {
            switch fields.number(p, column, convention: plan.convention) {
            case .empty:
                chunk.values.append(.nan)
            case let .marker(text):
                chunk.markers[k][text, default: 0] += 1
                chunk.values.append(.nan)
            case let .reading(reading):
                chunk.filled[k] += 1
                chunk.evidence.note(reading.evidence)
                if reading.evidence == .notANumber {
                    chunk.words[k] += 1
                } else if reading.value == nil {
                    chunk.invalid[k] = true
                }
                chunk.values.append(reading.value ?? .nan)
            }
        }
    }
}
