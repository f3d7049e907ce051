@testable import chiso
import Testing

struct CLINotebookTests {
    static let text = """
        # A notebook

        ```console
        $ chiso rank par --unit 'Quảng Ninh' --format csv
        rank,unit
        1,Quảng Ninh
        $ chiso show nothing
        [exit status 1]
        ```

        Text between blocks.

        ```sh
        $ chiso not-a-step
        ```

        ```console
        $ chiso datasets "two words"
        ```
        """

    @Test func stepsWithTheirLinesOutputsAndStatuses() throws {
        let notebook = try CLINotebook(path: "n.md", text: Self.text)
        #expect(notebook.steps.map(\.line) == [4, 7, 18])
        #expect(notebook.steps[0].arguments == ["rank", "par", "--unit", "Quảng Ninh", "--format", "csv"])
        #expect(notebook.steps[0].expected == "rank,unit\n1,Quảng Ninh\n")
        #expect(notebook.steps[0].status == 0)
        #expect(notebook.steps[1].expected == "" && notebook.steps[1].status == 1)
        #expect(notebook.steps[2].arguments == ["datasets", "two words"])
        #expect(notebook.steps[2].description == "n.md:18")
    }

    @Test func updatingReplacesOnlyTheOutputs() throws {
        let notebook = try CLINotebook(path: "n.md", text: Self.text)
        let updated = notebook.updated(with: [("rank,unit\n1,Hải Phòng\n2,Quảng Ninh\n", 0), ("", 0), ("a\n", 2)])
        #expect(updated == """
            # A notebook

            ```console
            $ chiso rank par --unit 'Quảng Ninh' --format csv
            rank,unit
            1,Hải Phòng
            2,Quảng Ninh
            $ chiso show nothing
            ```

            Text between blocks.

            ```sh
            $ chiso not-a-step
            ```

            ```console
            $ chiso datasets "two words"
            a
            [exit status 2]
            ```
            """)
        // Updating with what is written gives the text back.
        let same = notebook.updated(with: notebook.steps.map { ($0.expected, $0.status) })
        #expect(same == Self.text)
    }

    /// A notebook saved with Windows line ends reads the same steps, and keeps its line ends.
    @Test func crlfNotebooksParseAndKeepTheirLineEnds() throws {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let notebook = try CLINotebook(path: "n.md", text: crlf)
        #expect(notebook.steps.map(\.line) == [4, 7, 18])
        #expect(notebook.steps[0].expected == "rank,unit\n1,Quảng Ninh\n")
        #expect(notebook.updated(with: notebook.steps.map { ($0.expected, $0.status) }) == crlf)
    }

    @Test func anUnclosedBlockOrQuoteIsAnError() {
        #expect(throws: NotebookError.unclosedBlock(file: "n.md", line: 3)) {
            try CLINotebook(path: "n.md", text: "# x\n\n```console\n$ chiso rank par\n1\n")
        }
        #expect(throws: NotebookError.unclosedQuote(file: "n.md", line: 2)) {
            try CLINotebook(path: "n.md", text: "```console\n$ chiso rank 'par\n```\n")
        }
    }
}
