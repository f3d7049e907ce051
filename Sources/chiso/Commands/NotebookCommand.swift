import ArgumentParser
import ChisoAnalysis
import ChisoOutput
import Foundation

/// `chiso notebook`: Markdown analyses whose `$ chiso …` lines are re-run and checked.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Re-run the `$ chiso …` lines of Markdown notebooks and check or update the output written under them.",
        subcommands: [NotebookRunCommand.self])
}

/// `chiso notebook run FILE.md… [--update]`.
struct NotebookRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every `$ chiso …` line of each notebook's console blocks and compare its output with the text under it.",
        discussion: """
        Each difference is reported with the file and line of the command and the first line that \
        differs; the exit status is 1 when any step differs. With --update the outputs are written \
        into the notebook instead (atomically), so a yearly analysis is refreshed by one command. \
        Commands run in the current directory, with the environment of this one.
        """)

    @Argument(help: "Markdown notebooks with fenced console blocks.")
    var files: [String]

    @Flag(help: "Rewrite the outputs in the notebooks instead of checking them.")
    var update = false

    func run() throws {
        let executable = Self.executablePath()
        var differing = 0, total = 0
        for file in files {
            let notebook = try CLINotebook(path: file)
            var outputs: [(stdout: String, status: Int32)] = []
            var changed = 0
            for step in notebook.steps {
                let result = try Self.run(executable, step.arguments)
                outputs.append(result)
                guard result.stdout != step.expected || result.status != step.status else { continue }
                changed += 1
                if !update { print(Self.report(step, actual: result)) }
            }
            total += notebook.steps.count
            differing += changed
            if update {
                if changed > 0 { try AtomicFile.write(notebook.updated(with: outputs) , to: file) }
                Diagnostics.note("\(file): \(notebook.steps.count) steps, \(changed) updated")
            } else {
                Diagnostics.note("\(file): \(notebook.steps.count) steps, \(changed == 0 ? "all as written" : "\(changed) differ")")
            }
        }
        if !update && differing > 0 {
            Diagnostics.note("\(differing) of \(total) steps differ; `chiso notebook run --update` writes the new outputs")
            throw ExitCode.failure
        }
    }

    /// Where a difference is, and the first line that differs.
    static func report(_ step: CLINotebook.Step, actual: (stdout: String, status: Int32)) -> String {
        var text = "\(step.file):\(step.line): \(step.command)\n"
        if actual.status != step.status { text += "  exit status \(actual.status), written \(step.status)\n" }
        let expected = step.expected.components(separatedBy: "\n"), got = actual.stdout.components(separatedBy: "\n")
        if let k = (0..<max(expected.count, got.count)).first(where: { k in (k < expected.count ? expected[k] : nil) != (k < got.count ? got[k] : nil) }) {
            text += "  output line \(k + 1):\n"
            text += "  - written: \(k < expected.count ? expected[k] : "(nothing)")\n"
            text += "  + printed: \(k < got.count ? got[k] : "(nothing)")\n"
        }
        return text
    }

    /// This executable, so that notebooks run the same build.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `executable arguments…` with empty standard input; standard error is discarded.
    static func run(_ executable: String, _ arguments: [String]) throws -> (stdout: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}
