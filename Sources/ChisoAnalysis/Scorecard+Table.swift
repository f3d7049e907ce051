import ChisoCore
import ChisoNumerics
import ChisoOutput

extension PointsLost {
    /// The title line: "Sở KH&CN 2023: 93.364/98 (95.27%), rank 1/19 in department".
    var headline: LocalizedText {
        let score = DecimalText.shortest(total.score)
        let share = total.percent.map { " (\(DecimalText.shortest(($0 * 100).rounded() / 100))%)" } ?? ""
        let outOf = total.maximum.map { "/\(DecimalText.shortest($0))" } ?? ""
        // A rank among one unit says nothing: the published rank is given where known.
        let computed = rank.flatMap { $0.n > 1 ? (vi: ", xếp thứ \(DecimalText.shortest($0.rank))/\($0.n)", en: ", rank \(DecimalText.shortest($0.rank)) of \($0.n)") : nil }
        let published = rank?.published.map { (vi: ", hạng công bố \($0)", en: ", published rank \($0)") }
        let rankText = computed.map { (vi: $0.vi + (published?.vi ?? ""), en: $0.en + (published?.en ?? "")) } ?? published
        let groupText = group.map { (vi: " trong nhóm \($0)", en: " in group \($0)") }
        return LocalizedText(vi: "\(unit.name) \(period): \(total.indicator.id) \(score)\(outOf)\(share)\(rankText?.vi ?? "")\(groupText?.vi ?? "")",
                             en: "\(unit.name) \(period): \(total.indicator.id) \(score)\(outOf)\(share)\(rankText?.en ?? "")\(groupText?.en ?? "")")
    }

    /// Where the points were lost, most first: the table a unit pastes into its plan.
    public var table: Table {
        let selfColumn = criteria.contains { $0.selfAssessed != nil }
        var rows: [[Table.Cell]] = criteria.map { c in
            [c.code.map { .text($0) } ?? .missing, .text(c.criterion.id), c.maximum.map { .number($0, precision: 3) } ?? .missing, .value(c.score, precision: 3),
             c.lost.map { .number($0, precision: 3) } ?? .missing, c.shareOfLost.map { .number($0, precision: 1) } ?? .missing, .value(c.change, precision: 3),
             c.bestPeer.map { .number($0.score, precision: 3) } ?? .missing, c.bestPeer.map { .text($0.unit) } ?? .missing]
                + (selfColumn ? [c.selfMinusAppraised.map { .number($0, precision: 3) } ?? .missing] : [])
        }
        var footnotes: [LocalizedText] = []
        if let unlisted {
            let lost = roundedToSignificantDigits(unlisted.maximum - unlisted.score)
            rows.append([.missing, .localized(LocalizedText(vi: "(tiêu chí không có trong tệp)", en: "(criteria not in the file)")), .number(unlisted.maximum, precision: 3),
                         .number(unlisted.score, precision: 3), .number(lost, precision: 3),
                         total.maximum.map { .number(100 * lost / ($0 - total.score), precision: 1) } ?? .missing, .missing, .missing, .missing]
                         + (selfColumn ? [.missing] : []))
            footnotes.append(LocalizedText(
                vi: "Các tiêu chí trong tệp cộng lại \(DecimalText.shortest((total.maximum ?? 0) - unlisted.maximum)) điểm tối đa; \(DecimalText.shortest(unlisted.maximum)) điểm còn lại thuộc tiêu chí không được nêu: điểm đạt của chúng (\(DecimalText.shortest(unlisted.score))) là tổng điểm trừ các tiêu chí đã nêu, không rõ từng tiêu chí.",
                en: "The criteria in the file add up to \(DecimalText.shortest((total.maximum ?? 0) - unlisted.maximum)) points of the maximum; the other \(DecimalText.shortest(unlisted.maximum)) belong to criteria the file does not name: their score (\(DecimalText.shortest(unlisted.score))) is the total minus the criteria named, which criteria is unknown."))
        }
        if criteria.contains(where: { $0.maximum == nil }) {
            footnotes.append(LocalizedText(vi: "Tiêu chí không có điểm tối đa: không tính được điểm mất.", en: "Criteria without a stated maximum: points lost unknown."))
        }
        footnotes.append(LocalizedText(vi: "Điểm cao nhất của đơn vị khác cùng nhóm, so theo tỷ lệ điểm tối đa khi điểm tối đa khác nhau.",
                                       en: "Best peer: the best score among the other units of the group, by the % of each one's maximum when maxima differ."))
        return Table(
            title: headline,
            columns: [
                Table.Column("code", LocalizedText(vi: "Mã", en: "Code"), alignment: .left),
                Table.Column("criterion", LocalizedText(vi: "Tiêu chí", en: "Criterion"), alignment: .left),
                Table.Column("max", LocalizedText(vi: "Điểm tối đa", en: "Maximum")),
                Table.Column("score", LocalizedText(vi: "Điểm đạt", en: "Score")),
                Table.Column("lost", LocalizedText(vi: "Điểm mất", en: "Lost")),
                Table.Column("share_of_lost", LocalizedText(vi: "% điểm mất", en: "% of lost")),
                Table.Column("change", Label.change, tone: .upIsGood),
                Table.Column("best_peer", LocalizedText(vi: "Cao nhất nhóm", en: "Best peer")),
                Table.Column("best_peer_unit", LocalizedText(vi: "Đơn vị", en: "Peer"), alignment: .left),
            ] + (selfColumn ? [Table.Column("self_minus_appraised", LocalizedText(vi: "Tự đánh giá − thẩm định", en: "Self − appraised"))] : []),
            rows: rows, footnotes: footnotes)
    }
}

extension ScorecardPlan {
    /// The criteria to recover, with the goal, the points needed and the probability above them.
    public var table: Table {
        let goalText: LocalizedText = switch goal {
        case let .rank(k): LocalizedText(vi: "hạng \(k)", en: "rank \(k)")
        case let .percent(p): LocalizedText(vi: "\(DecimalText.shortest(p))%", en: "\(DecimalText.shortest(p))%")
        }
        // Points as scorecards publish them, to 3 decimals, rounded up so that they suffice.
        let points = DecimalText.shortest((pointsNeeded * 1000).rounded(.up) / 1000)
        let share = DecimalText.shortest((needed * 100).rounded() / 100) + (standing.total.maximum == nil ? "" : "%")
        var footnotes = [
            LocalizedText(vi: "Cần đạt \(share) (\(basis.vi)): thêm \(points) điểm, nếu các đơn vị khác giữ nguyên.",
                          en: "Needed: \(share) (\(basis.en)): \(points) more points, if the others stood still."),
            beyondPeers
                ? LocalizedText(vi: "Mỗi tiêu chí tối đa đến điểm tối đa.", en: "Each criterion up to its maximum.")
                : LocalizedText(vi: "Mỗi tiêu chí không vượt tỷ lệ cao nhất mà đơn vị khác cùng nhóm đã đạt.", en: "No criterion above the best share a peer reached."),
        ]
        if shortfall > 0 {
            let given = DecimalText.shortest(((pointsNeeded - shortfall) * 1000).rounded(.down) / 1000), short = DecimalText.shortest((shortfall * 1000).rounded(.up) / 1000)
            footnotes.append(LocalizedText(vi: "Các tiêu chí chỉ bù được \(given) điểm: còn thiếu \(short).",
                                           en: "The criteria give only \(given) points: \(short) short."))
        }
        if let probability {
            footnotes.append(LocalizedText(vi: "Xác suất đạt mục tiêu (dự báo của cả nhóm): \(DecimalText.shortest((probability * 1000).rounded() / 1000)).",
                                           en: "Probability of the goal (forecasts of the whole group): \(DecimalText.shortest((probability * 1000).rounded() / 1000))."))
        } else if let probabilityNote {
            footnotes.append(probabilityNote)
        }
        return Table(
            title: LocalizedText(vi: "\(standing.headline.vi): để đạt \(goalText.vi)", en: "\(standing.headline.en): to reach \(goalText.en)"),
            columns: [
                Table.Column("code", LocalizedText(vi: "Mã", en: "Code"), alignment: .left),
                Table.Column("criterion", LocalizedText(vi: "Tiêu chí", en: "Criterion"), alignment: .left),
                Table.Column("score", LocalizedText(vi: "Điểm đạt", en: "Score")),
                Table.Column("target", LocalizedText(vi: "Điểm cần đạt", en: "Target")),
                Table.Column("gain", LocalizedText(vi: "Tăng", en: "Gain")),
                Table.Column("max", LocalizedText(vi: "Điểm tối đa", en: "Maximum")),
                Table.Column("best_peer", LocalizedText(vi: "Cao nhất nhóm", en: "Best peer")),
            ],
            rows: recoveries.map { r in
                [r.criterion.code.map { .text($0) } ?? .missing, .text(r.criterion.criterion.id), .number(r.criterion.score, precision: 3), .number(r.target, precision: 3),
                 .number(r.gain, precision: 3), r.criterion.maximum.map { .number($0, precision: 3) } ?? .missing,
                 r.criterion.bestPeer.map { .number($0.score, precision: 3) } ?? .missing]
            },
            footnotes: footnotes)
    }
}
