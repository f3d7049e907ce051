import ChisoAnalysis
import ChisoDossiers
import Testing

struct DossierTargetTests {
    private func quarter(_ q: Int, _ counts: [DossierField: Double], unit: String = "Sở Tư pháp") -> DossierAggregate {
        DossierAggregate(unit: unit, period: .quarter(2024, q), counts: counts)
    }

    @Test func aConstantVolumeGivesTheGoalTimesTheVolumeRoundedUp() throws {
        // 100 received every quarter: the volume forecast is 100 with no spread; 7% of 100 is 7
        // (not 8, which 7 / 100 × 100 = 7.000000000000001 would give when rounded up).
        let rows = [90.0, 95, 97].enumerated().map { quarter($0 + 1, [.receivedNew: 100, .receivedOnline: $1, .receivedPostal: 7]) }
        let online = try DossierAnalysis.target(rows, DossierTargetRequest(unit: "so tu phap", rate: .online, atLeast: 98))
        #expect(online.unit == "Sở Tư pháp")
        #expect(online.lastPeriod == .quarter(2024, 3) && online.nextPeriod == .quarter(2024, 4))
        #expect(online.volume.points == [100])
        #expect(online.required == 98)
        #expect(online.requiredAtUpper == [98, 98])
        #expect(online.lastRate == 97)
        #expect(online.atLastRate == 97)
        #expect(online.shortfall == 1)
        let postal = try DossierAnalysis.target(rows, DossierTargetRequest(unit: "Sở Tư pháp", rate: .postal, atLeast: 7))
        #expect(postal.required == 7)
        #expect(postal.shortfall == 0)
    }

    @Test func theOnTimeVolumeIsTheConventionsDenominator() throws {
        // Resolved = 600 + 380 + 20 = 1000 and 620 + 400 + 30 = 1050; due adds the 10 and 20 overdue.
        let rows = [
            quarter(1, [.receivedNew: 1000, .resolvedEarly: 600, .resolvedOnTime: 380, .resolvedLate: 20, .pendingOverdue: 10]),
            quarter(2, [.receivedNew: 1040, .resolvedEarly: 620, .resolvedOnTime: 400, .resolvedLate: 30, .pendingOverdue: 20]),
        ]
        let resolved = try DossierAnalysis.target(rows, DossierTargetRequest(unit: "Sở Tư pháp", rate: .onTime, atLeast: 99, convention: .resolved))
        // Two points: naive, so the volume forecast is the last one.
        #expect(resolved.volume.points == [1050])
        #expect(resolved.lastCount == 1020)
        #expect(resolved.required == 1040) // ⌈0.99 × 1050⌉ = ⌈1039.5⌉
        #expect(resolved.atLastRate == 1020)
        let due = try DossierAnalysis.target(rows, DossierTargetRequest(unit: "Sở Tư pháp", rate: .onTime, atLeast: 99, convention: .due))
        #expect(due.volume.points == [1070])
        #expect(due.required == 1060) // ⌈1059.3⌉
        // Wider volumes need more: the upper bounds are above the point.
        #expect(due.requiredAtUpper.allSatisfy { $0 > due.required })
    }

    @Test func badRequestsAreNamedErrors() throws {
        let rows = [quarter(1, [.receivedNew: 10, .receivedOnline: 5]), quarter(3, [.receivedNew: 12, .receivedOnline: 6])]
        #expect(throws: DossierTargetError.gap(unit: "Sở Tư pháp", periods: ["2024-Q1", "2024-Q3"])) {
            try DossierAnalysis.target(rows, DossierTargetRequest(unit: "Sở Tư pháp", rate: .online, atLeast: 90))
        }
        #expect(throws: DossierTargetError.unknownUnit("Sở Y tế", available: ["Sở Tư pháp"])) {
            try DossierAnalysis.target(rows, DossierTargetRequest(unit: "Sở Y tế", rate: .online, atLeast: 90))
        }
        #expect(throws: DossierTargetError.missingCounts(unit: "Sở Tư pháp", period: "2024-Q1", location: nil, rate: "postal")) {
            try DossierAnalysis.target(rows, DossierTargetRequest(unit: "Sở Tư pháp", rate: .postal, atLeast: 90))
        }
        #expect(throws: DossierTargetError.rateOutOfRange(101)) {
            try DossierAnalysis.target(rows, DossierTargetRequest(unit: "Sở Tư pháp", rate: .online, atLeast: 101))
        }
        #expect(throws: (any Error).self) {
            try DossierAnalysis.target([rows[0]], DossierTargetRequest(unit: "Sở Tư pháp", rate: .online, atLeast: 90))
        }
    }
}
