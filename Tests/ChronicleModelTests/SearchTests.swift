import ChronicleDefaultCorpus
import XCTest
@testable import ChronicleModel

final class SearchTests: XCTestCase {
    /// A small corpus whose words exercise every matching rule.
    static func builtCorpus() -> Corpus {
        var builder = CorpusBuilder()
        builder.articles["c.txt"] = """
            Third article
            Bu haberi paylaşın, said the Türkiye desk. Russia’s envoy spoke – briefly – about ISIS–K.
            The envoy Kabulov met the minister. Later the minister met the envoy.
            IS Khorasan claimed it. Nothing else here.

            """
        builder.sourcesYAML = builder.sourcesYAML.replacingOccurrences(of: "actors:\n", with: """
              - id: gamma
                file: c.txt
                outlet: Gamma Daily
                published: 2025-01-10
                body: [2-4]
            actors:

            """)
        let result = CorpusLoader.load(from: builder.files())
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.description), [])
        return result.corpus
    }

    static let built = SearchIndex(builtCorpus())
    static let seeds = SearchIndex(CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files)).corpus)

    func articleText(_ index: SearchIndex, _ query: String) -> [String] {
        let result = index.search(SearchQuery(query))
        return result.articleHits.computeAll().flatMap { hit in
            hit.ranges.map { index.corpus.source(hit.sourceID)!.rawText($0) }
        }
    }

    func eventIDs(_ index: SearchIndex, _ query: String, filter: EventFilter = EventFilter()) -> [String] {
        index.search(SearchQuery(query), filter: filter).computeEventHits().map { index.corpus.events[$0.event].id }
    }

    func testTokensFoldCaseDiacriticsAndTypography() {
        XCTAssertEqual(SearchTokenizer.terms("Türkiye PAYLAŞIN"), ["turkiye", "paylasin"])
        XCTAssertEqual(SearchTokenizer.terms("Russia’s"), SearchTokenizer.terms("Russia's"))
        XCTAssertEqual(SearchTokenizer.terms("ISIS–K"), ["isis", "k"])
        XCTAssertEqual(SearchTokenizer.terms("e\u{301}lan"), ["elan"], "a combining accent folds away")
        let tokens = SearchTokenizer.tokens("a Türkiye")
        XCTAssertEqual(tokens.map(\.start), [0, 2])
        XCTAssertEqual(tokens.last?.end, 2 + "Türkiye".utf8.count)
    }

    func testQueryClausesPhrasesAndTheTypedPrefix() {
        let query = SearchQuery("court \"the list\" Kabu")
        XCTAssertEqual(query.clauses.map(\.terms), [["court"], ["the", "list"], ["kabu"]])
        XCTAssertEqual(query.clauses.map(\.prefix), [false, false, true])
        XCTAssertEqual(SearchQuery("Kabu ").clauses.map(\.prefix), [false], "a space ends the word")
        XCTAssertEqual(SearchQuery("“the list”").clauses.map(\.terms), [["the", "list"]], "typographic quotes make a phrase")
        XCTAssertTrue(SearchQuery("  “ ” ").isEmpty)
    }

    func testCaseAndDiacriticsAreIgnored() {
        XCTAssertEqual(articleText(Self.built, "paylasin"), ["paylaşın"])
        XCTAssertEqual(articleText(Self.built, "TURKIYE"), ["Türkiye"])
    }

    func testTypographicApostrophesAndDashesMatchTheirPlainForms() {
        XCTAssertEqual(articleText(Self.built, "Russia's"), ["Russia’s"])
        XCTAssertEqual(articleText(Self.built, "spoke - briefly"), ["spoke", "briefly"])
        XCTAssertEqual(articleText(Self.built, "\"spoke - briefly\""), ["spoke – briefly"])
    }

    func testPrefixWhileTyping() {
        XCTAssertEqual(articleText(Self.built, "Kabu"), ["Kabulov"])
        XCTAssertEqual(articleText(Self.built, "Kabu "), [], "a finished word is whole")
    }

    func testPhraseMatchesInOrderAndWordsMatchInAnyOrder() {
        XCTAssertEqual(articleText(Self.built, "\"envoy met\""), [])
        XCTAssertEqual(articleText(Self.built, "\"minister met the envoy\""), ["minister met the envoy"])
        // AND: both words on the line, in any order.
        XCTAssertEqual(articleText(Self.built, "minister envoy"), ["envoy", "minister", "minister", "envoy"])
        XCTAssertEqual(articleText(Self.built, "minister paylasin"), [], "not on one line")
    }

    func testAliasesFindTheActorsEventsAndItsOtherNames() {
        XCTAssertEqual(eventIDs(Self.built, "Daesh"), ["attack"])
        XCTAssertEqual(Set(articleText(Self.built, "Daesh")), ["ISIS–K", "IS Khorasan"])
        XCTAssertEqual(eventIDs(Self.seeds, "Daesh").count, Self.seeds.corpus.events.filter { $0.actors.contains("isis-k") }.count)
    }

    func testEventsMatchInTitleSummaryActorsAndCitedPassages() throws {
        let result = Self.built.search(SearchQuery("court"))
        XCTAssertEqual(result.computeEventHits().map { Self.built.corpus.events[$0.event].id }, ["delisting"])
        let hit = try XCTUnwrap(result.computeEventHits().first)
        XCTAssertEqual(hit.titleRanges.map { Array("The court removes the group from the list".utf8)[$0] }.map { String(decoding: $0, as: UTF8.self) }, ["court"])
        // The passage match is the raw bytes of the word in the article.
        let source = try XCTUnwrap(Self.built.corpus.source("alpha"))
        XCTAssertEqual(hit.passageRanges.map { source.rawText($0.range) }, ["court"])
        // Matches inside a cited passage are the event's, not article hits.
        XCTAssertTrue(result.articleHits.isEmpty)
        XCTAssertEqual(eventIDs(Self.built, "145"), ["attack"], "found through the cited passage")
    }

    func testHitsCarryRawOffsetsAcrossHiddenMarkup() throws {
        let result = Self.built.search(SearchQuery("\"145 people\""))
        let source = try XCTUnwrap(Self.built.corpus.source("beta"))
        let range = try XCTUnwrap(result.computeHighlights(inSource: "beta")?.first)
        XCTAssertEqual(source.rawText(range), "145 people")
        XCTAssertEqual(Array(source.raw[(range.lowerBound - 3)..<range.lowerBound]), Array("<u>".utf8), "the offsets are raw, past the hidden tag")
    }

    func testFurnitureIsNotSearched() {
        XCTAssertEqual(articleText(Self.built, "Unrelated"), [])
    }

    func testFiltersCombineWithSearch() throws {
        XCTAssertEqual(eventIDs(Self.built, "group"), ["listing", "delisting"])
        XCTAssertEqual(eventIDs(Self.built, "group", filter: EventFilter(within: try PartialDate(parsing: "2025"))), ["delisting"])
        XCTAssertEqual(eventIDs(Self.built, "group", filter: EventFilter(actor: "Russia")), ["listing", "delisting"], "the court is part of Russia")
        XCTAssertEqual(eventIDs(Self.built, "group", filter: EventFilter(actor: "Russia", includeMemberActors: false)), ["listing"])
        XCTAssertEqual(eventIDs(Self.built, "group", filter: EventFilter(tag: "law")), ["delisting"])
        XCTAssertEqual(eventIDs(Self.built, "", filter: EventFilter(source: "beta")), ["attack"], "filters alone narrow the timeline")
        // A source filter also narrows the article hits.
        let hits = Self.built.search(SearchQuery("envoy"), filter: EventFilter(source: "alpha")).articleHits
        XCTAssertTrue(hits.isEmpty)
    }

    /// The command line's top hits, scored without their ranges, are the
    /// first of every hit worked out and sorted, with the same total.
    func testTheTopHitsAreTheFirstOfEveryHitRanked() throws {
        for query in ["the", "taliban", "minist", "\"foreign ministry\"", "daesh", "kabulov isis", "nothing-like-it"] {
            let result = Self.seeds.search(SearchQuery(query), articleHitLimit: .max)
            let all = (result.computeEventHits().map(SearchResult.Ranked.event) + result.articleHits.computeAll().map(SearchResult.Ranked.article))
                .enumerated().sorted { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }
                .map(\.element)
            for limit in [1, 3, 20, Int.max] {
                let (top, total) = result.computeRanking(top: limit)
                XCTAssertEqual(total, all.count, query)
                XCTAssertEqual("\(top)", "\(Array(all.prefix(limit)))", "\(query), top \(limit)")
            }
        }
    }

    func testRankingPutsTheDenserShorterMatchFirst() throws {
        let ranked = Self.built.search(SearchQuery("minister")).computeRanking()
        XCTAssertFalse(ranked.isEmpty)
        XCTAssertEqual(ranked.map(\.score), ranked.map(\.score).sorted(by: >))
        // In the seeds, the Kabulov pledge outranks an event that merely mentions him once.
        let seeds = Self.seeds.search(SearchQuery("Kabulov ISIS"))
        let described = seeds.computeRanking().prefix(5).map { hit -> String in
            switch hit {
            case .event(let e): return "event \(Self.seeds.corpus.events[e.event].id) \(e.score)"
            case .article(let a): return "article \(a.sourceID):\(a.line) \(a.score)"
            }
        }
        guard case .event(let top) = try XCTUnwrap(seeds.computeRanking().first) else { return XCTFail("an event ranks first: \(described)") }
        XCTAssertEqual(Self.seeds.corpus.events[top.event].id, "kabulov-pledges-help-against-isis-k")
    }

    func testRankingOrderOnABuiltCorpus() {
        // "group": the short event whose title and passage both say it, then
        // the longer title, then the article line outside any cited passage.
        let ranked = Self.built.search(SearchQuery("group")).computeRanking().map { hit -> String in
            switch hit {
            case .event(let event): return Self.built.corpus.events[event.event].id
            case .article(let line): return "\(line.sourceID):\(line.line)"
            }
        }
        XCTAssertEqual(ranked, ["listing", "delisting", "alpha:4"])
    }

    func testAPhraseNeverSpansTwoFieldsOrLines() {
        // "list" ends the delisting's title; "the" starts no summary, but a
        // phrase across title and actors must not match (nor crash).
        let result = Self.built.search(SearchQuery("\"the list supreme court\""))
        XCTAssertTrue(result.computeEventHits().isEmpty)
        XCTAssertEqual(articleText(Self.built, "\"another the envoy\""), [], "not across lines 2 and 3")
    }

    func testArticleLinesStopAtTheLimitAndOneLetterIsNotAPrefix() {
        let all = Self.seeds.search(SearchQuery("the "))
        XCTAssertGreaterThan(all.articleHits.count, 3)
        XCTAssertFalse(all.articleHitsTruncated)
        let limited = Self.seeds.search(SearchQuery("the "), articleHitLimit: 3)
        XCTAssertEqual(limited.articleHits.count, 3)
        XCTAssertTrue(limited.articleHitsTruncated)
        XCTAssertEqual(limited.matchingEvents, all.matchingEvents, "events are always complete")
        // "t" alone is the word "t", not every word starting with t; "ta" is a prefix.
        XCTAssertTrue(Self.seeds.search(SearchQuery("t")).computeEventHits().isEmpty)
        XCTAssertFalse(Self.seeds.search(SearchQuery("ta")).computeEventHits().isEmpty)
        // Highlights are computed for the article asked about, and agree with the hits.
        let kabulov = Self.seeds.search(SearchQuery("Kabulov"))
        for hit in kabulov.articleHits.computeAll() {
            let ranges = kabulov.computeHighlights(inSource: hit.sourceID) ?? []
            for range in hit.ranges { XCTAssertTrue(ranges.contains(range), "\(hit.sourceID):\(hit.line)") }
        }
    }

    func testHitForEventFindsEveryMatchingEventAndNoOther() {
        let result = Self.seeds.search(SearchQuery("Kabulov"))
        let matching = Set(result.computeEventHits().map(\.event))
        for event in Self.seeds.corpus.events.indices {
            XCTAssertEqual(result.hit(forEvent: event)?.event, matching.contains(event) ? event : nil)
        }
        XCTAssertEqual([1, 3, 3, 7].partitionPoint { $0 < 3 }, 1)
        XCTAssertEqual([Int]().partitionPoint { $0 < 3 }, 0)
        XCTAssertEqual([1, 2].partitionPoint { $0 < 9 }, 2)
    }

    /// Words of 254, 400 and 401 bytes are highlighted whole: their offsets
    /// are found again by reading the line (a token's end was once a byte
    /// of length, with longer ones kept aside).
    func testLongWordsAreHighlightedWhole() throws {
        let long = String(repeating: "ab", count: 200), short = String(repeating: "c", count: 254)
        var builder = CorpusBuilder()
        builder.articles["c.txt"] = "Third article\nThe \(long) and \(short) words. Then \(long)z too.\n"
        builder.sourcesYAML = builder.sourcesYAML.replacingOccurrences(of: "actors:\n", with: """
              - id: gamma
                file: c.txt
                outlet: Gamma Daily
                published: 2025-01-10
                body: [2]
            actors:

            """)
        let result = CorpusLoader.load(from: builder.files())
        XCTAssertEqual(result.diagnostics.errors.map(\.description), [])
        let index = SearchIndex(result.corpus)
        XCTAssertEqual(articleText(index, long), [long, long + "z"], "a prefix of 400 bytes, whole words highlighted")
        XCTAssertEqual(articleText(index, short), [short])
        let gamma = try XCTUnwrap(result.corpus.source("gamma"))
        let marked = try XCTUnwrap(index.search(SearchQuery("ab")).computeHighlights(inSource: "gamma"))
        XCTAssertEqual(marked.map(\.count), [400, 401])
        XCTAssertEqual(marked.map { gamma.rawText($0) }, [long, long + "z"])
    }

    /// Every event's words are kept one event's after the other: a phrase
    /// must not run from one event's actors into the next one's title, and
    /// each word is in its own field.
    func testAnEventsWordsNeverRunIntoTheNextOnes() throws {
        let index = SearchIndex(CorpusBuilder().load().corpus)
        XCTAssertEqual(index.corpus.events.map(\.id), ["listing", "attack", "delisting"])
        XCTAssertEqual(eventIDs(index, "\"russia an\""), [], "listing's actors, then attack's title")
        XCTAssertEqual(eventIDs(index, "\"isis-k the court\""), [], "attack's actors, then delisting's title")
        XCTAssertEqual(eventIDs(index, "\"an attack\""), ["attack"])
        let attack = try XCTUnwrap(index.corpus.eventPosition("attack"))
        let hit = try XCTUnwrap(index.search(SearchQuery("an")).hit(forEvent: attack))
        XCTAssertEqual(hit.titleRanges, [0..<2])
        XCTAssertEqual(hit.actorRanges, [])
        let actorHit = try XCTUnwrap(index.search(SearchQuery("isis-k")).hit(forEvent: attack))
        XCTAssertEqual(actorHit.titleRanges, [])
        XCTAssertEqual(actorHit.actorRanges, [0..<6])
    }

    /// Postings are token positions counted on from article to article; a
    /// search walking them finds each article again, past articles with no
    /// words at all (all furniture) and past articles where the word is not.
    func testPostingsFindTheirArticlesPastEmptyOnes() throws {
        let texts = ["Headline\nA zebra here.\n", "Headline\nFurniture zebra only.\n", "Headline\nNothing to see.\n",
                     "Headline\nFurniture again.\n", "Headline\nOne zebra, two zebra.\nAnd a zebra.\n"]
        let result = CorpusBuilder.plainArticles(texts, quoting: 2, "Nothing to see.")
        XCTAssertEqual(result.diagnostics.errors.map(\.description), [])
        let index = SearchIndex(result.corpus)
        XCTAssertEqual(index.sourceTokens[1].terms.count, 0, "an article of furniture only has no words")
        let hits = index.search(SearchQuery("zebra")).articleHits.computeAll().map { "\($0.sourceID):\($0.line):\($0.ranges.count)" }
        XCTAssertEqual(hits, ["s0:2:1", "s4:2:2", "s4:3:1"])
        XCTAssertEqual(index.search(SearchQuery("\"two zebra\"")).articleHits.computeAll().map(\.sourceID), ["s4"])
        XCTAssertEqual(index.search(SearchQuery("two zebra")).articleHits.computeAll().map { "\($0.sourceID):\($0.line)" }, ["s4:2"], "the other clause looked up by position")
    }

    func testDefaultCorpusSearches() {
        // His events, and the delisting, whose Anadolu passage quotes him.
        let corpus = Self.seeds.corpus
        XCTAssertEqual(eventIDs(Self.seeds, "Kabulov"), corpus.events.filter { event in
            event.actors.contains("kabulov") || event.citations.contains { corpus.source($0.sourceID)?.displayText($0.passage.range).contains("Kabulov") ?? false }
        }.map(\.id))
        XCTAssertTrue(eventIDs(Self.seeds, "Kabulov").contains("supreme-court-delists-taliban"))
        XCTAssertTrue(eventIDs(Self.seeds, "\"more than 140\"").contains("moscow-concert-hall-attack"))
        XCTAssertEqual(eventIDs(Self.seeds, "zzzz"), [])
    }
}
