import Foundation
import XCTest

/// Runs the built `chronicle` binary as a user would, capturing its output.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
    /// It was still running when `timeout` ran out, and was killed.
    var timedOut = false
}

enum CLI {
    /// The package root, from this file's place in Tests/ChronicleCLITests.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `chronicle` binary beside the test bundle (.build/debug or any scratch path).
    static var binary: URL {
        let candidates = [Bundle.main.bundleURL, Bundle(for: Marker.self).bundleURL.deletingLastPathComponent()]
        for directory in candidates {
            let url = directory.appendingPathComponent("chronicle")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/chronicle")
    }

    private final class Marker {}

    private final class Killed: @unchecked Sendable {
        private let lock = NSLock()
        private var killed = false
        func set() { lock.withLock { killed = true } }
        var value: Bool { lock.withLock { killed } }
    }

    /// With `timeout`, a run still going after that many seconds is killed
    /// and said to have timed out: a test of what must not hang fails
    /// rather than hangs.
    @discardableResult
    static func run(_ arguments: [String], binary: URL = CLI.binary, directory: URL? = nil,
                    environment: [String: String] = [:], timeout: TimeInterval? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // The cache of checked corpora is never the one in the home of
        // whoever runs the tests: a fresh one for each run, unless the test
        // names its own (by XDG_CACHE_HOME or HOME).
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = nil
        var freshCache: URL?
        if environment["XDG_CACHE_HOME"] == nil && environment["HOME"] == nil {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-cache-\(UUID().uuidString)")
            env["XDG_CACHE_HOME"] = url.path
            freshCache = url
        }
        defer { if let freshCache { try? FileManager.default.removeItem(at: freshCache) } }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let killed = Killed()
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
                if process.isRunning { killed.set(); kill(pid, SIGKILL) }
            }
        }
        // Read before waiting so a full pipe cannot stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self), timedOut: killed.value)
    }

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A copy of the default corpus (seeds/) that a test may break.
    static func copyOfSeeds(_ test: XCTestCase) throws -> URL {
        let directory = try temporaryDirectory(test).appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("seeds"), to: directory)
        return directory
    }
}
