import ChisoCore
import ChisoNumerics
import Foundation

/// A Markdown file whose fenced `console` blocks hold `$ chiso …` lines, each followed by the
/// standard output it prints (and `[exit status N]` when it exits non-zero): an analysis that
/// can be re-run and checked when new data arrive.
public struct CLINotebook: Sendable {
    /// One `$ chiso …` line and what is written under it.
    public struct Step: Sendable, CustomStringConvertible {
        public let file: String
        /// 1-based line of the command.
        public let line: Int
        public let command: String
        public let arguments: [String]
        /// The output written under the command, each line ending in a newline.
        public let expected: String
        /// The exit status written as `[exit status N]` after the output; 0 when absent.
        public let status: Int32
        /// 0-based indices of the file's lines that hold the written output.
        let outputLines: Range<Int>

        public var description: String { "\((file as NSString).lastPathComponent):\(line)" }
    }

    public let path: String
    public let steps: [Step]
    private let lines: [String]
    /// The line ending the file uses ("\r\n" or "\n"), kept when the notebook is rewritten.
    private let lineEnding: String

    /// Reads the notebook at `path`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError.fileNotFound(path: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw DataError.unreadable(path: path, reason: "not UTF-8 text") }
        try self.init(path: path, text: text)
    }

    /// Parses notebook text; `path` names it in messages. Lines may end in LF or CRLF.
    /// - Throws: `NotebookError` for a console block that is never closed or a command whose
    ///   quote is never closed.
    public init(path: String, text: String) throws(NotebookError) {
        self.path = path
        lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        // "\r\n" is one Character in Swift, so CRLF is replaced before splitting at "\n".
        lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        steps = try Self.parse(lines, file: path)
    }

    private static func parse(_ lines: [String], file path: String) throws(NotebookError) -> [Step] {
        var steps: [Step] = []
        var blockStart: Int?
        var current: (index: Int, output: [String])?
        func finish(at end: Int) throws(NotebookError) {
            guard let c = current else { return }
            var output = c.output
            var status: Int32 = 0
            if let last = output.last, last.hasPrefix("[exit status "), last.hasSuffix("]"), let code = Int32(last.dropFirst(13).dropLast()) {
                status = code
                output.removeLast()
            }
            let command = lines[c.index]
            guard let arguments = shellWords(String(command.dropFirst(prompt.count))) else {
                throw .unclosedQuote(file: path, line: c.index + 1)
            }
            steps.append(Step(file: path, line: c.index + 1, command: command, arguments: arguments,
                              expected: output.map { $0 + "\n" }.joined(), status: status, outputLines: (c.index + 1)..<end))
            current = nil
        }
        for (index, line) in lines.enumerated() {
            if blockStart == nil {
                if line.trimmingCharacters(in: .whitespaces) == "```console" { blockStart = index }
                continue
            }
            if line.hasPrefix("```") {
                try finish(at: index)
                blockStart = nil
            } else if line.hasPrefix(prompt) {
                try finish(at: index)
                current = (index, [])
            } else {
                current?.output.append(line)
            }
        }
        if let blockStart { throw .unclosedBlock(file: path, line: blockStart + 1) }
        return steps
    }

    static let prompt = "$ chiso"

    /// The notebook's text with each step's written output replaced by `outputs` (one per step,
    /// in order: standard output and exit status).
    public func updated(with outputs: [(stdout: String, status: Int32)]) -> String {
        precondition(outputs.count == steps.count)
        var result: [String] = []
        var next = 0
        for (step, output) in zip(steps, outputs) {
            result += lines[next..<step.outputLines.lowerBound]
            var text = output.stdout
            if text.hasSuffix("\n") { text.removeLast() }
            if !text.isEmpty { result += text.components(separatedBy: "\n") }
            if output.status != 0 { result.append("[exit status \(output.status)]") }
            next = step.outputLines.upperBound
        }
        result += lines[next...]
        return result.joined(separator: lineEnding)
    }

    /// Splits a command line into words, honouring single and double quotes; nil when a quote is
    /// never closed.
    public static func shellWords(_ text: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var hasWord = false
        for character in text {
            if let q = quote {
                if character == q { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                hasWord = true
            } else if character == " " {
                if hasWord { words.append(word); word = ""; hasWord = false }
            } else {
                word.append(character)
                hasWord = true
            }
        }
        if quote != nil { return nil }
        if hasWord { words.append(word) }
        return words
    }
}

/// A notebook that cannot be run.
public enum NotebookError: ReportableError, Equatable {
    case unclosedBlock(file: String, line: Int)
    case unclosedQuote(file: String, line: Int)
    case noSteps(file: String)
    case nested

    public var description: String {
        switch self {
        case let .unclosedBlock(file, line): return "\(file):\(line): the console block opened here is never closed with ```"
        case let .unclosedQuote(file, line): return "\(file):\(line): a quote in the command is never closed"
        case let .noSteps(file): return "\(file): no `$ chiso …` step in a ```console block; there is nothing to check"
        case .nested: return "chiso notebook run cannot run inside a notebook step (a notebook that runs notebooks would recurse)"
        }
    }
}
