import ChisoCore
import Foundation
import Testing

struct NameFoldingTests {
    @Test func removesDiacriticsToneMarksAndD() {
        #expect(NameFolding.asciiFolded("Thừa Thiên Huế") == "thua thien hue")
        #expect(NameFolding.asciiFolded("Đắk Lắk") == "dak lak")
        #expect(NameFolding.asciiFolded("Bà Rịa - Vũng Tàu") == "ba ria vung tau")
    }

    @Test func nfcAndNfdGiveTheSameKey() {
        let nfc = "Hà Tĩnh".precomposedStringWithCanonicalMapping
        let nfd = "Hà Tĩnh".decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        #expect(NameFolding.key(nfc) == NameFolding.key(nfd))
    }

    @Test func tonePlacementDoesNotMatter() {
        #expect(NameFolding.key("Hòa Bình") == NameFolding.key("Hoà Bình"))
        #expect(NameFolding.key("Thanh Hóa") == NameFolding.key("Thanh Hoá"))
    }

    @Test(arguments: [
        ("Thành phố Hồ Chí Minh", "hochiminh"), ("TP. Hồ Chí Minh", "hochiminh"), ("Tp.Hồ Chí Minh", "hochiminh"),
        ("Tỉnh Hà Tĩnh", "hatinh"), ("TP.HCM", "hcm"), ("Ho Chi Minh City", "hochiminh"), ("T.P. Cần Thơ", "cantho"),
    ])
    func stripsAdministrativePrefixes(_ text: String, _ key: String) {
        #expect(NameFolding.key(text) == key)
    }

    @Test func editDistance() {
        #expect(NameFolding.editDistance("hatinh", "hatinh") == 0)
        #expect(NameFolding.editDistance("hatinh", "hatih") == 1)
        #expect(NameFolding.editDistance("kitten", "sitting") == 3)
        #expect(NameFolding.editDistance("", "abc") == 3)
    }
}
