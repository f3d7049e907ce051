import ChisoTestSupport
import Foundation
import Testing

/// The module map of docs/architecture.md against Package.swift, and the rule that only the
/// command line speaks of its own flags.
struct ArchitectureTests {
    static let libraryModules = ["ChisoNumerics", "ChisoCore", "ChisoSpreadsheets", "ChisoIO", "ChisoOutput", "ChisoDossiers", "ChisoAnalysis", "ChisoReport"]

    static func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: Fixtures.repositoryRoot + "/" + relativePath, encoding: .utf8)
    }

    /// Target → its dependencies among the package's own modules, read from Package.swift.
    static func manifestDependencies() throws -> [String: Set<String>] {
        let manifest = try read("Package.swift")
        let pattern = try NSRegularExpression(pattern: #"\.(?:target|executableTarget)\(\s*name: "(\w+)",\s*dependencies: \[([^\]]*)\]"#)
        var result: [String: Set<String>] = [:]
        for match in pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)) {
            let name = String(manifest[Range(match.range(at: 1), in: manifest)!])
            let list = String(manifest[Range(match.range(at: 2), in: manifest)!])
            let own = list.split(separator: ",").compactMap { item -> String? in
                let trimmed = item.trimmingCharacters(in: .whitespacesAndNewlines)
                guard trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return nil }
                return String(trimmed.dropFirst().dropLast())
            }
            result[name] = Set(own)
        }
        return result
    }

    @Test func theModuleMapMatchesPackageSwift() throws {
        let manifest = try Self.manifestDependencies()
        let map = try Self.read("docs/architecture.md")
        for module in Self.libraryModules + ["chiso"] {
            let row = map.split(separator: "\n").first { $0.hasPrefix("| `\(module)` |") }
            let cells = try #require(row, "docs/architecture.md has no row for \(module)").split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }
            let documented = Set(cells.last!.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { $0.hasPrefix("Chiso") || $0 == "CLapack" })
            let declared = try #require(manifest[module]).filter { $0.hasPrefix("Chiso") || $0 == "CLapack" }
            #expect(documented == declared, "\(module): docs/architecture.md says \(documented.sorted()), Package.swift \(declared.sorted())")
        }
        let readme = try Self.read("README.md")
        for module in Self.libraryModules { #expect(readme.contains("Sources/\(module)"), "README Layout lacks \(module)") }
    }

    /// String literals of the library modules never name an option such as `--decimal-comma`:
    /// errors carry a `Remedy`, and the command line turns it into its flags.
    @Test func libraryMessagesNameNoFlag() throws {
        let flag = try NSRegularExpression(pattern: #""[^"\n]*(?<![\w-])--[a-z][a-z0-9-]+[^"\n]*""#)
        var offenders: [String] = []
        for module in Self.libraryModules {
            let folder = Fixtures.repositoryRoot + "/Sources/" + module
            let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("//") { continue }
                    let range = NSRange(line.startIndex..., in: line)
                    if flag.firstMatch(in: String(line), range: range) != nil { offenders.append("\(module)/\(file):\(number + 1)") }
                }
            }
        }
        #expect(offenders.isEmpty, "library strings that name a flag: \(offenders)")
    }
}
