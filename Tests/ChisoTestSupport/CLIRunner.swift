import ChisoIO
import Foundation

/// The result of running the built `chiso` binary.
package struct CLIResult: Sendable {
    package let status: Int32
    package let stdout: String
    package let stderr: String
}

/// Runs the `chiso` executable built beside the test bundle.
package enum CLIRunner {
    /// The executable: `chiso` in the folder of the running test bundle.
    package static var executable: String {
        var folder = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
        // On Linux the test runner is `<build>/chisoPackageTests.xctest`; on macOS it sits inside a bundle.
        while !FileManager.default.fileExists(atPath: folder + "/chiso") && folder.count > 1 {
            folder = (folder as NSString).deletingLastPathComponent
        }
        return folder + "/chiso"
    }

    /// Runs `chiso arguments…` under `ulimit -v` (virtual memory in KiB) and a wall-clock limit
    /// in seconds; a run killed by either ends with a status above 128 (124 for the time limit).
    package static func runLimited(_ arguments: [String], virtualMemoryKiB: Int, seconds: Int) throws -> CLIResult {
        let quoted = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(virtualMemoryKiB) && CHISO_HOME='\(emptyHome)' exec timeout \(seconds) \(quoted)"]
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.repositoryRoot)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var outData: [UInt8] = []
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = (try? InputFile.readAll(out.fileHandleForReading.fileDescriptor)) ?? []; group.leave() }
        let errData = (try? InputFile.readAll(err.fileHandleForReading.fileDescriptor)) ?? []
        group.wait()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A user data folder with nothing imported: every run uses it unless the test names its own
    /// `CHISO_HOME`, so the workbooks a developer imported never change a test's result.
    package static let emptyHome: String = {
        let folder = NSTemporaryDirectory() + "chiso-tests-home-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Runs `chiso arguments…` and waits for it.
    /// - Parameters:
    ///   - stdin: text fed to standard input (empty input when nil).
    ///   - directory: the working directory (the repository root by default).
    ///   - environment: variables added to the inherited environment (`CHISO_HOME` is an empty
    ///     folder unless given).
    package static func run(_ arguments: [String], stdin: String? = nil, directory: String? = nil, environment: [String: String] = [:]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Fixtures.repositoryRoot)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CHISO_DATASETS")
        env["CHISO_HOME"] = emptyHome
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData: [UInt8] = []
        group.enter()
        DispatchQueue.global().async { outData = (try? InputFile.readAll(out.fileHandleForReading.fileDescriptor)) ?? []; group.leave() }
        let errData = (try? InputFile.readAll(err.fileHandleForReading.fileDescriptor)) ?? []
        group.wait()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
