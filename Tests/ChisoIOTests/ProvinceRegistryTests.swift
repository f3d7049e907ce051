import ChisoCore
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// The registry built from the checked facts in datasets/provinces.
struct ProvinceRegistryTests {
    let registry: ProvinceRegistry

    init() throws {
        registry = try Fixtures.registry()
    }

    @Test func hasSixtyThreeAndThirtyFourUnitsAndSixRegions() {
        #expect(registry.provinces63.currentUnits.count == 63)
        #expect(registry.provinces34.units.count == 34)
        #expect(registry.provinces63.regions.count == 6)
        #expect(Set(registry.provinces63.currentUnits.map(\.code)).count == 63)
        #expect(registry.mergedInto.count == 64)
    }

    /// Hà Tây: GSO code 28, scored to 2008, merged into Hà Nội on 1 August 2008 (Resolution 15/2008/QH12).
    @Test func haTayExistedTo2008() throws {
        let haTay = try registry.provinces63.resolve("Hà Tây")
        #expect(haTay.code == "28" && haTay.lastYear == 2008)
        #expect(try registry.provinces63.resolve("Ha Tay").code == "28")
        #expect(registry.provinces63.unitCount(in: .year(2007)) == 64)
        #expect(registry.provinces63.unitCount(in: .year(2008)) == 64)
        #expect(registry.provinces63.unitCount(in: .year(2009)) == 63)
        #expect(registry.mergedInto["28"] == registry.mergedInto["01"])
        let redRiver = try registry.provinces63.resolveRegion("Đồng bằng sông Hồng", system: .resolution2023)
        #expect(registry.provinces63.members(redRiver, in: .year(2007)).contains("28"))
        #expect(!registry.provinces63.members(redRiver).contains("28"))
        // HT stays Hà Tĩnh: a unit merged away has no initials.
        #expect(try registry.provinces63.resolve("HT").code == "42")
    }

    @Test(arguments: [
        ("Hà Tĩnh", "42"), ("ha tinh", "42"), ("HT", "42"), ("42", "42"), ("Tỉnh Hà Tĩnh", "42"),
        ("TP.HCM", "79"), ("HCMC", "79"), ("Tp. Hồ Chí Minh", "79"), ("Thành phố Hồ Chí Minh", "79"), ("Ho Chi Minh City", "79"),
        ("BRVT", "77"), ("BR-VT", "77"), ("Bà Rịa – Vũng Tàu", "77"), ("TT-Huế", "46"), ("Huế", "46"), ("Thua Thien Hue", "46"),
        ("Đắc Lắc", "66"), ("Dak Lak", "66"), ("Hoà Bình", "17"), ("Hanoi", "01"), ("1", "01"), ("HÀ NỘI", "01"),
        ("Khánh Hoà", "56"), ("Cần Thơ", "92"),
    ])
    func resolvesAnySpelling(_ spelling: String, _ code: String) throws {
        #expect(try registry.provinces63.resolve(spelling).code == code)
        #expect(try registry.provinces63.resolve(spelling.decomposedStringWithCanonicalMapping).code == code)
    }

    /// Edit distances between keys: hatinhh → hatinh 1, hoabinh 3, hanoi 4, hagiang 4 (Hà Nội comes first in code order).
    @Test func unknownNameListsThreeClosest() {
        #expect(throws: UnitLookupError.unknown(name: "Ha Tinhh", system: "provinces-63", suggestions: ["Hà Tĩnh", "Hòa Bình", "Hà Nội"])) {
            try registry.provinces63.resolve("Ha Tinhh")
        }
        do {
            _ = try registry.provinces63.resolve("Quang Nan")
            Issue.record("an unknown name resolved")
        } catch {
            guard case let .unknown(_, _, suggestions) = error else { Issue.record("wrong error \(error)"); return }
            #expect(suggestions.count == 3)
            #expect(suggestions.contains("Quảng Nam"))
        }
    }

    @Test func sharedInitialsAreAmbiguous() {
        #expect(throws: UnitLookupError.ambiguous(name: "HG", system: "provinces-63", candidates: ["Hà Giang", "Hậu Giang"])) {
            try registry.provinces63.resolve("HG")
        }
    }

    @Test func mergerMapsOldProvincesToTheirNewUnit() throws {
        #expect(registry.mergedInto["02"] == "08")  // Hà Giang → Tuyên Quang
        #expect(registry.mergedInto["10"] == "15")  // Lào Cai (old) → Lào Cai (new, code of Yên Bái)
        #expect(registry.mergedInto["15"] == "15")  // Yên Bái → Lào Cai
        #expect(registry.mergedInto["01"] == "01")
        // Every one of the 34 codes is used, and 11 units are unchanged.
        #expect(Set(registry.mergedInto.values) == Set(registry.provinces34.units.map(\.code)))
        let current = Set(registry.provinces63.currentUnits.map(\.code))
        let sizes = Dictionary(grouping: registry.mergedInto.filter { current.contains($0.key) }.values, by: { $0 }).mapValues(\.count)
        #expect(sizes.values.filter { $0 == 1 }.count == 11)
        // Names mean different units before and after the merger.
        #expect(try registry.provinces34.resolve("Lào Cai").code == "15")
        #expect(try registry.provinces63.resolve("Lào Cai").code == "10")
        #expect(try registry.provinces34.resolve("Huế").code == "46")
    }

    @Test func regionsResolveInVietnameseAsciiAndEnglish() throws {
        let redRiver = Region(name: "Đồng bằng sông Hồng", system: .resolution2023)
        #expect(try registry.provinces63.resolveRegion("Red River Delta", system: .resolution2023) == redRiver)
        #expect(try registry.provinces63.resolveRegion("dong bang song hong", system: .resolution2023) == redRiver)
        #expect(registry.provinces63.members(redRiver).count == 11)
        #expect(throws: UnitLookupError.self) { try registry.provinces63.resolveRegion("Atlantis") }
    }

    /// The six regions of 2023 and the eight traditional ones: a name only one system has resolves
    /// there; the Red River Delta, with Quảng Ninh in 2023 and without it traditionally, must be
    /// told which; the Mekong Delta is the same 13 provinces in both.
    @Test func bothRegionSystemsWithTheirOfficialNames() throws {
        let system = registry.provinces63
        #expect(system.regions.count == 6 && system.traditionalRegions.count == 8)
        let northCentral = try system.resolveRegion("Bắc Trung Bộ")
        #expect(northCentral == Region(name: "Bắc Trung Bộ", system: .traditional))
        #expect(system.members(northCentral) == ["38", "40", "42", "44", "45", "46"])
        let southCentral = try system.resolveRegion("Duyên hải Nam Trung Bộ")
        #expect(system.members(southCentral).count == 8 && system.members(southCentral).contains("56"))
        let central2023 = try system.resolveRegion("Bắc Trung Bộ và duyên hải miền Trung")
        #expect(central2023.system == .resolution2023 && system.members(central2023) == system.members(northCentral).union(system.members(southCentral)))
        #expect(throws: UnitLookupError.self) { try system.resolveRegion("Đồng bằng sông Hồng") }
        #expect(system.members(try system.resolveRegion("Đồng bằng sông Hồng", system: .traditional)).count == 10)
        #expect(system.members(try system.resolveRegion("Mekong Delta")).count == 13)
        #expect(system.unit(code: "22")?.traditionalRegion == "Đông Bắc" && system.unit(code: "22")?.region == "Đồng bằng sông Hồng")
    }

    @Test(.enabled(if: Fixtures.runSharedTests, "../shared/facts is not beside the repository"))
    func agreesWithTheCheckedFactsInShared() throws {
        let facts = try TabularFile.read(path: Fixtures.sharedFolder + "/facts/provinces_63.csv")
        #expect(facts.records.count == 63)
        for record in facts.records {
            let unit = try #require(registry.provinces63.unit(code: facts.field(record, 0)))
            #expect(unit.name == facts.field(record, 1))
            #expect(unit.asciiName == facts.field(record, 2))
            #expect(unit.region == facts.field(record, 3))
        }
    }
}
