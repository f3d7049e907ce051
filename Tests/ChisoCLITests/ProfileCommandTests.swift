import ChisoAnalysis
import ChisoTestSupport
import Foundation
import Testing

/// `chiso profile`, run as a user runs it.
struct ProfileCommandTests {
    @Test func oneProvinceAcrossTheBundledIndices() throws {
        let result = try CLIRunner.run(["profile", "quang ninh", "--format", "csv", "-q"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "dataset,indicator,year,value,rank,n,published_rank,change,slope_per_year,trend_n,forecast_period,forecast_base,forecast_steps,forecast,lo_80,hi_80,method,gap_top10,gap_group_a,strongest,weakest")
        #expect(lines.dropFirst().map { $0.split(separator: ",")[0] } == ["papi", "par", "pci", "sipas"])
        // Published: PAR INDEX 2024 91.49 (4th; 92.18 in 2023), PCI 2024 73.2 (2nd; 71.25 in 2023),
        // SIPAS 2023 90.61 (1st). 13 of 63 values: no rank among them, the published rank instead.
        #expect(lines[2].hasPrefix("par,PAR_INDEX,2024,91.49,,13,4,-0.69,"))
        // Khánh Hòa's 90.49 at published rank 10: Quảng Ninh is 1 clear of it, 1.49 above group A.
        #expect(lines[2].hasSuffix(",-1,-1.49,,"))
        #expect(lines[2].contains(",2025,2024,1,"))
        #expect(lines[3].hasPrefix("pci,PCI,2024,73.2,,14,2,1.95,"))
        // SIPAS's latest value is 2023: its 2025 forecast is 2 steps ahead.
        #expect(lines[4].hasPrefix("sipas,SIPAS,2023,90.61,,20,1,3.02,"))
        #expect(lines[4].contains(",2025,2023,2,"))
        // PAPI's 2022 total is the start of its trailing run of years: no forecast, and it says why.
        #expect(lines[1].contains(",not forecast: too short,"))
    }

    @Test func terminalPageInVietnamese() throws {
        let result = try CLIRunner.run(["profile", "Quảng Nam", "--format", "table", "--lang", "vi", "-q"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Hồ sơ chỉ số: Quảng Nam"))
        #expect(result.stdout.contains("Cách nhóm A"))
        #expect(result.stdout.contains("PCI_LAW_AND_ORDER (4/26)"))
    }

    @Test func as2025ProfilesTheNewProvince() throws {
        let result = try CLIRunner.run(["profile", "Lào Cai", "--as-2025", "--year", "2023", "--format", "csv"])
        #expect(result.status == 0)
        // Lào Cai 90.60 and Yên Bái 88.86 in 2023: the new Lào Cai's PAR INDEX is their mean.
        #expect(result.stdout.contains("\npar (as 2025),PAR_INDEX,2023,89.73,,8,,"))
        #expect(result.stderr.contains("as the 34 provinces of 2025"))
    }

    @Test func anUnknownProvinceNamesTheClosest() throws {
        let result = try CLIRunner.run(["profile", "Quang Nma", "-q"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Quảng Nam"))
        #expect(result.stdout.isEmpty)
    }
}
