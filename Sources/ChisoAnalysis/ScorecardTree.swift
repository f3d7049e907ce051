import ChisoCore

/// A scorecard's criteria as a tree under its total: fields, criteria in them, sub-criteria.
///
/// The tree comes from criterion codes when the file has them (`1`, `1.2`, `1.2.3`: a code's
/// parent is the longest code it extends); without codes every indicator that states maxima is a
/// field directly under the total, except percentages and ranks (`TỶ LỆ ĐẠT (%)`, `RANK`), which
/// restate the total, and self-assessed scores; without maxima, the indicators whose values add
/// up to the total are its parts (Vĩnh Phúc 2019: direct appraisal + survey).
public struct ScorecardTree: Sendable {
    /// One criterion.
    public struct Node: Sendable, Equatable {
        /// Its position in the panel's indicators.
        public let indicator: Int
        /// Its code, when the file gives codes.
        public let code: String?
        /// Its parent's position in `nodes`; nil directly under the total.
        public let parent: Int?
        /// 1 for a field, 2 for a criterion in it, …
        public let depth: Int
        /// Positions in `nodes` of the criteria under it.
        public internal(set) var children: [Int]
    }

    /// The total's position in the panel's indicators.
    public let total: Int
    /// The criteria, parents before their children.
    public let nodes: [Node]

    /// Positions in `nodes` of the criteria with none under them: where points are earned.
    public var leaves: [Int] { nodes.indices.filter { nodes[$0].children.isEmpty } }
    /// Positions in `nodes` of the criteria directly under the total.
    public var fields: [Int] { nodes.indices.filter { nodes[$0].parent == nil } }
}

/// Names a scorecard's total goes by (folded): its code is `0` where codes are given.
private let totalNames: Set<String> = ["total", "tong", "tong diem", "tong cong", "diem tong", "tong so diem", "chi so cchc", "par index", "chi so",
                                       "diem tham dinh", "tong diem tham dinh", "diem dat", "tong diem dat"]

extension Panel {
    /// The criteria tree under the total `total` (an indicator id), or under the indicator that
    /// is named or coded as the total.
    /// - Throws: `ScorecardError.noTotal` when no indicator is the total.
    public func scorecardTree(total name: String? = nil) throws -> ScorecardTree {
        let total: Int
        if let name {
            total = try resolveIndicator(name)
        } else if let found = indicators.indices.first(where: {
            !ScoreKind.isSelfAssessed(indicators[$0].id) && (criterionCode($0) == "0" || totalNames.contains(Self.folded(indicators[$0].id)))
        }) {
            total = found
        } else {
            throw ScorecardError.noTotal(panel: self.name, indicators: indicators.map(\.id))
        }
        let coded = indicators.indices.filter { $0 != total && !ScoreKind.isSelfAssessed(indicators[$0].id) && criterionCode($0).map { $0 != "0" } == true }
        guard coded.isEmpty else { return Self.tree(total: total, coded: coded.map { ($0, criterionCode($0)!) }) }
        let candidates = indicators.indices.filter { $0 != total && !Self.restatesTotal(indicators[$0].id) && !ScoreKind.isSelfAssessed(indicators[$0].id) }
        var fields = candidates.filter(statesMaximum(indicator:))
        if fields.isEmpty && addsUp(candidates, to: total) { fields = candidates }
        return ScorecardTree(total: total, nodes: fields.map { ScorecardTree.Node(indicator: $0, code: nil, parent: nil, depth: 1, children: []) })
    }

    /// Whether the values of `parts` add up to `total` (to the publisher's rounding) wherever all
    /// are given, and are all given somewhere.
    func addsUp(_ parts: [Int], to total: Int) -> Bool {
        guard !parts.isEmpty else { return false }
        var checked = 0
        for u in units.indices {
            for p in periods.indices {
                let sum = value(unit: u, period: p, indicator: total)
                let values = parts.map { value(unit: u, period: p, indicator: $0) }
                guard !sum.isNaN, !values.contains(where: \.isNaN) else { continue }
                if abs(values.reduce(0, +) - sum) > 0.0051 * Double(parts.count) { return false }
                checked += 1
            }
        }
        return checked > 0
    }

    /// An indicator id's words, lowercase and without diacritics.
    private static func folded(_ id: String) -> String { NameFolding.words(id).joined(separator: " ") }

    private func criterionCode(_ indicator: Int) -> String? {
        criterionCodes.isEmpty ? nil : criterionCodes[indicator]?.trimmingSpaces
    }

    /// Whether an indicator restates the total rather than scoring a criterion: a percentage or a rank.
    private static func restatesTotal(_ id: String) -> Bool {
        ScoreKind.isPercentage(id) || ["rank", "xep hang", "thu hang", "hang"].contains(folded(id))
    }

    /// The tree of coded criteria, ordered by code (`1.2` before `1.10`), each under the longest
    /// code it extends.
    private static func tree(total: Int, coded: [(indicator: Int, code: String)]) -> ScorecardTree {
        func segments(_ code: String) -> [Int] {
            code.split(whereSeparator: { $0 == "." || $0 == "," }).map { Int($0) ?? Int.max }
        }
        let sorted = coded.sorted { lhs, rhs in
            let (a, b) = (segments(lhs.code), segments(rhs.code))
            return a.lexicographicallyPrecedes(b) || (a == b && lhs.code < rhs.code)
        }
        var nodes: [ScorecardTree.Node] = []
        var positionOfCode: [[Int]: Int] = [:]
        for (indicator, code) in sorted {
            let own = segments(code)
            let parent = (1..<max(1, own.count)).reversed().lazy.compactMap { positionOfCode[Array(own.prefix($0))] }.first
            nodes.append(ScorecardTree.Node(indicator: indicator, code: code, parent: parent, depth: parent.map { nodes[$0].depth + 1 } ?? 1, children: []))
            positionOfCode[own] = nodes.count - 1
            if let parent { nodes[parent].children.append(nodes.count - 1) }
        }
        return ScorecardTree(total: total, nodes: nodes)
    }
}
