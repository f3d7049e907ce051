@testable import chiso
import ChisoAnalysis
import ChisoTestSupport
import Foundation
import Testing

/// `chiso notebook run`, run as a user runs it.
struct NotebookCommandTests {
    @Test func aStaleNotebookIsReportedThenUpdated() throws {
        let file = try Fixtures.temporaryFile("analysis.md", """
            # PAR INDEX 2023

            ```console
            $ chiso rank par --year 2023 --top 2 --format csv -q
            rank,unit,code,value,n,published_rank,change,rank_change,percentile,quartile
            1,Quảng Ninh,22,92.18,31,1,2.08,0,100,1
            2,Hải Phòng,31,91.00,31,2,1.78,0,96.66666666666667,1
            $ chiso rank par --year 1990
            ```

            """)
        let check = try CLIRunner.run(["notebook", "run", file])
        #expect(check.status == 1)
        #expect(check.stdout.contains("analysis.md:4: $ chiso rank par --year 2023 --top 2 --format csv -q\n  output line 3:\n  - written: 2,Hải Phòng,31,91.00,"))
        #expect(check.stdout.contains("  + printed: 2,Hải Phòng,31,91.87,"))
        #expect(check.stdout.contains("analysis.md:8: $ chiso rank par --year 1990\n  exit status 1, written 0\n"))
        #expect(check.stderr.contains("2 of 2 steps differ"))

        let update = try CLIRunner.run(["notebook", "run", file, "--update"])
        #expect(update.status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("2,Hải Phòng,31,91.87,31,2,1.78,0,96.66666666666667,1\n$ chiso rank par --year 1990\n[exit status 1]\n```\n"))
        let again = try CLIRunner.run(["notebook", "run", file])
        #expect(again.status == 0)
        #expect(again.stderr.contains("2 steps, all as written"))
    }

    /// The walkthroughs of notebooks-cli/ print what they say: a difference is reported with its
    /// file and line.
    @Test func everyWalkthroughRunsAsWritten() throws {
        let folder = Fixtures.repositoryRoot + "/notebooks-cli"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        #expect(try files.map { try CLINotebook(path: folder + "/" + $0).steps.count }.reduce(0, +) >= 20)
        let result = try CLIRunner.run(["notebook", "run"] + files.map { "notebooks-cli/" + $0 })
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.isEmpty)
    }

    /// The worked examples of the docs run as written too: what docs/dossiers.md states about the
    /// rates of seed 000 is what chiso prints.
    @Test func theDocumentedExamplesRunAsWritten() throws {
        let result = try CLIRunner.run(["notebook", "run", "docs/dossiers.md"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("3 steps, all as written"))
    }

    @Test func aMissingNotebookIsAnError() throws {
        let result = try CLIRunner.run(["notebook", "run", "no-such-notebook.md"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no-such-notebook.md"))
    }
}
