import ChronicleDefaultCorpus
import ChronicleBench
@testable import ChronicleModel
import XCTest

/// The corpus's tables over every event (citations by source, event counts)
/// against working each answer out from the events directly.
final class CorpusTablesTests: XCTestCase {
    static let seeds = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus

    func corpora() throws -> [Corpus] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-tables-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        try CorpusGenerator(articles: 60, eventsPerArticle: 4, seed: 7).write(to: url)
        return [Self.seeds, CorpusLoader.load(directory: url.path).corpus]
    }

    func testEventCountsAreWhatTheFiltersKeep() throws {
        for corpus in try corpora() {
            XCTAssertFalse(corpus.events.isEmpty)
            for actor in corpus.actors {
                XCTAssertEqual(corpus.eventCounts.ofActor[actor.id] ?? 0, corpus.events(matching: EventFilter(actor: actor.id)).count, actor.id)
            }
            for (position, source) in corpus.sources.enumerated() {
                XCTAssertEqual(corpus.eventCounts.ofSource[position], corpus.events(matching: EventFilter(source: source.id)).count, source.id)
            }
            let tags = Set(corpus.events.flatMap(\.tags))
            XCTAssertFalse(tags.isEmpty)
            for tag in tags {
                XCTAssertEqual(corpus.eventCounts.ofTag[tag], corpus.events.filter { $0.tags.contains(tag) }.count, tag)
            }
        }
        // A parent counts its members' events: Russia keeps Putin's.
        XCTAssertGreaterThan(Self.seeds.eventCounts.ofActor["russia"] ?? 0, Self.seeds.events.filter { $0.actors.contains("russia") }.count)
    }

    func testCitationsBySourceAreEveryCitationInOrder() throws {
        for corpus in try corpora() {
            var total = 0
            for (position, source) in corpus.sources.enumerated() {
                let entries = corpus.citations.entries(ofSource: position)
                var expected: [(Int, Int, Int)] = []
                for (index, event) in corpus.events.enumerated() {
                    for citation in event.citations where citation.sourceID == source.id {
                        expected.append((citation.passage.range.lowerBound, citation.passage.range.upperBound, index))
                    }
                }
                expected.sort { $0 < $1 }
                XCTAssertEqual(entries.map { "\($0.range.lowerBound)-\($0.range.upperBound)@\($0.event)" },
                               expected.map { "\($0.0)-\($0.1)@\($0.2)" }, source.id)
                for (k, entry) in entries.enumerated() {
                    XCTAssertEqual(corpus.citations.entryIndex(source: position, range: entry.range, event: Int(entry.event)), k)
                }
                total += entries.count
            }
            XCTAssertEqual(total, corpus.events.reduce(0) { $0 + $1.citations.count })
            XCTAssertNil(corpus.citations.entryIndex(source: 0, range: -1..<0, event: 0))
            XCTAssertTrue(corpus.citations.entries(ofSource: corpus.sources.count).isEmpty)
        }
    }
}
