import Foundation

/// The units a report speaks of — departments, the offices of a province, districts, provinces,
/// ministries — found in its text and written one way: "Sở KH&CN", "Sở Khoa học & Công nghệ" and
/// "Sở Khoa học và Công nghệ" are all "Sở Khoa học và Công nghệ".
enum ReportSubjects {
    /// The provincial departments (sở) by name.
    static let departments = [
        "Nội vụ", "Tư pháp", "Kế hoạch và Đầu tư", "Tài chính", "Công Thương", "Nông nghiệp và Phát triển nông thôn",
        "Nông nghiệp và Môi trường", "Giao thông vận tải", "Xây dựng", "Tài nguyên và Môi trường", "Thông tin và Truyền thông",
        "Lao động - Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao", "Du lịch", "Khoa học và Công nghệ",
        "Giáo dục và Đào tạo", "Y tế", "Ngoại vụ", "Dân tộc và Tôn giáo", "Ngoại giao", "Công an", "Quốc phòng", "Kế hoạch - Đầu tư",
    ]

    /// The usual abbreviations of department names, by their letters without punctuation
    /// (KH&CN, KHCN and KH-CN are one).
    static let abbreviations: [String: String] = [
        "KHCN": "Khoa học và Công nghệ", "KHĐT": "Kế hoạch và Đầu tư", "KHDT": "Kế hoạch và Đầu tư", "GDĐT": "Giáo dục và Đào tạo",
        "GDDT": "Giáo dục và Đào tạo", "LĐTBXH": "Lao động - Thương binh và Xã hội", "LDTBXH": "Lao động - Thương binh và Xã hội",
        "TTTT": "Thông tin và Truyền thông", "TTVTT": "Thông tin và Truyền thông", "TNMT": "Tài nguyên và Môi trường",
        "GTVT": "Giao thông vận tải", "NNPTNT": "Nông nghiệp và Phát triển nông thôn", "NNMT": "Nông nghiệp và Môi trường",
        "VHTTDL": "Văn hóa, Thể thao và Du lịch", "VHTT": "Văn hóa và Thể thao", "XD": "Xây dựng", "YT": "Y tế", "TC": "Tài chính",
        "CT": "Công Thương", "NV": "Nội vụ", "TP": "Tư pháp", "NgV": "Ngoại vụ", "DTTG": "Dân tộc và Tôn giáo",
    ]

    /// A department name as written with "&" or other capitalisation, folded for lookup.
    static func key(_ name: String) -> String {
        name.replacingOccurrences(of: "&", with: " và ").lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).joined(separator: " ")
    }
    static let departmentsByKey = Dictionary(departments.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })

    static let capitalWord = #"[\p{Lu}Đ][\p{L}]*"#
    static let properName = capitalWord + #"(?:(?:\s+|\s*-\s*)"# + capitalWord + #")*"#
    static let pattern = try! NSRegularExpression(pattern: [
        // Departments: Sở and what follows, resolved against the known names below.
        #"\bSở\s+[\p{Lu}Đ][^.;:()]{0,60}"#,
        #"\bVăn phòng (?:UBND|Ủy ban nhân dân) tỉnh"#,
        #"\bBan Quản lý(?:\s+(?:[\p{Lu}Đ][\p{L}]*|và|các))+"#,
        #"\b(?:UBND|Ủy ban nhân dân)\s+(?:huyện|thị xã|thành phố|quận|tỉnh|xã|phường|thị trấn)\s+"# + properName,
        #"\bTrung tâm (?:Phục vụ|phục vụ|Hành chính|hành chính)[\p{L} ]*?(?:hành chính công|Hành chính công)(?:\s+(?:tỉnh|huyện|xã|thành phố)(?:\s+"# + properName + ")?)?",
        #"\bBộ\s+[\p{Lu}Đ][^.;:()]{0,60}"#,
        #"\bCông an tỉnh"#,
        #"(?<![\p{L}])(?:huyện|thị xã|thành phố|quận|tỉnh|TP\.)\s*"# + properName,
    ].joined(separator: "|"))

    /// Each unit named in `text`, with its UTF-16 position, written the one way.
    static func mentions(in text: String) -> [(position: Int, subject: String)] {
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { match in
            normalized(ns.substring(with: match.range)).map { (match.range.location, $0) }
        }
    }

    /// The one spelling of a unit's name; nil for words that only look like one.
    static func normalized(_ raw: String) -> String? {
        var name = raw.trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
        name = name.replacingOccurrences(of: "Ủy ban nhân dân", with: "UBND").replacingOccurrences(of: "TP.", with: "thành phố ")
        name = name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if name.hasPrefix("Sở ") { return department(String(name.dropFirst(3))).map { "Sở " + $0 } }
        if name.hasPrefix("Bộ ") { return department(String(name.dropFirst(3))).map { "Bộ " + $0 } }
        return name.count > 4 ? name : nil
    }

    /// The text after "Sở" (or "Bộ"): the longest known department name it starts with (written
    /// with "và" or "&"), else an abbreviation (KH&CN, LĐ-TB&XH, TN&MT), else nil.
    static func department(_ text: String) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        for count in stride(from: min(9, words.count), through: 1, by: -1) {
            let candidate = words.prefix(count).joined(separator: " ")
            if let full = departmentsByKey[key(candidate)] { return full }
        }
        guard let first = words.first else { return nil }
        let abbreviation = first.trimmingCharacters(in: CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "&-")))
        let letters = abbreviation.filter { $0.isLetter }
        if let full = abbreviations[letters] { return full }
        // Another abbreviation in capitals: kept as written.
        if letters.count >= 2, letters.allSatisfy({ $0.isUppercase }) { return abbreviation }
        return nil
    }
}
