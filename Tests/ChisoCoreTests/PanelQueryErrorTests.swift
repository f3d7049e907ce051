import ChisoCore
import Testing

/// Messages about a panel's indicators stay one readable line however many indicators it has.
struct PanelQueryErrorTests {
    static let many = (1...3000).map { "IND_" + String(repeating: "0", count: 4 - String($0).count) + String($0) }

    @Test func anUnknownIndicatorAmongManyNamesTheClosest() {
        let message = PanelQueryError.unknownIndicator(name: "IND_07", panel: "panel.csv", available: Self.many).description
        #expect(message == "panel.csv has no indicator 'IND_07' (it has 3000); closest: IND_0007, IND_0017, IND_0027")
    }

    @Test func aFewAreAllListed() {
        let message = PanelQueryError.unknownIndicator(name: "X", panel: "par", available: ["PAR_INDEX", "PAR_D1"]).description
        #expect(message == "par has no indicator 'X'; indicators: PAR_INDEX, PAR_D1")
    }

    @Test func aLongListIsShortenedWithItsCount() {
        let message = PanelQueryError.noIndicatorGiven(panel: "panel.csv", available: Self.many).description
        #expect(message == "panel.csv has several indicators (IND_0001, IND_0002, IND_0003, IND_0004, IND_0005, …, IND_2999, IND_3000 (3000 in all))")
    }
}
