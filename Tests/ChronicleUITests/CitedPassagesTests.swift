import ChronicleModel
@testable import ChronicleUI
import XCTest

/// The passages each article's events cite, from one table of every
/// citation, are those the per-article dictionaries gave.
final class CitedPassagesTests: XCTestCase {
    /// The former way: a dictionary per article of each cited range's line
    /// and events, sorted by position.
    static func reference(_ corpus: Corpus) -> [String: [BrowserData.CitedPassage]] {
        var bySource: [String: [Range<Int>: (line: Int, events: [String])]] = [:]
        for event in corpus.events {
            for citation in event.citations {
                let passage = citation.passage
                var entry = bySource[passage.sourceID, default: [:]][passage.range] ?? (passage.line, [])
                if !entry.events.contains(event.id) { entry.events.append(event.id) }
                bySource[passage.sourceID, default: [:]][passage.range] = entry
            }
        }
        return bySource.mapValues { ranges in
            ranges.map { BrowserData.CitedPassage(range: $0.key, line: $0.value.line, eventIDs: $0.value.events) }
                .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        }
    }

    func assertSameAsReference(_ data: BrowserData, file: StaticString = #filePath, line: UInt = #line) {
        let expected = Self.reference(data.corpus)
        var passages = 0
        for source in data.corpus.sources {
            let found = data.citedPassages(of: source.id)
            XCTAssertEqual(found, expected[source.id] ?? [], source.id, file: file, line: line)
            XCTAssertEqual(data.citedPassageCount(of: source.id), found.count, source.id, file: file, line: line)
            for (index, passage) in found.enumerated() {
                XCTAssertEqual(data.passageIndex(source: source.id, range: passage.range), index, file: file, line: line)
            }
            passages += found.count
        }
        XCTAssertGreaterThan(passages, 0, file: file, line: line)
        XCTAssertEqual(data.citedPassages(of: "no-such-source"), [])
        XCTAssertEqual(data.citedPassageCount(of: "no-such-source"), 0)
    }

    func testTheBuiltInCorpus() {
        assertSameAsReference(Fixtures.data)
    }

    /// One passage cited by two events (listed in timeline order), an event
    /// citing two passages of one article, and passages that start together
    /// but end apart.
    func testSharedAndNestedPassages() throws {
        let article = "Title\nThe group was listed in 2003. The court removed it in 2025.\n"
        let manifest = """
            format: 1
            sources:
              - id: a
                file: a.txt
                outlet: Outlet A
                published: 2025-05-01
              - id: b
                file: b.txt
                outlet: Outlet B
                published: 2025-05-02
            """
        let events = """
            events:
              - id: later
                date: 2025
                title: Later
                citations:
                  - source: a
                    quote: The group was listed in 2003.
                  - source: a
                    quote: The court removed it in 2025.
              - id: earlier
                date: 2003
                title: Earlier
                citations:
                  - source: a
                    quote: The group was listed in 2003.
                  - source: b
                    quote: The group
              - id: middle
                date: 2010
                title: Middle
                citations:
                  - source: b
                    quote: The group was listed
            """
        let files = InMemoryCorpusFiles(["manifest.yaml": Array(manifest.utf8), "events.yaml": Array(events.utf8),
                                         "a.txt": Array(article.utf8), "b.txt": Array(article.utf8)])
        let result = CorpusLoader.load(from: files)
        XCTAssertFalse(result.hasErrors, result.diagnostics.map(\.description).joined(separator: "\n"))
        let data = BrowserData(corpus: result.corpus)
        assertSameAsReference(data)
        XCTAssertEqual(data.citedPassages(of: "a").map(\.eventIDs), [["earlier", "later"], ["later"]])
        XCTAssertEqual(data.citedPassages(of: "b").map(\.eventIDs), [["earlier"], ["middle"]])
        XCTAssertEqual(data.citedPassages(of: "b").map(\.range.count), ["The group".utf8.count, "The group was listed".utf8.count])
    }
}
