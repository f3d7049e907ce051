import ChisoCore

/// Whether the parts a report states add up to the total it states: information about the
/// source, never a reason to change or drop a figure (reports do contain such slips).
public struct FigureCheck: Sendable, Equatable {
    public let subject: String?
    public let period: Period?
    public let total: ExtractedFigure
    public let parts: [ExtractedFigure]

    public var sum: Double { parts.reduce(0) { $0 + $1.value } }
    public var addsUp: Bool { abs(sum - total.value) < 1e-9 }

    /// "116 + 44 = 160 ≠ 164 received" and the sentence of the total.
    public var description: String {
        let terms = parts.map { "\(ExtractionNumbers.text($0.value)) \($0.figure)" }.joined(separator: " + ")
        return "\(terms) = \(ExtractionNumbers.text(sum)) \(addsUp ? "=" : "≠") \(ExtractionNumbers.text(total.value)) \(total.figure) in “\(total.sentence)”"
    }
}

enum ExtractionNumbers {
    static func text(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

extension ReportExtractor {
    /// The totals a report breaks down, with the parts it states for the same unit and period.
    static let decompositions: [(total: String, parts: [String])] = [
        ("received", ["carried_over", "received_new"]),
        ("received", ["received_online", "received_direct", "received_postal"]),
        ("resolved", ["resolved_early", "resolved_on_time", "resolved_late"]),
        ("resolved", ["resolved_in_time", "resolved_late"]),
        ("pending", ["pending_in_time", "pending_overdue"]),
    ]

    /// Every total of `figures` whose parts are all stated for the same unit and period (the
    /// first of each, after the total), and whether they add up.
    public static func checks(_ figures: [ExtractedFigure]) -> [FigureCheck] {
        var checks: [FigureCheck] = []
        let counts = figures.filter { $0.kind == .dossiers && $0.maximum == nil }
        for (index, total) in counts.enumerated() {
            let later = counts[(index + 1)...].filter { $0.subject == total.subject && $0.period == total.period }
            for decomposition in decompositions where decomposition.total == total.figure {
                // Parts after this total and before the next total of the same field.
                let scope = later.prefix { $0.figure != total.figure }
                let parts = decomposition.parts.compactMap { part in scope.first { $0.figure == part } }
                if parts.count == decomposition.parts.count {
                    checks.append(FigureCheck(subject: total.subject, period: total.period, total: total, parts: parts))
                    break
                }
            }
        }
        return checks
    }
}
