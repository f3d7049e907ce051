import ChisoCore
/// A result ready to print: typed cells under columns with stable ids and localized headers.
///
/// Writers turn it into an aligned terminal table, CSV, JSON or Markdown. CSV headers and JSON
/// keys are the column ids, the same in every language, so scripts do not break with `--lang`.
public struct Table: Sendable {
    /// Horizontal alignment in the terminal and Markdown.
    public enum Alignment: Sendable { case left, right }

    /// Where a column appears.
    public enum Visibility: Sendable {
        /// In every format.
        case everywhere
        /// In the terminal and Markdown only (a sparkline, a significance mark).
        case screenOnly
        /// In CSV and JSON only (a value that is constant on screen, like `n`).
        case dataOnly
    }

    /// How the sign of a column's numbers reads, for colour on a terminal.
    public enum Tone: Sendable {
        /// No colour.
        case neutral
        /// A rise is good news (green), a fall bad (red).
        case upIsGood
        /// A fall is good news (a change of a lower-is-better indicator).
        case downIsGood

        /// `upIsGood` when higher values are better, else `downIsGood`.
        public static func forChange(higherIsBetter: Bool) -> Tone { higherIsBetter ? .upIsGood : .downIsGood }
    }

    /// One column.
    public struct Column: Sendable {
        /// Machine name: the CSV header and JSON key (`published_rank`).
        public let id: String
        /// The header shown in the terminal and Markdown.
        public let header: LocalizedText
        public let alignment: Alignment
        public let visibility: Visibility
        public let tone: Tone

        public init(_ id: String, _ header: LocalizedText, alignment: Alignment = .right, visibility: Visibility = .everywhere, tone: Tone = .neutral) {
            self.id = id
            self.header = header
            self.alignment = alignment
            self.visibility = visibility
            self.tone = tone
        }
    }

    /// One cell.
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// A text shown in the output language.
        case localized(LocalizedText)
        /// A number shown with `precision` decimals on screen and in full precision in CSV and JSON.
        case number(Double, precision: Int)
        case integer(Int)
        case missing

        /// A number, or `.missing` for NaN.
        public static func value(_ x: Double, precision: Int) -> Cell {
            x.isNaN ? .missing : .number(x, precision: precision)
        }

        /// An integer, or `.missing` for nil.
        public static func optional(_ x: Int?) -> Cell {
            x.map(Cell.integer) ?? .missing
        }
    }

    /// How the table is drawn as a chart (`--format vega-lite`), by column ids.
    public enum Chart: Sendable, Equatable {
        /// One bar per row: `category` against `value`, in row order.
        case bars(category: String, value: String)
        /// Rows × columns coloured by value: the row label column and the value columns (years).
        case heatmap(row: String, columns: [String])
        /// Forecasts as lines with interval bands, one colour per unit, after each unit's observed
        /// `history`: the unit and period columns, the point column, and (lower, upper) columns
        /// per interval level, widest first.
        case fan(unit: String, period: String, point: String, bands: [Band], history: [HistoryPoint])
        /// One panel per `panel` value (an indicator) with its own scale: a bar per `category` (a unit).
        case panels(panel: String, category: String, value: String)
        /// Small multiples, one panel per unit: the observed values and the fitted trend line.
        case multiples(observed: [HistoryPoint], fitted: [HistoryPoint])
    }

    /// An interval band of a fan chart: its lower and upper column ids.
    public struct Band: Sendable, Equatable {
        public let lower: String
        public let upper: String
        public init(lower: String, upper: String) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// One observed value drawn before the forecasts.
    public struct HistoryPoint: Sendable, Equatable {
        public let unit: String
        public let period: String
        public let value: Double
        public init(unit: String, period: String, value: Double) {
            self.unit = unit
            self.period = period
            self.value = value
        }
    }

    public var title: LocalizedText?
    /// The chart this table can be drawn as, if any.
    public var chart: Chart?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Lines printed under the table in the terminal and Markdown (not in CSV or JSON).
    public var footnotes: [LocalizedText]

    public init(title: LocalizedText? = nil, columns: [Column], rows: [[Cell]] = [], footnotes: [LocalizedText] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footnotes = footnotes
    }
}
