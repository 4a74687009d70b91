import ChronicleModel
import Foundation
import XCTest

final class CLITests: XCTestCase {
    struct ListJSON: Decodable {
        struct Source: Decodable { let id: String; let file: String; let sha256: String; let outlet: String; let title: String?; let published: String; let url: String? }
        struct Citation: Decodable { let source: String; let quote: String; let text: String; let start: Int; let end: Int; let line: Int }
        struct Event: Decodable { let id: String; let date: String; let title: String; let spine: Bool; let actors: [String]; let citations: [Citation] }
        let sources: [Source]
        let events: [Event]
    }

    func listJSON(_ arguments: [String] = []) throws -> ListJSON {
        let result = try CLI.run(["list", "--format", "json"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ListJSON.self, from: Data(result.stdout.utf8))
    }

    func testListPrintsTheFiveSpineEventsInDateOrder() throws {
        let result = try CLI.run(["list"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let spine = result.stdout.split(separator: "\n").filter { $0.contains("★") }
        XCTAssertEqual(spine.count, 5, result.stdout)
        let dates = spine.map { String($0.prefix(while: { $0 != "★" })).trimmingCharacters(in: .whitespaces) }
        // The three days are worked out from "on Thursday", "On April 17" and "Friday": inferred, and said so.
        XCTAssertEqual(dates, ["2003", "Mar 2024", "4 Jul 2024 (inferred)", "17 Apr 2025 (inferred)", "2 May 2025 (inferred)"])
        XCTAssertTrue(spine[0].hasSuffix("(5 sources)"), String(spine[0]))
        XCTAssertTrue(result.stdout.contains("(inferred)"), "an inferred date says so")
    }

    func testWithoutASubcommandChronicleListsWhenNotOnATerminal() throws {
        let result = try CLI.run([])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, try CLI.run(["list"]).stdout)
    }

    func testEveryJSONQuoteIsTheRawBytesAtItsOffsets() throws {
        let list = try listJSON()
        XCTAssertEqual(list.sources.count, 5)
        var checked = 0
        for event in list.events {
            XCTAssertFalse(event.citations.isEmpty, event.id)
            for citation in event.citations {
                let source = try XCTUnwrap(list.sources.first { $0.id == citation.source })
                let raw = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("seeds").appendingPathComponent(source.file))
                XCTAssertEqual(SHA256.hex([UInt8](raw)), source.sha256)
                let slice = raw[citation.start..<citation.end]
                XCTAssertEqual(Array(slice), Array(citation.quote.utf8), "\(event.id): \(citation.quote)")
                let withoutMarkup = citation.quote.replacingOccurrences(of: "<u>", with: "").replacingOccurrences(of: "</u>", with: "")
                XCTAssertEqual(withoutMarkup, citation.text)
                let lineOfStart = raw[..<citation.start].filter { $0 == 0x0A }.count + 1
                XCTAssertEqual(lineOfStart, citation.line)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30)
        let spineDates = list.events.filter(\.spine).map(\.date)
        XCTAssertEqual(spineDates, ["2003", "2024-03", "2024-07-04", "2025-04-17", "2025-05-02"])
    }

    func testShowSetsEachQuoteInItsSentence() throws {
        let list = try listJSON()
        let delisting = try XCTUnwrap(list.events.first { $0.spine && $0.date == "2025-04-17" })
        let result = try CLI.run(["show", delisting.id])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("The Moscow Times"))
        XCTAssertTrue(result.stdout.contains("Anadolu Agency"))
        XCTAssertTrue(result.stdout.contains("TRT Global"))
        XCTAssertTrue(result.stdout.contains("»"), "the quoted words are marked when not on a terminal")
        XCTAssertFalse(result.stdout.contains("\u{1B}"), "no escape sequences into a pipe")
    }

    func testShowUnknownEventIsNotFound() throws {
        let result = try CLI.run(["show", "no-such-event"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no event with id `no-such-event`"), result.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        let result = try CLI.run(["list", "--format", "xml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("format"), result.stderr)
        XCTAssertEqual(try CLI.run(["--help"]).status, 0)
    }

    func testValidateDefaultCorpusIsClean() throws {
        let result = try CLI.run(["validate"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "no warnings on the default corpus")
        XCTAssertTrue(result.stdout.contains("5 sources"), result.stdout)
        // Where an event's sources differ, an editor is told, without an error.
        XCTAssertTrue(result.stdout.contains("note: event `moscow-concert-hall-attack`: the sources differ on people (different precision): 145 people (The Moscow Times, TRT Global, Defence Talks) vs more than 140 people (TRT World)"), result.stdout)
        let onDisk = try CLI.run(["validate", "--corpus", CLI.packageRoot.appendingPathComponent("seeds").path])
        XCTAssertEqual(onDisk.status, 0, onDisk.stderr)
        // The one date its own passage contradicts: the sources differ, and the date follows one.
        XCTAssertTrue(result.stdout.contains("events.yaml:7:9: note: event `soviet-invasion-of-afghanistan` is dated 1979, but its passage [2] in TRT World (line 25) says “the 1980s” (1980s)\n"
                                             + "    fix: check the date against the passage; where the sources differ, say in `date_basis` which the date follows\n"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: " is dated ").count, 2, result.stdout)
    }

    /// An event dated otherwise than the dates its passages state: a note
    /// naming both, for each passage; not an error, not a warning.
    func testValidateNotesAnEventDatedAgainstItsPassages() throws {
        let corpus = try CLI.copyOfSeeds(self)
        let events = corpus.appendingPathComponent("events.yaml")
        let text = try String(contentsOf: events, encoding: .utf8)
        try text.replacingOccurrences(of: "  - id: russia-lists-taliban-as-terrorist\n    date: \"2003\"\n",
                                      with: "  - id: russia-lists-taliban-as-terrorist\n    date: \"2004\"\n").write(to: events, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "--strict", "--corpus", corpus.path])
        XCTAssertEqual(result.status, 0, "notes do not fail --strict: \(result.stderr)")
        for passage in ["[2] in TRT Global (line 24) says “2003” (2003)", "[3] in Anadolu Agency (line 28) says “2003” (2003)",
                        "[5] in Defence Talks (line 2) says “2003” (2003)"] {
            XCTAssertTrue(result.stdout.contains("note: event `russia-lists-taliban-as-terrorist` is dated 2004, but its passage \(passage)"), result.stdout)
        }
        // "since 2003" is from 2003 on, which 2004 is in.
        XCTAssertFalse(result.stdout.contains("passage [1] in The Moscow Times"), result.stdout)
    }

    /// A season and a time of day as `list`, `show` and the JSON give them:
    /// shown for readers, the EDTF kept as written.
    func testSeasonsAndTimesInListShowAndJSON() throws {
        let corpus = try CLI.copyOfSeeds(self)
        let events = corpus.appendingPathComponent("events.yaml")
        var text = try String(contentsOf: events, encoding: .utf8)
        text = text.replacingOccurrences(of: "  - id: putin-build-up-relations\n    date: 2024-06\n",
                                         with: "  - id: putin-build-up-relations\n    date: 2024-22\n")
        text = text.replacingOccurrences(of: "  - id: kabulov-pledges-help-against-isis-k\n    date: 2025-05-02\n",
                                         with: "  - id: kabulov-pledges-help-against-isis-k\n    date: 2025-05-02T10:30+04:30\n")
        try text.write(to: events, atomically: true, encoding: .utf8)
        let list = try CLI.run(["list", "--corpus", corpus.path])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("summer 2024 (inferred)"), list.stdout)
        XCTAssertTrue(list.stdout.contains("2 May 2025 10:30 +04:30"), list.stdout)
        let show = try CLI.run(["show", "kabulov-pledges-help-against-isis-k", "--corpus", corpus.path])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("2 May 2025 10:30 +04:30 (inferred)  ★ principal event"), show.stdout)
        let json = try listJSON(["--corpus", corpus.path])
        XCTAssertEqual(json.events.first { $0.id == "putin-build-up-relations" }?.date, "2024-22")
        XCTAssertEqual(json.events.first { $0.id == "kabulov-pledges-help-against-isis-k" }?.date, "2025-05-02T10:30+04:30")
        // Timed, it follows the other events known only to that day.
        let order = json.events.map(\.id)
        XCTAssertEqual(order.last, "kabulov-pledges-help-against-isis-k", "\(order)")
    }

    func testValidateBrokenCorpusGivesFileLineMessages() throws {
        let corpus = try CLI.copyOfSeeds(self)
        let events = corpus.appendingPathComponent("events.yaml")
        var text = try String(contentsOf: events, encoding: .utf8)
        // Break one quote: a word no article has.
        let quoteLine = try XCTUnwrap(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("quote:") })
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[quoteLine] = lines[quoteLine].replacingOccurrences(of: "quote:", with: "quote: Zanzibar")
        text = lines.joined(separator: "\n")
        try text.write(to: events, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "--corpus", corpus.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(corpus.path)/events.yaml:\(quoteLine + 1):"), result.stderr)
        XCTAssertTrue(result.stderr.contains("quote not found"), result.stderr)
        // The other commands refuse a corpus with errors rather than show unsourced events.
        let list = try CLI.run(["list", "--corpus", corpus.path])
        XCTAssertEqual(list.status, 2)
        XCTAssertEqual(list.stdout, "")
    }

    func testChangedArticleWarnsAndStrictFails() throws {
        let corpus = try CLI.copyOfSeeds(self)
        let article = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("articles").path).sorted()[0]
        let url = corpus.appendingPathComponent("articles").appendingPathComponent(article)
        var bytes = try Data(contentsOf: url)
        bytes.append(contentsOf: Array("\nA line added later.".utf8))
        try bytes.write(to: url)
        let result = try CLI.run(["validate", "--corpus", corpus.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("has changed since it was pinned"), result.stderr)
        XCTAssertTrue(result.stderr.contains("re-anchored"), result.stderr)
        XCTAssertEqual(try CLI.run(["validate", "--strict", "--corpus", corpus.path]).status, 2)
    }

    func testMissingCorpusDirectoryIsAClearError() throws {
        let result = try CLI.run(["list", "--corpus", "/nonexistent/corpus"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/nonexistent/corpus/manifest.yaml"), result.stderr)
    }

    func testBinaryCopiedAwayCarriesTheDefaultCorpus() throws {
        let directory = try CLI.temporaryDirectory(self)
        let copy = directory.appendingPathComponent("chronicle")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let result = try CLI.run(["list"], binary: copy, directory: URL(fileURLWithPath: "/"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, try CLI.run(["list"]).stdout)
        XCTAssertEqual(try CLI.run(["validate"], binary: copy, directory: directory).status, 0)
    }

    func testCompletionScriptsAreGenerated() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try CLI.run(["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, shell)
            XCTAssertTrue(result.stdout.contains("validate"), shell)
        }
    }

    func testSearchDaeshAsJSONReturnsTheISISKEvents() throws {
        let result = try CLI.run(["search", "Daesh", "--format", "json", "--limit", "100"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hits = try XCTUnwrap(json["hits"] as? [[String: Any]])
        let events = Set(hits.filter { $0["kind"] as? String == "event" }.compactMap { $0["event"] as? String })
        XCTAssertEqual(events, ["moscow-concert-hall-attack", "kabulov-pledges-help-against-isis-k"])
        // Text hits name their source and line, and every match is the raw bytes at its offsets.
        let seeds = CLI.packageRoot.appendingPathComponent("seeds/articles")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try CLI.run(["list", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let fileOf = Dictionary(uniqueKeysWithValues: (list["sources"] as? [[String: Any]] ?? []).compactMap { source -> (String, String)? in
            guard let id = source["id"] as? String, let file = source["file"] as? String else { return nil }
            return (id, file)
        })
        XCTAssertEqual(fileOf.count, files.count)
        var checked = 0
        for hit in hits {
            for match in hit["matches"] as? [[String: Any]] ?? [] {
                guard let source = match["source"] as? String, let start = match["start"] as? Int, let end = match["end"] as? Int else { continue }
                let bytes = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("seeds").appendingPathComponent(try XCTUnwrap(fileOf[source])))
                XCTAssertEqual(String(decoding: bytes[start..<end], as: UTF8.self), match["text"] as? String)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5)
        // Scores come best first.
        let scores = hits.compactMap { $0["score"] as? Double }
        XCTAssertEqual(scores, scores.sorted(by: >))
    }

    func testSearchTextMarksMatchesAndExitsOneWhenNothingMatches() throws {
        let found = try CLI.run(["search", "paylasin", "Kabulov"])
        XCTAssertEqual(found.status, 1, "the Turkish share prompt is page furniture, not searched")
        let result = try CLI.run(["search", "\"common enemy\""])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("»common enemy«"), result.stdout)
        XCTAssertTrue(result.stdout.contains("kabulov-pledges-help-against-isis-k"), result.stdout)
        let none = try CLI.run(["search", "zzzz"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("nothing matches"), none.stderr)
        let badDate = try CLI.run(["search", "Taliban", "--within", "2024-13"])
        XCTAssertEqual(badDate.status, 2)
        XCTAssertTrue(badDate.stderr.contains("--within"), badDate.stderr)
        XCTAssertTrue(badDate.stderr.contains("there is no month 13"), badDate.stderr)
        let filtered = try CLI.run(["search", "Taliban", "--within", "2025", "--format", "json"])
        XCTAssertFalse(filtered.stdout.contains("\"date\" : \"2003\""), "the date filter keeps 2025 only")
    }

    func testCoverageAsTextCSVAndJSON() throws {
        let text = try CLI.run(["coverage"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("● ● ● ● ●  Russia lists the Taliban as a terrorist organisation"), text.stdout)
        XCTAssertTrue(text.stdout.contains("5. Defence Talks, 4 Oct 2024 (inferred)"), text.stdout)
        let csv = try CLI.run(["coverage", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "event,date,title,tmt-2025-05-02,trt-global-2025-05-02,aa-2025-05-02,trt-world-2024-07-04,defence-talks-2024-10-04")
        XCTAssertEqual(lines.count, 23)
        XCTAssertTrue(lines.contains("foreign-ministry-highest-level,2024-10-04,Foreign Ministry says delisting the Taliban was decided at the highest level,not-cited,not-cited,not-cited,not-yet-published,cited"), csv.stdout)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try CLI.run(["coverage", "--format", "json"]).stdout.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(json["events"] as? [[String: Any]])
        let attack = try XCTUnwrap(rows.first { $0["event"] as? String == "moscow-concert-hall-attack" })
        XCTAssertEqual(attack["sources"] as? [String: String], ["tmt-2025-05-02": "cited", "trt-global-2025-05-02": "cited", "aa-2025-05-02": "not-cited",
                                                              "trt-world-2024-07-04": "cited", "defence-talks-2024-10-04": "cited"])
    }

    func testShowListsWhereTheSourcesDifferAndSuggestRanksSentences() throws {
        let show = try CLI.run(["show", "moscow-concert-hall-attack"])
        XCTAssertTrue(show.stdout.contains("The sources differ"), show.stdout)
        XCTAssertTrue(show.stdout.contains("145 people — The Moscow Times, TRT Global, Defence Talks"), show.stdout)
        XCTAssertTrue(show.stdout.contains("more than 140 people — TRT World"), show.stdout)
        let agreed = try CLI.run(["show", "russia-lists-taliban-as-terrorist"])
        XCTAssertFalse(agreed.stdout.contains("The sources differ"), agreed.stdout)
        let suggest = try CLI.run(["suggest", "moscow-concert-hall-attack", "--format", "json", "--limit", "3"])
        XCTAssertEqual(suggest.status, 0, suggest.stderr)
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(suggest.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 3)
        XCTAssertTrue(items.allSatisfy { ($0["reasons"] as? [String])?.isEmpty == false })
        XCTAssertEqual(try CLI.run(["suggest", "no-such-event"]).status, 1)
    }
}
