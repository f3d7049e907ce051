import ChisoCore
import ChisoDossiers
import ChisoOutput

extension DossierSummary {
    /// The count columns of the summary, in the order of a report's sentences.
    public var fields: [DossierField] {
        var fields: [DossierField] = accounting == .period ? [.carriedOver, .receivedNew, .received] : [.receivedNew]
        if hasChannels { fields += [.receivedOnline, .receivedPostal, .receivedDirect] }
        return fields + [.resolvedEarly, .resolvedOnTime, .resolvedLate, .withdrawn, .rejected, .paused, .pendingInTime, .pendingOverdue]
    }

    /// The counts of a records summary with the on-time rate (over resolved dossiers), late rate,
    /// online and postal shares, one row per group.
    public var table: Table {
        let fields = fields
        var columns = [Table.Column("unit", Label.code, alignment: .left), Table.Column("period", LocalizedText(vi: "Kỳ", en: "Period"))]
        columns += breakdownNames.map { Table.Column($0, $0 == "agency" ? LocalizedText(vi: "Cơ quan", en: "Agency") : LocalizedText(vi: "Thủ tục", en: "Procedure"), alignment: .left) }
        columns += fields.map { Table.Column($0.rawValue, $0.label) }
        columns += [
            Table.Column(DossierAggregateReader.rateColumns[0], LocalizedText(vi: "Đúng hạn %", en: "On time %")),
            Table.Column(DossierAggregateReader.rateColumns[1], LocalizedText(vi: "Trễ hạn %", en: "Late %")),
            Table.Column(DossierAggregateReader.rateColumns[2], LocalizedText(vi: "Trực tuyến %", en: "Online %")),
            Table.Column(DossierAggregateReader.rateColumns[3], LocalizedText(vi: "Bưu chính %", en: "Postal %")),
        ]
        let rows: [[Table.Cell]] = rows.map { row in
            let rates = DossierRates(row, convention: .resolved)
            func cell(_ x: Double?) -> Table.Cell { x.map { .number($0, precision: 2) } ?? .missing }
            return [.text(row.unit), .text(row.period.description)] + row.breakdown.map { .text($0) }
                + fields.map { row[$0].map { .integer(Int($0)) } ?? .missing }
                + [cell(rates.onTime), cell(rates.late), cell(rates.onlineShare), cell(rates.postalShare)]
        }
        return Table(
            title: LocalizedText(vi: "Tổng hợp \(records) hồ sơ", en: "Summary of \(records) dossiers"),
            columns: columns, rows: rows, footnotes: footnotes)
    }

    private var footnotes: [LocalizedText] {
        var notes: [LocalizedText] = []
        switch accounting {
        case .period:
            notes.append(LocalizedText(
                vi: "Theo kỳ báo cáo: kỳ trước chuyển qua là hồ sơ chưa xong khi kỳ bắt đầu; giải quyết, rút, trả lại tính vào kỳ có ngày trả kết quả; trước hạn, đúng hạn, quá hạn so ngày trả với ngày hẹn trả (theo ngày); đang giải quyết quá hạn nếu hạn trước ngày cuối kỳ. Số liệu đến \(asOf); kỳ chứa ngày này tính đến ngày này.",
                en: "Period accounting: carried over = not finished when the period starts; resolved, withdrawn, returned count in the period finished; early, on time, late compare the finished day with the due day; pending is overdue when due before the period's last day. Data as of \(asOf); the period containing that date ends there."))
            if !earliestReceived.isEmpty {
                notes.append(LocalizedText(
                    vi: "Một kỳ chỉ đầy đủ khi tệp có mọi hồ sơ tiếp nhận trong kỳ; hồ sơ sớm nhất tiếp nhận ngày \(earliestReceived).",
                    en: "A period is complete only when the file holds every dossier received in it; the earliest was received on \(earliestReceived)."))
            }
        case .cohort:
            notes.append(LocalizedText(vi: "Theo kỳ tiếp nhận; hồ sơ đang giải quyết tính quá hạn nếu hạn trước \(asOf).",
                                       en: "By the period received; pending dossiers are overdue when due before \(asOf)."))
        }
        if let window {
            notes.append(LocalizedText(vi: "Kỳ báo cáo từ \(window.from) đến \(window.to).", en: "Reporting period \(window.from) to \(window.to)."))
        }
        if !hasChannels {
            notes.append(LocalizedText(vi: "Tệp không có cột hình thức nộp: số trực tuyến, bưu chính, trực tiếp không rõ.",
                                       en: "The file has no channel column: online, postal and direct counts are unknown."))
        }
        notes.append(LocalizedText(vi: "Tỷ lệ đúng hạn trên số hồ sơ đã giải quyết.", en: "On-time rate over dossiers resolved."))
        return notes
    }
}
