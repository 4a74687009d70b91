import Foundation
import XCTest

/// Issue 18 through the real binary, on a copy of Tests/Fixtures/fidelity-corpus.
final class FidelityCLITests: XCTestCase {
    static let fixture = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/fidelity-corpus")

    /// A copy of the fixture a test may change.
    func copyOfFixture() throws -> URL {
        let directory = try CLI.temporaryDirectory(self).appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Self.fixture, to: directory)
        return directory
    }

    func run(_ arguments: [String], corpus: URL? = nil) throws -> CLIResult {
        try CLI.run(arguments + ["--corpus", (corpus ?? Self.fixture).path])
    }

    // Item 2: the snippet's marks are on the match, after three replacement characters.
    func testSearchMarksTheMatchAfterInvalidBytes() throws {
        let result = try run(["search", "end"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Bad bytes: \u{FFFD}\u{FFFD}\u{FFFD} »end«."), result.stdout)
        let json = try run(["search", "end", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"snippet\" : \"Bad bytes: \u{FFFD}\u{FFFD}\u{FFFD} »end«.\""), json.stdout)
    }
}
