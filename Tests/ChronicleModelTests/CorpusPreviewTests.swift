import XCTest
@testable import ChronicleModel

/// Events are checked without their articles on the threads that parse
/// them, and anchored once the articles are read; the preview is taken in
/// between. Messages must still come in the order of one pass, and the
/// preview must be the whole load's first events.
final class CorpusPreviewTests: XCTestCase {
    static let article = "Line one of the article.\nThe minister said the talks went well.\nA third line, about trade.\n"

    func corpus(events: String, extraSources: Int = 0) -> InMemoryCorpusFiles {
        let text = Array(Self.article.utf8)
        var manifest = "format: 1\ntitle: Order\nactors:\n  - id: russia\n    name: Russia\nsources:\n"
        var files: [String: [UInt8]] = [:]
        for n in 0...extraSources {
            manifest += "  - id: s\(n)\n    file: a\(n).txt\n    outlet: Outlet \(n)\n    published: \"2024\"\n    sha256: \(SHA256.hex(text))\n"
            files["a\(n).txt"] = text
        }
        files["manifest.yaml"] = Array(manifest.utf8)
        files["events.yaml"] = Array(events.utf8)
        return InMemoryCorpusFiles(files, name: "order")
    }

    /// What checking reports and what anchoring reports interleave as in
    /// one pass: an event's fields, then each citation (its fields, then its
    /// quote, then its claims), then summary and tags only if it stands.
    func testMessagesWithinEventsKeepTheOrderOfOnePass() {
        let events = """
            events:
              - id: first
                date: "2024"
                title: First
                actors: [nobody]
                summary: [not, text]
                citations:
                  - source: s0
                    quote: words that are not there
                    colour: red
                  - source: s0
                    quote: the talks went well
                    claims: [not, pairs]
                  - source: nowhere
                    quote: anything
              - id: second
                date: "2024"
                title: Second
                summary: [not, text]
                tags: just-one
                citations:
                  - source: s0
                    quote: about trade
                    claims: {said: ""}
            """
        let result = CorpusLoader.load(from: corpus(events: events))
        let got = result.diagnostics.map { "\($0.location.line ?? 0) \($0.message)" }
        let expected: [(Int, String)] = [
            (5, "names an unknown actor `nobody`"),
            (10, "unknown field `colour`"),
            (9, "quote not found"),
            (13, "`claims` of a citation of event `first` must be `name: text` pairs"),
            (14, "cites an unknown source `nowhere`"),
            // "first" does not stand: its summary is not reported.
            (24, "each entry of `claims`"),
            (19, "`summary` of event `second` must be text"),
            (20, "`tags` of event `second` must be a list"),
        ]
        XCTAssertEqual(got.count, expected.count, got.joined(separator: "\n"))
        for (line, (expectedLine, fragment)) in zip(got, expected) {
            XCTAssertTrue(line.hasPrefix("\(expectedLine) ") && line.contains(fragment), "\(line) is not line \(expectedLine) with \(fragment)\nall:\n" + got.joined(separator: "\n"))
        }
    }

    func generated(_ count: Int, badQuoteAt bad: Int? = nil) -> InMemoryCorpusFiles {
        var events = "events:\n"
        let quotes = ["Line one of the article.", "the talks went well", "about trade"]
        for n in 0..<count {
            // Years in a scrambled order, so that the timeline's order is not the files'.
            let year = 1900 + (n * 37) % 120
            events += "  - id: e\(n)\n    date: \"\(year)\"\n    title: Event \(n)\n    citations:\n"
            events += "      - source: s\(n % 12)\n        quote: \(n == bad ? "nowhere to be found" : quotes[n % 3])\n"
        }
        return corpus(events: events, extraSources: 11)
    }

    func testPreviewIsTheFirstEventsOfTheWholeLoad() throws {
        var previews: [CorpusPreview] = []
        let result = CorpusLoader.load(from: generated(400), previewing: 25) { previews.append($0) }
        XCTAssertEqual(result.diagnostics.errors, [])
        let preview = try XCTUnwrap(previews.first)
        XCTAssertEqual(previews.count, 1)
        XCTAssertEqual(preview.eventCount, 400)
        XCTAssertEqual(preview.sourceCount, 12)
        XCTAssertEqual(preview.corpus.title, "Order")
        XCTAssertEqual(preview.dates.map(\.date.edtf).sorted(), result.corpus.events.map(\.date.date.edtf).sorted())
        let whole = result.corpus.events.prefix(25)
        XCTAssertEqual(preview.corpus.events.map(\.id), whole.map(\.id))
        XCTAssertEqual(preview.corpus.events.map(\.citations), whole.map(\.citations), "anchored at the same bytes")
        // Only the articles the first events cite were read.
        XCTAssertEqual(Set(preview.corpus.sources.map(\.id)), Set(whole.flatMap(\.sourceIDs)))
        XCTAssertLessThan(preview.corpus.sources.count, 12)
    }

    func testNoPreviewWhenSomethingShownWouldNotBeSourced() {
        // The first event of the timeline (year 1900, e0) quotes nothing real.
        var previews = 0
        let bad = CorpusLoader.load(from: generated(100, badQuoteAt: 0), previewing: 25) { _ in previews += 1 }
        XCTAssertEqual(bad.diagnostics.errors.count, 1)
        XCTAssertEqual(previews, 0)
        // An error found while checking, anywhere in the events, also stops it.
        var events = String(decoding: generated(100).files["events.yaml"]!, as: UTF8.self)
        events = events.replacingOccurrences(of: "title: Event 99\n", with: "title: Event 99\n    colour: red\n")
        var files = generated(100).files
        files["events.yaml"] = Array(events.utf8)
        let unknownField = CorpusLoader.load(from: InMemoryCorpusFiles(files), previewing: 25) { _ in previews += 1 }
        XCTAssertEqual(unknownField.diagnostics.errors.count, 1)
        XCTAssertEqual(previews, 0)
    }

    func testNoPreviewWhenAnArticleItShowsReportsAnError() throws {
        // The timeline's first event (year 1900, e0) cites s0, whose body
        // names lines the article does not have: an error, though the
        // article is still read.
        var files = generated(100).files
        var manifest = String(decoding: files["manifest.yaml"]!, as: UTF8.self)
        manifest = manifest.replacingOccurrences(of: "file: a0.txt\n", with: "file: a0.txt\n    body: [2-99]\n")
        files["manifest.yaml"] = Array(manifest.utf8)
        var previews = 0
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files), previewing: 25) { _ in previews += 1 }
        XCTAssertEqual(result.diagnostics.errors.count, 1, result.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(previews, 0)
    }

    func testAPreviewDoesNotVouchForTheRest() {
        // A bad quote in an event past the preview: the preview is given
        // (what it shows is sourced), and the whole load still reports it.
        var previews: [CorpusPreview] = []
        let result = CorpusLoader.load(from: generated(100, badQuoteAt: 99), previewing: 10) { previews.append($0) }
        XCTAssertEqual(previews.count, 1)
        XCTAssertFalse(previews[0].corpus.events.map(\.id).contains("e99"))
        XCTAssertEqual(result.diagnostics.errors.count, 1)
        XCTAssertTrue(result.diagnostics.errors[0].message.contains("quote not found"))
    }
}
