import ChisoCore
import ChisoIO
import Foundation

/// The columns of a records file that summarising reads.
public enum DossierRecordColumn: String, Sendable, CaseIterable {
    case dossierID = "dossier_id"
    case unit
    case agency
    case procedure
    case channel
    case receivedDate = "received_date"
    case dueDate = "due_date"
    case finishedDate = "finished_date"
    case status

    /// The columns every records file needs.
    public static let required: [DossierRecordColumn] = [.unit, .receivedDate, .dueDate, .finishedDate, .status]
}

/// What became of a dossier, as a records file's status says it.
public enum DossierRecordStatus: String, Sendable, CaseIterable {
    /// Finished without the timing: early, on time or late follow from the dates.
    case resolved
    case early
    case onTime = "on_time"
    case late
    case withdrawn
    /// Returned to the applicant or refused (*trả lại*, *từ chối*).
    case rejected
    case pending
    /// Processing suspended (*tạm dừng*, waiting for the applicant).
    case paused
}

/// How a dossier was submitted.
public enum DossierRecordChannel: String, Sendable, CaseIterable {
    case online, direct, postal
}

/// The names one-stop systems give to columns, statuses and channels, matched on their
/// spelling-insensitive form (`NameFolding.asciiFolded`: case, diacritics, `đ` and punctuation do
/// not matter, so `Đã trả kết quả`, `ĐÃ TRẢ KẾT QUẢ` and `Da tra ket qua` are one name). The table
/// is in docs/dossiers.md; a file of `kind,name,meaning` rows extends it.
public struct DossierRecordVocabulary: Sendable {
    private(set) var columns: [String: DossierRecordColumn]
    private(set) var statuses: [String: DossierRecordStatus]
    private(set) var channels: [String: DossierRecordChannel]

    /// The built-in names: English schema names and the Vietnamese names of the provincial
    /// one-stop exports.
    public static let standard = DossierRecordVocabulary(
        columns: [
            "dossier_id": .dossierID, "ma ho so": .dossierID, "so ho so": .dossierID, "ma so ho so": .dossierID,
            "unit": .unit, "co quan don vi": .unit, "don vi": .unit, "co quan": .unit, "co quan giai quyet": .unit,
            "don vi giai quyet": .unit, "don vi xu ly": .unit, "co quan thuc hien": .unit, "don vi tiep nhan": .unit,
            "agency": .agency, "phong ban": .agency, "bo phan xu ly": .agency, "phong ban xu ly": .agency,
            "procedure": .procedure, "thu tuc": .procedure, "ten thu tuc": .procedure, "thu tuc hanh chinh": .procedure,
            "ten thu tuc hanh chinh": .procedure, "ten tthc": .procedure, "tthc": .procedure,
            "channel": .channel, "hinh thuc nop": .channel, "hinh thuc tiep nhan": .channel, "kenh tiep nhan": .channel,
            "kenh nop": .channel, "hinh thuc nop ho so": .channel,
            "received_date": .receivedDate, "ngay tiep nhan": .receivedDate, "ngay nhan": .receivedDate,
            "ngay nhan ho so": .receivedDate, "ngay tiep nhan ho so": .receivedDate, "thoi gian tiep nhan": .receivedDate,
            "due_date": .dueDate, "ngay hen tra": .dueDate, "ngay hen tra ket qua": .dueDate, "han xu ly": .dueDate,
            "han giai quyet": .dueDate, "ngay hen": .dueDate, "thoi han giai quyet": .dueDate,
            "finished_date": .finishedDate, "ngay tra ket qua": .finishedDate, "ngay tra": .finishedDate,
            "ngay hoan thanh": .finishedDate, "ngay ket thuc": .finishedDate, "thoi gian tra ket qua": .finishedDate,
            "ngay co ket qua": .finishedDate, "ngay xu ly xong": .finishedDate,
            "status": .status, "trang thai": .status, "tinh trang": .status, "trang thai ho so": .status,
            "tinh trang xu ly": .status, "ket qua xu ly": .status,
        ],
        statuses: [
            "resolved": .resolved, "finished": .resolved, "early": .early, "on_time": .onTime, "late": .late,
            "withdrawn": .withdrawn, "rejected": .rejected, "pending": .pending, "paused": .paused,
            "da tra ket qua": .resolved, "da giai quyet": .resolved, "hoan thanh": .resolved, "da hoan thanh": .resolved,
            "da xu ly xong": .resolved, "tra ket qua": .resolved, "da co ket qua": .resolved,
            "tra ket qua truoc han": .early, "da tra ket qua truoc han": .early, "truoc han": .early, "giai quyet truoc han": .early,
            "tra ket qua dung han": .onTime, "da tra ket qua dung han": .onTime, "dung han": .onTime, "giai quyet dung han": .onTime,
            "tra ket qua qua han": .late, "da tra ket qua qua han": .late, "tre han": .late, "giai quyet qua han": .late,
            "da tra ket qua tre han": .late, "tra ket qua tre han": .late,
            "cong dan rut ho so": .withdrawn, "rut ho so": .withdrawn, "da rut ho so": .withdrawn, "xin rut": .withdrawn,
            "xin rut ho so": .withdrawn, "to chuc ca nhan rut ho so": .withdrawn,
            "tra lai tu choi": .rejected, "tra lai": .rejected, "tu choi": .rejected, "tra lai ho so": .rejected,
            "tu choi giai quyet": .rejected, "khong du dieu kien": .rejected,
            "dang xu ly": .pending, "dang giai quyet": .pending, "cho xu ly": .pending, "moi tiep nhan": .pending,
            "dang thu ly": .pending, "cho phe duyet": .pending, "dang tham dinh": .pending,
            "tam dung": .paused, "cho bo sung": .paused, "yeu cau bo sung": .paused, "dang tam dung": .paused,
        ],
        channels: [
            "online": .online, "direct": .direct, "postal": .postal,
            "truc tuyen": .online, "dich vu cong truc tuyen": .online, "truc tuyen toan trinh": .online,
            "truc tuyen mot phan": .online, "qua mang": .online, "dvc truc tuyen": .online,
            "truc tiep": .direct, "tai bo phan mot cua": .direct, "nop truc tiep": .direct,
            "buu chinh cong ich": .postal, "qua buu chinh": .postal, "buu chinh": .postal, "qua buu chinh cong ich": .postal,
            "bcci": .postal,
        ])

    /// The key names are matched on.
    public static func key(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        // The English schema's snake_case names stay as they are.
        if trimmed.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "_") }) { return trimmed }
        return NameFolding.asciiFolded(trimmed)
    }

    public func column(_ header: String) -> DossierRecordColumn? { columns[Self.key(header)] }
    public func status(_ text: String) -> DossierRecordStatus? { statuses[Self.key(text)] }
    public func channel(_ text: String) -> DossierRecordChannel? { channels[Self.key(text)] }

    /// This vocabulary with the names of a map file added: CSV rows `kind,name,meaning` where
    /// kind is `column`, `status` or `channel` and meaning one of the schema's names
    /// (`column,Ngày nhận HS,received_date`; `status,Chờ trả,pending`; `channel,Cổng DVC,online`).
    /// A header row `kind,name,meaning` is allowed.
    public func adding(mapFile path: String) throws -> DossierRecordVocabulary {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !FileManager.default.fileExists(atPath: path) { throw DataError.fileNotFound(path: path) }
            throw DataError.unreadable(path: path, reason: "cannot be read")
        }
        let bytes = [UInt8](data)
        var vocabulary = self
        for record in try CSVTokenizer.records(bytes[...], separator: CSVTokenizer.detectSeparator(bytes[...]), file: path).records {
            let fields = record.fields, lineNumber = record.line
            guard fields.count == 3 else {
                throw DossierRecordError.badMap(file: path, line: lineNumber, reason: "expected kind,name,meaning (3 fields), found \(fields.count)")
            }
            let kind = fields[0].trimmingCharacters(in: .whitespaces).lowercased()
            let name = Self.key(fields[1]), meaning = fields[2].trimmingCharacters(in: .whitespaces).lowercased()
            if lineNumber == 1 && kind == "kind" { continue }
            guard !name.isEmpty else { throw DossierRecordError.badMap(file: path, line: lineNumber, reason: "the name is empty") }
            switch kind {
            case "column":
                guard let column = DossierRecordColumn(rawValue: meaning) else {
                    throw DossierRecordError.badMap(file: path, line: lineNumber, reason: "'\(meaning)' is not a column; known: \(DossierRecordColumn.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                vocabulary.columns[name] = column
            case "status":
                guard let status = DossierRecordStatus(rawValue: meaning) else {
                    throw DossierRecordError.badMap(file: path, line: lineNumber, reason: "'\(meaning)' is not a status; known: \(DossierRecordStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                vocabulary.statuses[name] = status
            case "channel":
                guard let channel = DossierRecordChannel(rawValue: meaning) else {
                    throw DossierRecordError.badMap(file: path, line: lineNumber, reason: "'\(meaning)' is not a channel; known: online, direct, postal")
                }
                vocabulary.channels[name] = channel
            default:
                throw DossierRecordError.badMap(file: path, line: lineNumber, reason: "kind '\(kind)' is not column, status or channel")
            }
        }
        return vocabulary
    }
}
