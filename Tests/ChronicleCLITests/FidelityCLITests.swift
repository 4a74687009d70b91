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

/// Item 7: every count agrees with its noun.
final class PluralCLITests: XCTestCase {
    func testNoOutputSaysOneWithAPluralNoun() throws {
        let corpus = FidelityCLITests.fixture.path
        let ids = ["playground-opens", "playground-cost", "valley-floods", "gate-sign"]
        var runs: [[String]] = [["list"], ["coverage"], ["validate"], ["search", "sign"], ["search", "end"]]
        runs += ids.flatMap { [["show", $0], ["suggest", $0]] }
        runs += ["markdown", "html", "csv", "timelinejs", "annotations"].map { ["export", "--format", $0, "--within", "2022-06-14"] }
        let oneWithPlural = try NSRegularExpression(pattern: #"\b1 (passages|outlets|sources|events|quotes|errors|warnings|citations|lines|articles|words|problems|matches)\b"#)
        for arguments in runs {
            let result = try CLI.run(arguments + ["--corpus", corpus])
            for text in [result.stdout, result.stderr] {
                let found = oneWithPlural.matches(in: text, range: NSRange(text.startIndex..., in: text))
                XCTAssertTrue(found.isEmpty, "\(arguments): \(text)")
            }
        }
        // One article generated: "1 article", "1 event".
        let out = try CLI.temporaryDirectory(self).appendingPathComponent("one")
        let generated = try CLI.run(["bench", "generate", "--articles", "1", "--events-per-article", "1", "--out", out.path])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        XCTAssertTrue(generated.stderr.contains("wrote 1 article and 1 event to"), generated.stderr)
    }
}
