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

/// Item 12: `suggest` puts what was written before the event last, and says so.
final class SuggestBeforeTheEventCLITests: XCTestCase {
    func testAnArticleOfMarch2021RanksAfterTheOthersForAnEventOfJune2022() throws {
        let corpus = FidelityCLITests.fixture.path
        let text = try CLI.run(["suggest", "playground-opens", "--limit", "20", "--corpus", corpus])
        XCTAssertEqual(text.status, 0, text.stderr)
        let ranks = text.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }
        let bulletin = ranks.indices.filter { ranks[$0].contains("Council Bulletin") }
        XCTAssertFalse(bulletin.isEmpty, text.stdout)
        XCTAssertEqual(bulletin, Array((ranks.count - bulletin.count)..<ranks.count), text.stdout)
        for (index, line) in ranks.enumerated() {
            XCTAssertEqual(line.contains("published before the event: a plan or forecast"), bulletin.contains(index), String(line))
        }
        let json = try CLI.run(["suggest", "playground-opens", "--format", "json", "--corpus", corpus])
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.map { $0["published_before_event"] as? Bool }, items.map { $0["source"] as? String == "early" }, json.stdout)
        XCTAssertEqual(items.last?["source"] as? String, "early")
    }
}

/// Items 10 and 11: a claim stated in its passage; differences by kind.
final class ClaimsCLITests: XCTestCase {
    func testAClaimItsPassageDoesNotStateIsAnErrorAtItsLine() throws {
        let copy = try CLI.temporaryDirectory(self).appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: FidelityCLITests.fixture, to: copy)
        let clean = try CLI.run(["validate", "--corpus", copy.path])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let events = copy.appendingPathComponent("events.yaml")
        let text = try String(contentsOf: events, encoding: .utf8)
        try text.replacingOccurrences(of: "claims: {cost: €41 million}", with: "claims: {cost: €99 billion}")
            .replacingOccurrences(of: "claims: {cost: €41m}", with: "claims: {cost: €41m, builder: Acme Works}")
            .write(to: events, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "--corpus", copy.path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("events.yaml:28:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("the claim `cost: €99 billion` is not stated in its passage (articles/family.txt, line 8): the passage states no €99 billion"), result.stderr)
        XCTAssertTrue(result.stderr.contains("events.yaml:31:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("`builder: Acme Works` is not stated in its passage (articles/wire.txt, line 4): it lacks the words “acme”, “works”"), result.stderr)
        XCTAssertTrue(result.stderr.contains("record the amount as the passage states it"), result.stderr)
    }

    func testShowSaysWhichKindOfDifferenceItIs() throws {
        let corpus = FidelityCLITests.fixture.path
        let cost = try CLI.run(["show", "playground-cost", "--corpus", corpus])
        XCTAssertEqual(cost.status, 0, cost.stderr)
        XCTAssertTrue(cost.stdout.contains("duration, different precision (found in the passages):"), cost.stdout)
        XCTAssertFalse(cost.stdout.contains("money"), "€41 million and €41m are the same: \(cost.stdout)")
        XCTAssertFalse(cost.stdout.contains("\ncost"), cost.stdout)
        let floods = try CLI.run(["show", "valley-floods", "--corpus", corpus])
        XCTAssertTrue(floods.stdout.contains("people, different values (found in the passages):"), floods.stdout)
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

/// Items 8 and 9: the JSON and CSV for programs.
final class MachineOutputTests: XCTestCase {
    let corpus = FidelityCLITests.fixture.path

    func json(_ arguments: [String]) throws -> (text: String, value: Any) {
        let result = try CLI.run(arguments + ["--corpus", corpus])
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
        return (result.stdout, try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    }

    // Item 8: every documented key, null when absent.
    func testEveryDocumentedKeyIsPresentNullWhenAbsent() throws {
        let list = try XCTUnwrap(try json(["list", "--format", "json"]).value as? [String: Any])
        let sources = try XCTUnwrap(list["sources"] as? [[String: Any]])
        let sourceKeys: Set = ["id", "outlet", "title", "byline", "agency", "published", "published_inferred", "url", "file", "sha256"]
        for source in sources { XCTAssertEqual(Set(source.keys), sourceKeys, "\(source)") }
        let family = try XCTUnwrap(sources.first { $0["id"] as? String == "family" })
        XCTAssertTrue(family["agency"] is NSNull)
        XCTAssertTrue(family["url"] is NSNull)
        let wire = try XCTUnwrap(sources.first { $0["id"] as? String == "wire" })
        XCTAssertTrue(wire["byline"] is NSNull)
        let eventKeys: Set = ["id", "date", "date_inferred", "date_display", "title", "summary", "actors", "tags", "spine", "citations"]
        let events = try XCTUnwrap(list["events"] as? [[String: Any]])
        for event in events { XCTAssertEqual(Set(event.keys), eventKeys, "\(event)") }
        XCTAssertTrue(events.first { $0["id"] as? String == "gate-sign" }?["summary"] is NSNull)
        let shown = try XCTUnwrap(try json(["show", "gate-sign", "--format", "json"]).value as? [String: Any])
        XCTAssertEqual(Set(shown.keys), eventKeys)

        let search = try XCTUnwrap(try json(["search", "playground", "--format", "json"]).value as? [String: Any])
        let hits = try XCTUnwrap(search["hits"] as? [[String: Any]])
        XCTAssertTrue(hits.contains { $0["kind"] as? String == "event" } && hits.contains { $0["kind"] as? String == "text" }, "\(hits)")
        for hit in hits {
            XCTAssertEqual(Set(hit.keys), ["kind", "score", "event", "date", "title", "source", "line", "snippet", "matches"], "\(hit)")
            for match in hit["matches"] as? [[String: Any]] ?? [] { XCTAssertEqual(Set(match.keys), ["source", "field", "start", "end", "text"]) }
        }

        let drafts = try XCTUnwrap((try json(["draft", "--format", "json"]).value as? [String: Any])?["drafts"] as? [[String: Any]])
        XCTAssertFalse(drafts.isEmpty)
        let expressionKeys: Set = ["text", "start", "end", "kind", "value", "value_display", "duration", "inferred", "worked_out", "basis", "resolution"]
        for draft in drafts {
            XCTAssertEqual(Set(draft.keys), ["source", "line", "start", "end", "sentence", "expression"], "\(draft)")
            XCTAssertEqual(Set((draft["expression"] as? [String: Any] ?? [:]).keys), expressionKeys, "\(draft)")
        }
        XCTAssertTrue(drafts.contains { ($0["expression"] as? [String: Any])?["duration"] is NSNull }, "\(drafts)")
    }

    // Item 9: no control, bidi or invisible format character leaves raw.
    func testJSONEscapesEveryControlAndFormatCharacterAndKeepsTheValue() throws {
        let (text, value) = try json(["show", "gate-sign", "--format", "json"])
        for raw in ["\u{202E}", "\u{202C}", "\u{009B}", "\u{200B}"] { XCTAssertFalse(text.contains(raw), "raw \(raw.unicodeScalars.first!.value)") }
        XCTAssertTrue(text.contains(#"\u202E"#) && text.contains(#"\u009B"#) && text.contains(#"\u200B"#), text)
        // The same string value: the quote is the article's bytes.
        let citation = try XCTUnwrap(((value as? [String: Any])?["citations"] as? [[String: Any]])?.first)
        let article = try Data(contentsOf: FidelityCLITests.fixture.appendingPathComponent("articles/family.txt"))
        let start = try XCTUnwrap(citation["start"] as? Int), end = try XCTUnwrap(citation["end"] as? Int)
        XCTAssertEqual(citation["quote"] as? String, String(decoding: article[start..<end], as: UTF8.self))

        var outputs: [[String]] = [["list", "--format", "json"], ["search", "sign", "--format", "json"], ["coverage", "--format", "json"],
                                   ["suggest", "playground-opens", "--format", "json"], ["draft", "--format", "json"]]
        outputs += [["export", "--format", "timelinejs"], ["export", "--format", "annotations"]]
        for arguments in outputs {
            let result = try CLI.run(arguments + ["--corpus", corpus])
            let left = result.stdout.unicodeScalars.filter { scalar in
                guard scalar != "\n", scalar != " " else { return false }
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator: return true
                default: return false
                }
            }
            XCTAssertTrue(left.isEmpty, "\(arguments) leaves \(left.map { String($0.value, radix: 16) })")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)), "\(arguments)")
        }
    }

    func testCSVShowsControlsBidiAndInvisibleCharactersAsPlaceholders() throws {
        for arguments in [["export", "--format", "csv"], ["coverage", "--format", "csv"]] {
            let result = try CLI.run(arguments + ["--corpus", corpus])
            XCTAssertEqual(result.status, 0, result.stderr)
            let rows = result.stdout.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "")
            let left = rows.unicodeScalars.filter { $0.properties.generalCategory == .control || [0x202E, 0x202C, 0x200B].contains($0.value) }
            XCTAssertTrue(left.isEmpty, "\(arguments) leaves \(left.map { String($0.value, radix: 16) })")
        }
        let csv = try CLI.run(["export", "--format", "csv", "--corpus", corpus]).stdout
        XCTAssertTrue(csv.contains("<U+202E>edils<U+202C>, <U+009B>31m and zero<U+200B>width."), csv)
        // Text hidden in tag characters (U+E0000 block) is shown too, in every text format.
        let copy = try CLI.temporaryDirectory(self).appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: FidelityCLITests.fixture, to: copy)
        let events = copy.appendingPathComponent("events.yaml")
        let hidden = try String(contentsOf: events, encoding: .utf8)
            .replacingOccurrences(of: "title: A sign at the playground's gate", with: "title: \"A sign\\U000E0041\\U000E0049 at the gate\"")
        try hidden.write(to: events, atomically: true, encoding: .utf8)
        for arguments in [["export", "--format", "csv"], ["coverage", "--format", "csv"], ["list"], ["export", "--format", "markdown"]] {
            let result = try CLI.run(arguments + ["--corpus", copy.path])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("U+E0041") && result.stdout.contains("U+E0049"), "\(arguments): \(result.stdout)")
            XCTAssertFalse(result.stdout.unicodeScalars.contains { (0xE0000...0xE007F).contains($0.value) }, "\(arguments)")
        }
    }
}
