import Foundation

/// A `$ chiso …` line of a walkthrough and the standard output written under it.
package struct ConsoleStep: Sendable, CustomStringConvertible {
    package let file: String
    package let line: Int
    package let arguments: [String]
    package let expected: String
    /// The exit status written as `[exit status N]` after the output; 0 when absent.
    package let status: Int32
    package var description: String { "\((file as NSString).lastPathComponent):\(line)" }
}

/// Reads the fenced `console` blocks of a Markdown walkthrough.
package enum ConsoleWalkthrough {
    /// Every step of every `console` block in `path`, in order.
    package static func steps(in path: String) throws -> [ConsoleStep] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var steps: [ConsoleStep] = []
        var inBlock = false
        var current: (line: Int, arguments: [String], output: [String])?
        func finish() {
            if var c = current {
                var status: Int32 = 0
                if let last = c.output.last, last.hasPrefix("[exit status "), last.hasSuffix("]"), let code = Int32(last.dropFirst(13).dropLast()) {
                    status = code
                    c.output.removeLast()
                }
                steps.append(ConsoleStep(file: path, line: c.line, arguments: c.arguments, expected: c.output.map { $0 + "\n" }.joined(), status: status))
            }
            current = nil
        }
        for (index, line) in lines.enumerated() {
            if !inBlock {
                if line.trimmingCharacters(in: .whitespaces) == "```console" { inBlock = true }
                continue
            }
            if line.hasPrefix("```") { finish(); inBlock = false; continue }
            if line.hasPrefix("$ chiso") {
                finish()
                current = (index + 1, shellWords(String(line.dropFirst("$ chiso".count))), [])
            } else {
                current?.output.append(line)
            }
        }
        return steps
    }

    /// Splits a command line into words, honouring single and double quotes.
    static func shellWords(_ text: String) -> [String] {
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
        if hasWord { words.append(word) }
        return words
    }
}
