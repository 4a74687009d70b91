import ChronicleDefaultCorpus
@testable import ChronicleModel
import XCTest

/// An event's date against the dates its own cited passages state.
final class DateAgreementTests: XCTestCase {
    func corpus(listingDate: String, passage: String = "The group was listed in 2003.") -> Corpus {
        var builder = CorpusBuilder()
        builder.articles["a.txt"] = builder.articles["a.txt"]!.replacingOccurrences(of: "The group was listed in 2003.", with: passage)
        builder.eventsYAML = builder.eventsYAML
            .replacingOccurrences(of: "    date: 2003\n", with: "    date: \(listingDate)\n")
            .replacingOccurrences(of: "quote: The group was listed in 2003.", with: "quote: \(passage)")
        let loaded = builder.load()
        XCTAssertEqual(loaded.diagnostics.errors, [])
        return loaded.corpus
    }

    func disagreements(_ corpus: Corpus) throws -> [String] {
        DateAgreement.disagreements(for: try XCTUnwrap(corpus.event("listing")), in: corpus).map(\.message)
    }

    func testAnEventDatedOtherwiseThanItsPassageIsNamedWithBoth() throws {
        XCTAssertEqual(try disagreements(corpus(listingDate: "2004")),
                       ["event `listing` is dated 2004, but its passage [1] in Alpha News (line 3) says “2003” (2003)"])
        XCTAssertEqual(try disagreements(corpus(listingDate: "2003")), [])
        // Any day in common agrees: a decade holds the year, an interval its start.
        XCTAssertEqual(try disagreements(corpus(listingDate: "200X")), [])
        XCTAssertEqual(try disagreements(corpus(listingDate: "2001/2010")), [])
        XCTAssertEqual(try disagreements(corpus(listingDate: "2003-05-02")), [])
    }

    func testRelativeDatesAreReadAgainstTheArticlesDate() throws {
        // Alpha News is dated 2 May 2025: "last month" is April 2025.
        let passage = "The group was listed last month."
        XCTAssertEqual(try disagreements(corpus(listingDate: "2025-04-17", passage: passage)), [])
        XCTAssertEqual(try disagreements(corpus(listingDate: "2025-03", passage: passage)),
                       ["event `listing` is dated Mar 2025, but its passage [1] in Alpha News (line 3) says “last month” (Apr 2025)"])
        // "since 2003" is from 2003 on: a later date agrees.
        XCTAssertEqual(try disagreements(corpus(listingDate: "2010", passage: "The group was listed since 2003.")), [])
        // A passage that states no date, or only vague ones, cannot disagree.
        XCTAssertEqual(try disagreements(corpus(listingDate: "1990", passage: "The group was listed recently.")), [])
    }

    /// On the built-in corpus the one disagreement is a real one, between
    /// the sources: the invasion of 1979 that TRT World puts in the 1980s.
    func testTheBuiltInCorpusHasOneDisagreementBetweenItsSources() {
        let corpus = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus
        let found = corpus.events.flatMap { DateAgreement.disagreements(for: $0, in: corpus) }
        XCTAssertEqual(found.map(\.message),
                       ["event `soviet-invasion-of-afghanistan` is dated 1979, but its passage [2] in TRT World (line 25) says “the 1980s” (1980s)"])
    }

    /// Where an event's date comes from: the expressions of its passages
    /// whose value is its date.
    func testTheStatementsOfAnEventsDate() throws {
        let corpus = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus
        let attack = try XCTUnwrap(corpus.event("moscow-concert-hall-attack"))
        let stated = DateAgreement.statements(of: attack, in: corpus).map { $0.expression.statedIn($0.source) }
        XCTAssertEqual(stated, ["“March 2024” in The Moscow Times", "“last March” in TRT Global, 2 May 2025", "“March” in TRT World, 4 Jul 2024",
                                "“March” in Defence Talks, 4 Oct 2024 (inferred)"])
        let delisting = try XCTUnwrap(corpus.event("supreme-court-delists-taliban"))
        XCTAssertEqual(DateAgreement.statements(of: delisting, in: corpus).map { $0.expression.statedIn($0.source) },
                       ["“April 17” in The Moscow Times, 2 May 2025"], "“last month” is April, not the 17th")
    }
}
