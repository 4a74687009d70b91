import ChronicleDefaultCorpus
import XCTest
@testable import ChronicleModel

final class CorroborationTests: XCTestCase {
    static let corpus = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus

    func testCoverageMatrixOfTheDefaultCorpus() {
        let coverage = Coverage(Self.corpus)
        XCTAssertEqual(Self.corpus.sources.map(\.id), ["tmt-2025-05-02", "trt-global-2025-05-02", "aa-2025-05-02",
                                                       "trt-world-2024-07-04", "defence-talks-2024-10-04"])
        // C cited, o could have (published after) but not cited, . published before the event.
        let expected = [
            "soviet-invasion-of-afghanistan": "oooCC",
            "soviet-afghan-war": "CooCC",
            "russia-lists-taliban-as-terrorist": "CCCCC",
            "taliban-ban-women-from-public-life": "oooCo",
            "taliban-return-to-power": "CCCCo",
            "afghan-assets-frozen-in-western-banks": "ooCoo",
            "taliban-delegation-at-spief": "Coooo",
            "moscow-concert-hall-attack": "CCoCC",
            "putin-build-up-relations": "oooCo",
            "putin-calls-taliban-allies": "CCoCC",
            "kazakhstan-kyrgyzstan-lift-bans": "ooooC",
            "china-uae-accept-taliban-ambassadors": "ooooC",
            "foreign-ministry-highest-level": "ooo.C",
            "lavrov-meets-muttaqi": "ooo.C",
            "bill-to-suspend-terror-bans-submitted": "ooCoo",
            "bill-to-suspend-terror-bans": "ooC..",
            "trade-ties-with-kabul": "oCo..",
            "supreme-court-delists-taliban": "CCC..",
            "kazan-business-forum": "oCo..",
            "kabulov-pledges-help-against-isis-k": "CCC..",
            "afghan-ambassador-accreditation": "oCC..",
            "contacts-with-the-west-frozen-assets": "ooC..",
        ]
        let letter: [Coverage.Mark: Character] = [.cited: "C", .notCited: "o", .notYetPublished: "."]
        var actual: [String: String] = [:]
        for (event, row) in zip(Self.corpus.events, coverage.marks) { actual[event.id] = String(row.map { letter[$0]! }) }
        XCTAssertEqual(actual, expected)
        XCTAssertEqual(coverage.citedCounts, [8, 9, 9, 8, 9])
    }

    func testQuantitiesInTheSeedsWording() {
        func readings(_ text: String) -> [String] {
            AmountReader.amounts(in: text).map(\.reading)
        }
        XCTAssertEqual(readings("the March 2024 attack on a Moscow concert venue that killed 145 people."), ["145 people"])
        XCTAssertEqual(readings("In March, Daesh-K killed more than 140 people in an assault"), ["more than 140 people"])
        XCTAssertEqual(readings("resulted in 145 fatalities at a concert hall near Moscow"), ["145 people"])
        XCTAssertEqual(readings("the deadliest terror attack in Russia for almost two decades."), ["almost 20 years"])
        XCTAssertEqual(readings("After nearly two decades of fighting"), ["nearly 20 years"])
        XCTAssertEqual(readings("On April 17, Russia's Supreme Court"), [], "a day of a date is not a count")
        XCTAssertEqual(readings("listed since 2003"), [], "a year is not a count")
        XCTAssertEqual(readings("some 12 dozen"), [], "a number needs a counted noun after it")
        let found = AmountReader.amounts(in: "killed more than 140 people")
        XCTAssertEqual(found.first.map { Array("killed more than 140 people".utf8)[$0.range] }.map { String(decoding: $0, as: UTF8.self) },
                       "more than 140 people", "the range covers the qualifier and the noun")
    }

    func testTheAttackIsFlaggedWithBothNumbersAndEveryPlace() throws {
        let attack = try XCTUnwrap(Self.corpus.event("moscow-concert-hall-attack"))
        let found = Disagreement.find(in: attack, corpus: Self.corpus)
        let people = try XCTUnwrap(found.first { $0.subject == "people" })
        XCTAssertFalse(people.recorded)
        XCTAssertEqual(people.readings.map(\.text), ["145 people", "more than 140 people"])
        XCTAssertEqual(people.readings[0].sourceIDs, ["tmt-2025-05-02", "trt-global-2025-05-02", "defence-talks-2024-10-04"])
        XCTAssertEqual(people.readings[1].sourceIDs, ["trt-world-2024-07-04"])
        let place = try XCTUnwrap(found.first { $0.subject == "place" })
        XCTAssertTrue(place.recorded)
        XCTAssertEqual(place.readings.count, 4)
        // The delisting: removed from the list, or the ban suspended.
        let delisting = try XCTUnwrap(Self.corpus.event("supreme-court-delists-taliban"))
        let act = try XCTUnwrap(Disagreement.find(in: delisting, corpus: Self.corpus).first { $0.subject == "act" })
        XCTAssertEqual(act.readings.map(\.text), ["removed the Taliban from the list", "suspended the ban on the Taliban"])
        // An event whose sources agree is not flagged.
        let listing = try XCTUnwrap(Self.corpus.event("russia-lists-taliban-as-terrorist"))
        XCTAssertEqual(Disagreement.find(in: listing, corpus: Self.corpus), [])
    }

    func testSuggestionsFindEverySeedsSentenceAbout2003() throws {
        let listing = try XCTUnwrap(Self.corpus.event("russia-lists-taliban-as-terrorist"))
        // As an editor would start: one citation only. The others must be suggested.
        let oneCitation = Event(id: listing.id, date: listing.date, title: listing.title, summary: listing.summary,
                                actors: listing.actors, tags: listing.tags, spine: listing.spine,
                                citations: [listing.citations[0]], location: listing.location)
        let suggestions = Suggestions.suggest(for: oneCitation, in: Self.corpus, limit: 10)
        for citation in listing.citations.dropFirst() {
            XCTAssertTrue(suggestions.contains { $0.sourceID == citation.sourceID && $0.range.overlaps(citation.passage.range) },
                          "no suggestion holds \(citation.passage.exact) from \(citation.sourceID)")
        }
        let top = try XCTUnwrap(suggestions.first)
        XCTAssertTrue(top.reasons.contains("names 2003"), "\(top.reasons)")
        // The cited passage itself is never suggested.
        XCTAssertFalse(suggestions.contains { $0.sourceID == listing.citations[0].sourceID && $0.range.overlaps(listing.citations[0].passage.range) })
        XCTAssertEqual(suggestions.map(\.score), suggestions.map(\.score).sorted(by: >))
    }

    func testEverySentenceIsABodySpanWithoutOuterSpaces() throws {
        let source = try XCTUnwrap(Self.corpus.source("tmt-2025-05-02"))
        let sentences = Suggestions.sentences(of: source)
        XCTAssertGreaterThan(sentences.count, 10)
        for sentence in sentences {
            XCTAssertTrue(source.isBody(line: sentence.line))
            XCTAssertFalse(source.rawText(sentence.range).hasPrefix(" "))
            XCTAssertFalse(source.rawText(sentence.range).hasSuffix(" "))
        }
        XCTAssertTrue(sentences.contains { source.rawText($0.range) == "On April 17, Russia's Supreme Court removed the Taliban from its list of designated terrorist organizations, where it had been listed since 2003." })
    }
}
