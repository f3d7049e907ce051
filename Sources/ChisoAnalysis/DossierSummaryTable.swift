import ChisoCore
import ChisoDossiers
import ChisoOutput

extension DossierSummary {
    /// The counts of a records summary with the on-time rate (over resolved dossiers), late rate,
    /// online and postal shares, one row per group.
    public var table: Table {
        let fields: [DossierField] = [.receivedNew, .receivedOnline, .receivedPostal, .receivedDirect, .resolvedEarly, .resolvedOnTime,
                                      .resolvedLate, .withdrawn, .pendingInTime, .pendingOverdue]
        var columns = [Table.Column("unit", Label.code, alignment: .left), Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period"))]
        columns += breakdownNames.map { Table.Column($0, $0 == "agency" ? LocalizedText(vi: "Cơ quan", en: "Agency") : LocalizedText(vi: "Thủ tục", en: "Procedure"), alignment: .left) }
        columns += fields.map { Table.Column($0.rawValue, $0.label) }
        columns += [
            Table.Column("on_time_rate", LocalizedText(vi: "Đúng hạn %", en: "On time %")),
            Table.Column("late_rate", LocalizedText(vi: "Trễ hạn %", en: "Late %")),
            Table.Column("online_share", LocalizedText(vi: "Trực tuyến %", en: "Online %")),
            Table.Column("postal_share", LocalizedText(vi: "Bưu chính %", en: "Postal %")),
        ]
        let rows: [[Table.Cell]] = rows.map { row in
            let rates = DossierRates(row, convention: .resolved)
            func cell(_ x: Double?) -> Table.Cell { x.map { .number($0, precision: 2) } ?? .missing }
            return [.text(row.unit), .text(row.period.description)] + row.breakdown.map { .text($0) }
                + fields.map { .integer(Int(row[$0] ?? 0)) } + [cell(rates.onTime), cell(rates.late), cell(rates.onlineShare), cell(rates.postalShare)]
        }
        return Table(
            title: LocalizedText(vi: "Tổng hợp \(records) hồ sơ", en: "Summary of \(records) dossiers"),
            columns: columns, rows: rows,
            footnotes: [LocalizedText(vi: "Theo kỳ tiếp nhận; hồ sơ đang giải quyết tính quá hạn nếu hạn trước \(asOf). Tỷ lệ đúng hạn trên số hồ sơ đã giải quyết.",
                                      en: "By the period received; pending dossiers are overdue when due before \(asOf). On-time rate over dossiers resolved.")])
    }
}
