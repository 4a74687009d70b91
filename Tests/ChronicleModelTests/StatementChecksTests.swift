import ChronicleDefaultCorpus
@testable import ChronicleModel
import XCTest

/// Every statement of the built-in chronology backed by its cited passages,
/// and the checks `validate` notes with, on events that fail them.
final class StatementChecksTests: XCTestCase {
    static let seeds = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus

    func testEveryEventOfTheBuiltInCorpusIsBackedByItsPassages() {
        let corpus = Self.seeds
        XCTAssertEqual(corpus.events.count, 22)
        for event in corpus.events {
            // Each actor named in a cited passage; each date inferred unless a passage prints it.
            XCTAssertEqual(StatementChecks.notes(for: event, in: corpus).map(\.message), [], event.id)
            let passages = event.citations.compactMap { corpus.source($0.sourceID)?.displayText($0.passage.range) }
            for actor in event.actors.compactMap({ corpus.actor($0) }) {
                XCTAssertTrue(passages.contains { text in actor.names.contains { text.localizedCaseInsensitiveContains($0) } }, "\(event.id): \(actor.name)")
            }
            if !event.date.inferred {
                let printed = passages.flatMap(PrintedDates.find).map(\.precision).max()
                XCTAssertGreaterThanOrEqual(printed ?? .unknownYear, min(event.date.date.precision, .day), "\(event.id): \(event.date.date.edtf)")
            }
            // A date taken from a source's inferred date says how.
            if event.date.inferred { XCTAssertNotNil(event.date.basis, event.id) }
        }
    }

    /// The articles that report each principal event, read by hand: each cites it.
    func testEachPrincipalEventIsCitedByEveryArticleThatReportsIt() {
        let reporting: [String: Set<String>] = [
            "russia-lists-taliban-as-terrorist": ["tmt-2025-05-02", "trt-global-2025-05-02", "aa-2025-05-02", "trt-world-2024-07-04", "defence-talks-2024-10-04"],
            "moscow-concert-hall-attack": ["tmt-2025-05-02", "trt-global-2025-05-02", "trt-world-2024-07-04", "defence-talks-2024-10-04"],
            "putin-calls-taliban-allies": ["tmt-2025-05-02", "trt-global-2025-05-02", "trt-world-2024-07-04", "defence-talks-2024-10-04"],
            "supreme-court-delists-taliban": ["tmt-2025-05-02", "trt-global-2025-05-02", "aa-2025-05-02"],
            "kabulov-pledges-help-against-isis-k": ["tmt-2025-05-02", "trt-global-2025-05-02", "aa-2025-05-02"],
        ]
        let spine = Self.seeds.events.filter(\.spine)
        XCTAssertEqual(Set(spine.map(\.id)), Set(reporting.keys))
        for event in spine { XCTAssertEqual(Set(event.sourceIDs), reporting[event.id], event.id) }
    }

    func testTheChecksNoteAnUnnamedActorAndAnUnmarkedDay() throws {
        var builder = CorpusBuilder()
        // The listing cites "The group was listed in 2003.", which names no Russia; a day not printed, not inferred.
        builder.eventsYAML = builder.eventsYAML.replacingOccurrences(of: "    date: 2003\n    title: The group is listed\n",
                                                                      with: "    date: 2003-05-02\n    title: Russia lists the group\n")
        let loaded = builder.load()
        XCTAssertEqual(loaded.diagnostics.errors, [])
        let listing = try XCTUnwrap(loaded.corpus.event("listing"))
        let messages = StatementChecks.notes(for: listing, in: loaded.corpus).map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("lists the actor Russia") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("dated to the day") && $0.contains("not marked inferred") }, "\(messages)")
        XCTAssertEqual(StatementChecks.notes(for: try XCTUnwrap(loaded.corpus.event("attack")), in: loaded.corpus).map(\.message).count, 2,
                       "ISIS-K unnamed in “145 people died”, and a month no passage prints")
        let found = PrintedDates.find(in: "In the 1980s, on April 17 and in March 2024; not 2,003 or 12.5")
        XCTAssertEqual(found.map(\.text), ["April 17", "March 2024", "1980s", "2024"])
        XCTAssertEqual(found.map(\.precision), [.day, .month, .decade, .year])
    }
}
