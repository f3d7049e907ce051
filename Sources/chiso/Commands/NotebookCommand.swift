import ArgumentParser
import ChisoAnalysis
import ChisoCore
import ChisoIO
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
        Commands run in the current directory, with the environment of this one; the files they \
        write with --output land in a temporary folder (and later steps read them from there), \
        unless --allow-writes is given. A notebook step cannot run notebooks.
        """)

    @Argument(help: "Markdown notebooks with fenced console blocks.")
    var files: [String]

    @Flag(help: "Rewrite the outputs in the notebooks instead of checking them.")
    var update = false

    @Flag(name: .customLong("allow-writes"), help: "Let the steps write the files they name with --output, where they name them.")
    var allowWrites = false

    func run() throws {
        if NotebookSandbox.isInsideNotebook { throw NotebookError.nested }
        let executable = Self.executablePath()
        let sandbox = NSTemporaryDirectory() + "chiso-notebook-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: sandbox, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        var differing = 0, total = 0
        for file in files {
            let notebook = try CLINotebook(path: file)
            guard !notebook.steps.isEmpty else { throw NotebookError.noSteps(file: file) }
            var outputs: [(stdout: String, status: Int32)] = []
            var changed = 0
            for step in notebook.steps {
                let result = try Self.run(executable, step.arguments, sandbox: allowWrites ? nil : sandbox)
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

    /// Runs `executable arguments…` with empty standard input, as a notebook step (in `sandbox`
    /// when given, else writing where it names); standard error is discarded.
    static func run(_ executable: String, _ arguments: [String], sandbox: String?) throws -> (stdout: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // A step always knows it is one, so that it cannot start another notebook run; with
        // --allow-writes the folder is "/", which maps every path onto itself.
        environment[NotebookSandbox.variable] = sandbox ?? "/"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = (try? InputFile.readAll(out.fileHandleForReading.fileDescriptor)) ?? []
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }
}
