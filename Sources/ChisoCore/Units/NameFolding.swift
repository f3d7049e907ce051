import Foundation

/// Spelling-insensitive keys for Vietnamese names.
///
/// A key removes what varies between spellings of the same name: Unicode normalisation
/// (NFC or NFD), diacritics and tone marks (including where the tone sits, `Hòa`/`Hoà`),
/// `đ`, case, punctuation and spaces, and the administrative prefixes `Tỉnh`, `Thành phố`, `TP.`.
public enum NameFolding {
    /// Lower-case ASCII words of `text`: diacritics removed, `đ` → `d`, punctuation as spaces.
    public static func words(_ text: String) -> [String] {
        var folded = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "đ", "Đ", "ð", "Ð": folded.append("d")
            default:
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    folded.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    folded.append(" ")
                }
            }
        }
        return folded.split(separator: " ").map(String.init)
    }

    /// Lower-case ASCII text with single spaces between words: `Thừa Thiên Huế` → `thua thien hue`.
    public static func asciiFolded(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The matching key of a unit name: words without administrative prefixes, joined without spaces.
    ///
    /// `Thành phố Hồ Chí Minh`, `TP. Hồ Chí Minh` and `ho chi minh` all give `hochiminh`;
    /// `TP.HCM` gives `hcm`, which the registry knows as an alias.
    public static func key(_ text: String) -> String {
        var parts = words(text)
        let prefixes: [[String]] = [["thanh", "pho"], ["tinh"], ["tp"], ["t", "p"], ["city", "of"], ["province", "of"]]
        var stripped = true
        while stripped, parts.count > 1 {
            stripped = false
            for prefix in prefixes where parts.count > prefix.count && Array(parts.prefix(prefix.count)) == prefix {
                parts.removeFirst(prefix.count)
                stripped = true
                break
            }
        }
        for suffix in ["city", "province"] where parts.count > 1 && parts.last == suffix {
            parts.removeLast()
        }
        return parts.joined()
    }

    /// Levenshtein distance between two strings, by characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
