import Foundation
import XCTest

/// A short libFuzzer run of scripts/fuzz.sh: it builds the fuzz target,
/// replays every input in Tests/Fixtures/fuzz-regressions (inputs that once
/// crashed or are known to be hostile), then mutates for a few seconds. Any
/// crash, leak or sanitizer report fails the run.
final class FuzzSmokeTests: XCTestCase {
    func testFuzzTargetBuildsReplaysRegressionsAndRunsClean() throws {
        let seconds = ProcessInfo.processInfo.environment["CHRONICLE_FUZZ_SECONDS"] ?? "10"
        let log = try CLI.temporaryDirectory(self).appendingPathComponent("fuzz.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // A fixed seed: the same mutations on every clean checkout, so CI is
        // repeatable; longer runs of scripts/fuzz.sh explore at random.
        process.arguments = [CLI.packageRoot.appendingPathComponent("scripts/fuzz.sh").path, seconds, "-seed=1"]
        process.currentDirectoryURL = CLI.packageRoot
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        let text = try String(contentsOf: log, encoding: .utf8)
        let tail = text.split(separator: "\n").suffix(30).joined(separator: "\n")
        XCTAssertEqual(process.terminationStatus, 0, tail)
        XCTAssertTrue(text.contains("stat::number_of_executed_units"), tail)
        XCTAssertFalse(text.contains("ERROR: AddressSanitizer"), tail)
        XCTAssertFalse(text.contains("deadly signal"), tail)
        let regressions = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions").path)
        XCTAssertGreaterThanOrEqual(regressions.count, 5)
        // libFuzzer reads every seed and regression input before it mutates.
        XCTAssertTrue(text.contains("INITED"), tail)
    }
}
