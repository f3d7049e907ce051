import ChisoApproximation
import ChisoAnalysis
import ChisoDossiers
import ChisoIO
import ChisoTestSupport
import Foundation
import Testing

/// Checks and rates of dossier reports, on hand-computed cases.
struct DossierTests {
    /// The six-month report of seed 000: 100 received (93 new + 7 carried over), 85 resolved early
    /// or on time, 5 withdrawn, 10 not yet due, none late.
    static let seed = DossierAggregate(unit: "Sở KH&CN", period: .year(2023), counts: [
        .carriedOver: 7, .receivedNew: 93, .received: 100, .resolvedInTime: 85, .resolvedLate: 0, .withdrawn: 5, .pendingInTime: 10, .pendingOverdue: 0,
    ], location: "report:1")

    @Test func theSeedReportBalances() {
        let result = DossierAnalysis.check([Self.seed])
        #expect(result.violations.isEmpty)
        #expect(result.unchecked.isEmpty)
    }

    /// resolved: 85/85; due: 85/(85 + 0); processed: (85 + 10)/(85 + 10 + 0); workload: 85/100.
    @Test(arguments: [(OnTimeConvention.resolved, 100.0, 85.0), (.due, 100, 85), (.processed, 100, 95), (.workload, 85, 100)])
    func seedRatesUnderEachConvention(_ convention: OnTimeConvention, _ onTime: Double, _ denominator: Double) {
        let rates = DossierRates(Self.seed, convention: convention)
        #expect(rates.onTime == onTime)
        #expect(rates.denominator == denominator)
        #expect(rates.late == 0)
    }

    /// 120 received (20 carried over + 100 new; online 60, postal 15, direct 25): early 30,
    /// on time 50, late 8, withdrawn 2, pending in time 20, overdue 10.
    static let quarter = DossierAggregate(unit: "Sở Tư pháp", period: .quarter(2024, 2), counts: [
        .carriedOver: 20, .receivedNew: 100, .receivedOnline: 60, .receivedPostal: 15, .receivedDirect: 25,
        .resolvedEarly: 30, .resolvedOnTime: 50, .resolvedLate: 8, .withdrawn: 2, .pendingInTime: 20, .pendingOverdue: 10, .digitized: 90,
    ], location: "q.csv:2")

    @Test func ratesByHand() {
        // resolved: 80/88; due: 80/98, late (8+10)/98; processed: (80+20)/118, late 18/118; workload: 80/120.
        let expected: [(OnTimeConvention, Double, Double)] = [(.resolved, 80.0 / 88, 8.0 / 88), (.due, 80.0 / 98, 18.0 / 98), (.processed, 100.0 / 118, 18.0 / 118), (.workload, 80.0 / 120, 18.0 / 120)]
        for (convention, onTime, late) in expected {
            let rates = DossierRates(Self.quarter, convention: convention)
            #expect(agree(rates.onTime!, 100 * onTime, relative: 1e-14), "\(convention)")
            #expect(agree(rates.late!, 100 * late, relative: 1e-14), "\(convention)")
        }
        let rates = DossierRates(Self.quarter, convention: .resolved)
        #expect(rates.onlineShare == 60)
        #expect(rates.postalShare == 15)
        #expect(rates.digitizedShare == 90)
        #expect(DossierAnalysis.check([Self.quarter]).violations.isEmpty)
    }

    @Test func everyRuleReportsItsNumbers() {
        var broken = Self.quarter
        broken.counts[.resolvedLate] = 9            // balance off by one
        broken.counts[.receivedPostal] = 16         // channels sum to 101
        broken.counts[.digitized] = 101             // part above total
        broken.counts[.withdrawn] = -2              // negative (and balance)
        broken.counts[.received] = 119              // received ≠ 20 + 100
        broken.counts[.paused] = 0.5                // not a whole number
        let violations = DossierAnalysis.check([broken]).violations
        #expect(Set(violations.map(\.rule)) == ["balance", "channels", "part", "negative", "received", "whole"])
        let balance = violations.first { $0.rule == "balance" }!
        #expect(balance.detail == "20 + 100 = 119 ≠ 80 + 9 + -2 + 20 + 10 + 0.5 = 117.5 (in time + late + withdrawn + pending in time + overdue + paused)")
        #expect(balance.location == "q.csv:2")
        #expect(violations.first { $0.rule == "channels" }!.detail == "online + postal + direct = 60 + 16 + 25 = 101 ≠ received in the period = 100")
    }

    @Test func missingCountsLeaveTheBalanceUnchecked() {
        let partial = DossierAggregate(unit: "A", period: .year(2024), counts: [.receivedNew: 10, .resolvedInTime: 10], location: "p:2")
        let result = DossierAnalysis.check([partial])
        #expect(result.violations.isEmpty)
        #expect(result.unchecked.first?.missing == ["resolved_late", "withdrawn", "pending_in_time", "pending_overdue"])
        #expect(DossierRates(partial, convention: .due).onTime == nil)
    }

    @Test func readsAWideReportWithDecimalCommaThousands() throws {
        let csv = "đơn vị;kỳ;carried_over;received_new;resolved_in_time;resolved_late;withdrawn;pending_in_time;pending_overdue\nSở Nội vụ;2024-Q1;12;1.204;1.150;3;10;50;3\n"
        let path = try Fixtures.temporaryFile("ag.csv", csv)
        let rows = try DossierAggregateReader.read(path: path, options: ReadOptions(decimal: .comma), registry: try Fixtures.registry())
        #expect(rows.count == 1)
        #expect(rows[0][.receivedNew] == 1204)
        #expect(rows[0].location == "\(path):2")
        #expect(DossierAnalysis.check(rows).violations.isEmpty)  // 12 + 1204 = 1150 + 3 + 10 + 50 + 3
    }
}

/// A missing column is unknown, not zero: one missing term of the balance is worked out from the
/// others, two are not, and the message names the count that is missing.
struct DossierBalanceTests {
    static func row(_ counts: [DossierField: Double]) -> DossierAggregate {
        DossierAggregate(unit: "Sở Tư pháp", period: .half(2023, 1), counts: counts, location: "r.csv:2")
    }

    /// Seed 000 without a pending-overdue column: the balance makes it 0, and every convention has its rate.
    @Test func seed000WithoutPendingOverdue() {
        let seed = Self.row([.received: 100, .receivedNew: 93, .carriedOver: 7, .resolvedInTime: 85, .resolvedLate: 0, .withdrawn: 5, .pendingInTime: 10])
        let check = DossierAnalysis.check([seed])
        #expect(check.violations.isEmpty && check.unchecked.isEmpty)
        #expect(check.derived.map(\.field) == [.pendingOverdue] && check.derived.map(\.value) == [0])
        let expected: [OnTimeConvention: Double] = [.resolved: 100, .due: 100, .processed: 100, .workload: 85]
        for (convention, rate) in expected {
            #expect(DossierAnalysis.rates([seed], convention: convention).rates[0].onTime == rate, "\(convention)")
        }
    }

    @Test func twoMissingTermsLeaveTheBalanceUncheckedAndTheRateEmpty() {
        let row = Self.row([.received: 100, .resolvedInTime: 85, .withdrawn: 5, .pendingInTime: 10])
        let check = DossierAnalysis.check([row])
        #expect(check.unchecked.first?.missing == ["resolved_late", "pending_overdue"])
        let due = DossierAnalysis.rates([row], convention: .due)
        #expect(due.rates[0].onTime == nil)
        #expect(due.unavailable.first?.needs == ["resolved_late", "pending_overdue"])
        #expect(due.table.footnotes.contains { $0.en == "r.csv:2: no rate under the due denominator: resolved_late, pending_overdue not given." })
    }

    /// On time given, early missing: the message names resolved_early, not resolved_on_time.
    @Test func theMissingHalfOfInTimeIsNamed() {
        let row = Self.row([.received: 10, .resolvedOnTime: 6, .withdrawn: 1])
        #expect(DossierAnalysis.check([row]).unchecked.first?.missing == ["resolved_early", "resolved_late", "pending_in_time", "pending_overdue"])
    }

    @Test func aDerivedNegativeCountIsAnInconsistency() {
        let row = Self.row([.received: 10, .resolvedInTime: 8, .resolvedLate: 1, .withdrawn: 1, .pendingInTime: 3])
        let check = DossierAnalysis.check([row])
        #expect(check.violations.map(\.detail) == ["the counts given exceed the workload: pending_overdue would be -3"])
    }
}
