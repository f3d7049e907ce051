import ArgumentParser
@testable import chiso
import ChisoOutput
import Testing

/// Help texts, generated in process as swift-argument-parser's own tests do (`helpMessage(for:)`).
struct HelpTests {
    /// Every subcommand, nested ones included.
    static func allCommands(_ root: ParsableCommand.Type = Chiso.self) -> [ParsableCommand.Type] {
        let configuration = root.configuration
        let children = configuration.subcommands + configuration.groupedSubcommands.flatMap(\.subcommands)
        return children.flatMap { [$0] + allCommands($0) }
    }

    @Test func everyCommandWithOutputOptionsListsEveryFormat() {
        var checked = 0
        for command in Self.allCommands() {
            let help = Chiso.helpMessage(for: command, columns: 200)
            guard help.contains("--format <format>") else { continue }
            checked += 1
            for format in OutputFormat.allCases {
                #expect(help.contains(format.rawValue), "\(command._commandName) --format help lacks \(format.rawValue)")
            }
        }
        #expect(checked >= 10)
    }

    @Test func rootHelpGroupsTheCommands() {
        let help = Chiso.helpMessage(columns: 200)
        for group in ["EXPLORE SUBCOMMANDS", "MODEL SUBCOMMANDS", "PLAN SUBCOMMANDS", "DOSSIERS SUBCOMMANDS", "NOTEBOOKS SUBCOMMANDS"] {
            #expect(help.contains(group))
        }
        for command in ["rank", "trend", "forecast", "target", "profile", "extract"] {
            #expect(help.contains(command))
        }
    }

    @Test(arguments: [DossiersSummarizeCommand.self, RankCommand.self, ShowCommand.self, TrendCommand.self] as [any ParsableCommand.Type])
    func workersAreThreads(_ command: any ParsableCommand.Type) {
        let help = Chiso.helpMessage(for: command, columns: 200)
        #expect(help.contains("--workers <workers>"))
        #expect(help.contains("Threads that read a large CSV file"))
    }
}
