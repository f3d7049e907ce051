import ChisoTestSupport
import Foundation
import Testing

/// Every `$ chiso …` line of the walkthroughs in notebooks-cli/ prints what is written under it.
struct WalkthroughTests {
    static let steps: [ConsoleStep] = {
        let folder = Fixtures.repositoryRoot + "/notebooks-cli"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        return files.flatMap { (try? ConsoleWalkthrough.steps(in: folder + "/" + $0)) ?? [] }
    }()

    @Test func walkthroughsHaveSteps() {
        #expect(Self.steps.count >= 4)
    }

    @Test(arguments: steps)
    func stepPrintsWhatTheWalkthroughSays(_ step: ConsoleStep) throws {
        let result = try CLIRunner.run(step.arguments)
        #expect(result.status == step.status, "\(step): \(result.stderr)")
        #expect(result.stdout == step.expected, "\(step)")
    }
}
