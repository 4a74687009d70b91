import XCTest
@testable import ChronicleModel

final class CorpusLoaderTests: XCTestCase {
    func messages(_ result: CorpusLoadResult) -> String { result.diagnostics.map(\.description).joined(separator: "\n") }

    func testCleanCorpusLoadsSortedWithResolvedPassages() throws {
        let result = CorpusBuilder().load(pinning: true)
        XCTAssertEqual(result.diagnostics, [], messages(result))
        let corpus = result.corpus
        XCTAssertEqual(corpus.events.map(\.id), ["listing", "attack", "delisting"])
        let attack = try XCTUnwrap(corpus.event("attack"))
        let passage = attack.citations[0].passage
        let beta = try XCTUnwrap(corpus.source("beta"))
        XCTAssertEqual(beta.rawText(passage.range), "145 people</u> died", "offsets cover the markup inside the quote")
        XCTAssertEqual(passage.line, 2)
        XCTAssertTrue(beta.published.inferred)
        XCTAssertNil(beta.title)
        XCTAssertEqual(beta.displayTitle, "(untitled)")
    }

    /// Sources are read on both cores in runs of 32; what is reported, and
    /// which of two sources with one id is kept, must be as in one pass in
    /// manifest order. 100 sources: an unpinned one in every run, an id
    /// repeated across runs, one whose article is missing.
    func testManySourcesReportInManifestOrder() throws {
        var manifest = "format: 1\nsources:\n"
        var files: [String: [UInt8]] = [:]
        for n in 0..<100 {
            let id = n == 70 ? "s5" : "s\(n)"
            let text = Array("Article \(n) says something.\n".utf8)
            let file = n == 90 ? "articles/missing.txt" : "articles/\(n).txt"
            if n != 90 { files[file] = text }
            manifest += "  - id: \(id)\n    file: \(file)\n    outlet: Outlet \(n)\n    published: \"2024\"\n"
            if n % 32 != 7 { manifest += "    sha256: \(SHA256.hex(text))\n" }
        }
        files["manifest.yaml"] = Array(manifest.utf8)
        files["events.yaml"] = Array("events: []\n".utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files, name: "many"))
        let lines = result.diagnostics.compactMap { $0.location.line }
        XCTAssertEqual(lines, lines.sorted(), "in manifest order:\n" + messages(result))
        let unpinned = result.diagnostics.filter { $0.message.contains("pins no sha256") }
        XCTAssertEqual(unpinned.map { $0.location.line }, [38, 197, 356], messages(result))
        XCTAssertTrue(messages(result).contains("the source id `s5` is used twice"), messages(result))
        XCTAssertTrue(messages(result).contains("missing.txt"), messages(result))
        XCTAssertEqual(result.corpus.sources.count, 98)
        XCTAssertEqual(result.corpus.source("s5")?.outlet, "Outlet 5", "the first of two sources with one id is kept")
        XCTAssertEqual(result.corpus.sources.map(\.id), (0..<100).filter { $0 != 70 && $0 != 90 }.map { "s\($0)" })
    }

    func testUnpinnedSourcesWarn() {
        let result = CorpusBuilder().load(pinning: false)
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertEqual(result.diagnostics.warnings.count, 2)
        XCTAssertTrue(messages(result).contains("add `sha256: "), messages(result))
    }

    func testQuoteFoundTwiceNamesEventSourceLinesAndFix() {
        var builder = CorpusBuilder()
        builder.eventsYAML = builder.eventsYAML.replacingOccurrences(of: "quote: The group was listed in 2003.", with: "quote: The group was listed in 2003")
        let result = builder.load(pinning: true)
        let error = try! XCTUnwrap(result.diagnostics.errors.first)
        XCTAssertEqual(error.location.file, "events.yaml")
        XCTAssertEqual(error.location.line, 17)
        XCTAssertTrue(error.message.contains("event `listing`"), error.message)
        XCTAssertTrue(error.message.contains("found 2 times in source `alpha`"), error.message)
        XCTAssertTrue(error.message.contains("lines 3, 4"), error.message)
        XCTAssertTrue(error.description.contains("prefix"), error.description)
        XCTAssertNil(result.corpus.event("listing"), "an event with an unresolved quote is not shown as sourced")
    }

    func testQuoteNotFoundAndQuoteInFurniture() {
        var builder = CorpusBuilder()
        builder.eventsYAML = builder.eventsYAML
            .replacingOccurrences(of: "quote: The court removed the group from the list", with: "quote: The court deleted the group")
            .replacingOccurrences(of: "quote: 145 people died", with: "quote: Second article")
        let result = builder.load(pinning: true)
        let text = messages(result)
        XCTAssertTrue(text.contains("events.yaml:10:") && text.contains("quote not found in source `alpha` (a.txt): \"The court deleted the group\""), text)
        XCTAssertTrue(text.contains("line 1, outside the article body"), text)
        XCTAssertEqual(result.diagnostics.errors.count, 2)
    }

    func testChangedArticleReanchorsQuotesThatStillResolve() throws {
        var builder = CorpusBuilder()
        let original = builder.articles["a.txt"]!
        let pinnedFiles = builder.files(pinning: true)
        let before = CorpusLoader.load(from: pinnedFiles).corpus.event("delisting")!.citations[0].passage
        // Edit the article after pinning: insert a sentence before the quotes, on the same line.
        builder.articles["a.txt"] = original.replacingOccurrences(of: "\n\nThe court", with: "\n\nAn added sentence. The court")
        var files = pinnedFiles.files
        files["a.txt"] = Array(builder.articles["a.txt"]!.utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files))
        let text = messages(result)
        XCTAssertTrue(text.contains("manifest.yaml:6:13: warning: source `alpha`") && text.contains("has changed since it was pinned"), text)
        XCTAssertTrue(text.contains("event `delisting`: re-anchored in the changed a.txt"), text)
        XCTAssertEqual(result.diagnostics.errors, [])
        let shift = "An added sentence. ".utf8.count
        let after = try XCTUnwrap(result.corpus.event("delisting")).citations[0].passage
        XCTAssertEqual(after.range, (before.range.lowerBound + shift)..<(before.range.upperBound + shift))
        let listing = try XCTUnwrap(result.corpus.event("listing")).citations[0].passage
        XCTAssertEqual(String(decoding: files["a.txt"]![listing.range], as: UTF8.self), "The group was listed in 2003.")
    }

    func testChangedArticleWithALostQuoteIsAnError() {
        var builder = CorpusBuilder()
        let pinned = builder.files(pinning: true)
        builder.articles["b.txt"] = "Second article\nOfficials said 140 people died.\n"
        var files = pinned.files
        files["b.txt"] = Array(builder.articles["b.txt"]!.utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files))
        XCTAssertTrue(result.diagnostics.errors.contains { $0.message.contains("which has changed since it was pinned") }, messages(result))
    }

    func testStructuralErrorsEachSayWhereAndWhat() {
        var builder = CorpusBuilder()
        builder.eventsYAML = """
            events:
              - id: one
                date: 2025-02-30
                title: Bad date
                citations:
                  - source: alpha
                    quote: The court removed the group from the list
              - id: one
                date: 2025
                title: Duplicate id
                citations:
                  - source: alpha
                    quote: The court removed the group from the list
              - id: two
                date: 2025
                title: No citations
              - id: three
                date: 2025
                titel: Misspelt field
                actors: [nobody, Moscow]
                citations:
                  - source: gamma
                    quote: anything
              - id: four
                date: 2024/2023
                title: Backwards interval
                citations:
                  - source: alpha
                    quote: ""
            """
        let result = builder.load(pinning: true)
        let text = messages(result)
        let expected = [
            "events.yaml:3:11: error: event `one`: the date \"2025-02-30\" is invalid: February 2025 has no day 30",
            "events.yaml:8:9: error: the event id `one` is used twice (first at events.yaml:2:9)",
            "events.yaml:14:5: error: event `two` has no citations",
            "events.yaml:19:5: error: event `three` has an unknown field `titel`",
            "did you mean `title`?",
            "events.yaml:17:5: error: event `three` has no `title`",
            "events.yaml:20:14: error: event `three` names an unknown actor `nobody`",
            "events.yaml:20:22: error: event `three` names an unknown actor `Moscow`",
            "use the actor's id: `russia`",
            "events.yaml:22:17: error: event `three` cites an unknown source `gamma`",
            "events.yaml:25:11: error: event `four`: the date \"2024/2023\" is invalid: the interval ends before it starts",
            "events.yaml:29:16: error: event `four` has an empty quote",
        ]
        for line in expected { XCTAssertTrue(text.contains(line), "missing: \(line)\n---\n\(text)") }
    }

    /// Dates are read exactly as written: spaces around one, an interval
    /// whose end holds its start, and forms Chronicle does not read are
    /// each refused at their line, the last by the name of their feature.
    func testDatesAreRefusedAtTheirLineWithWhatIsWrong() {
        var builder = CorpusBuilder()
        let dates = ["\" 1863-03-29\"", "2004-06-15/2004-06", "2004/2004-03", "2004-06-~11", "\"[1667, 1668]\"", "2024-21", "2024-07-04T16:05+02:00"]
        builder.eventsYAML = "events:\n" + dates.enumerated().map { index, date in
            "  - id: e\(index)\n    date: \(date)\n    title: E\n    citations:\n      - source: alpha\n        quote: The court removed the group from the list\n"
        }.joined()
        let text = messages(builder.load(pinning: true))
        let expected = [
            "events.yaml:3:11: error: event `e0`: the date \" 1863-03-29\" is invalid: it has a space before or after it",
            "events.yaml:9:11: error: event `e1`: the date \"2004-06-15/2004-06\" is invalid: its end, 2004-06, contains its start, 2004-06-15",
            "events.yaml:15:11: error: event `e2`: the date \"2004/2004-03\" is invalid: its start, 2004, contains its end, 2004-03",
            "events.yaml:21:11: error: event `e3`: the date \"2004-06-~11\" is invalid: qualifying part of a date",
            "EDTF level 2, which Chronicle does not read",
            "events.yaml:27:11: error: event `e4`: the date \"[1667, 1668]\" is invalid: sets and lists of dates",
        ]
        for line in expected { XCTAssertTrue(text.contains(line), "missing: \(line)\n---\n\(text)") }
        XCTAssertFalse(text.contains("`e5`") || text.contains("`e6`"), text)
    }

    /// A repeated id names where the first was written, whether or not that
    /// event stood; equal lists of tags and actors are one array, shared.
    func testRepeatedIDNamesTheFirstAndEqualListsAreShared() throws {
        var builder = CorpusBuilder()
        builder.eventsYAML += """

              - id: listing
                date: 2004
                title: The same id again
                citations:
                  - source: alpha
                    quote: The group was listed in 2003.
              - id: relisting
                date: 2026
                title: Listed once more
                actors: [court]
                tags: [law]
                citations:
                  - source: alpha
                    quote: The group was listed in 2003.
            """
        let result = builder.load(pinning: true)
        XCTAssertTrue(messages(result).contains("events.yaml:25:9: error: the event id `listing` is used twice (first at events.yaml:11:9)"),
                      messages(result))
        let first = try XCTUnwrap(result.corpus.event("delisting")), last = try XCTUnwrap(result.corpus.event("relisting"))
        XCTAssertEqual(last.tags, ["law"])
        XCTAssertEqual(last.actors, ["court"])
        XCTAssertEqual(first.tags.withUnsafeBufferPointer(\.baseAddress), last.tags.withUnsafeBufferPointer(\.baseAddress))
        XCTAssertEqual(first.actors.withUnsafeBufferPointer(\.baseAddress), last.actors.withUnsafeBufferPointer(\.baseAddress))
    }

    func testYAMLSyntaxErrorHasLineAndColumn() {
        var builder = CorpusBuilder()
        builder.eventsYAML = "events:\n  - id: x\n    title: \"unclosed\n    date: 2003\n"
        let result = builder.load(pinning: true)
        let error = try! XCTUnwrap(result.diagnostics.errors.first)
        XCTAssertEqual(error.location.file, "events.yaml")
        XCTAssertNotNil(error.location.line)
        XCTAssertTrue(error.message.hasPrefix("YAML syntax error"), error.message)
    }

    func testWrongTypesAndMissingFiles() {
        var builder = CorpusBuilder()
        builder.sourcesYAML = builder.sourcesYAML
            .replacingOccurrences(of: "file: b.txt", with: "file: missing.txt")
            .replacingOccurrences(of: "aliases: [Moscow, Kremlin]", with: "aliases: Moscow")
        let result = builder.load(pinning: true)
        let text = messages(result)
        XCTAssertTrue(text.contains("source `beta`: the article file missing.txt no such file"), text)
        XCTAssertTrue(text.contains("`aliases` of an actor must be a list"), text)
        // The missing file is the one error about `beta`; its citations are not "unknown".
        XCTAssertFalse(text.contains("unknown source `beta`"), text)
        XCTAssertEqual(result.diagnostics.errors.filter { $0.message.contains("beta") }.count, 1, text)
    }

    func testMissingManifestIsOneClearError() {
        let result = CorpusLoader.load(from: InMemoryCorpusFiles([:]))
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertTrue(result.diagnostics[0].description.contains("manifest.yaml: error: cannot load the corpus"), messages(result))
    }

    func testQueriesByDateActorSourceAndTag() throws {
        let corpus = CorpusBuilder().load(pinning: true).corpus
        XCTAssertEqual(corpus.events(matching: EventFilter(within: try PartialDate(parsing: "2024"))).map(\.id), ["attack"])
        XCTAssertEqual(corpus.events(matching: EventFilter(within: try PartialDate(parsing: "2003/2024"))).map(\.id), ["listing", "attack"])
        XCTAssertEqual(corpus.events(matching: EventFilter(actor: "Kremlin")).map(\.id), ["listing", "delisting"], "members of Russia count")
        XCTAssertEqual(corpus.events(matching: EventFilter(actor: "Kremlin", includeMemberActors: false)).map(\.id), ["listing"])
        XCTAssertEqual(corpus.events(matching: EventFilter(actor: "daesh")).map(\.id), ["attack"])
        XCTAssertEqual(corpus.events(matching: EventFilter(source: "beta")).map(\.id), ["attack"])
        XCTAssertEqual(corpus.events(matching: EventFilter(tag: "LAW")).map(\.id), ["delisting"])
        XCTAssertEqual(corpus.events(matching: EventFilter(spineOnly: true)).map(\.id), ["delisting"])
        XCTAssertEqual(corpus.actors(named: "IS Khorasan").map(\.id), ["isis-k"])
    }
}
