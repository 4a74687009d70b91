import ChronicleBench
import ChronicleDefaultCorpus
import Foundation
import XCTest
@testable import ChronicleModel

/// The benchmark's corpora: deterministic, valid, and searchable.
final class GeneratorTests: XCTestCase {
    func generate(_ articles: Int, seed: UInt64) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-gen-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        try CorpusGenerator(articles: articles, eventsPerArticle: 5, seed: seed).write(to: url)
        return url
    }

    func files(_ url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let file = walker?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[String(file.path.dropFirst(url.path.count))] = try Data(contentsOf: file)
            }
        }
        return result
    }

    /// The benchmark's processes: their output read to its end (a child
    /// writing more than a pipe holds finishes), their exit status given,
    /// one that cannot start told apart.
    func testAMeasuredProcessIsReadToItsEndAndItsStatusKept() {
        let big = ProcessBenchmark.time(["sh", "-c", "head -c 3000000 /dev/zero; exit 3"])
        XCTAssertEqual(big.status, 3)
        XCTAssertEqual(ProcessBenchmark.time(["sh", "-c", "kill -TERM $$"]).status, 128 + SIGTERM)
        XCTAssertEqual(ProcessBenchmark.time(["no-such-program-for-chronicle"]).status, -1)
        XCTAssertEqual(CorpusGenerator.eventID(article: 0, 0), "e0-0")
    }

    func testSameSeedSameBytesOtherSeedOtherBytes() throws {
        let a = try files(try generate(30, seed: 42)), b = try files(try generate(30, seed: 42)), c = try files(try generate(30, seed: 43))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.count, 30 + 2, "30 articles, a manifest, an events file")
        XCTAssertNotEqual(a, c)
    }

    func testAFewHundredArticlesValidateAndTheirPlantedWordsAreFound() throws {
        let url = try generate(300, seed: 1)
        let result = CorpusLoader.load(from: DirectoryCorpusFiles(root: url))
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        let corpus = result.corpus
        XCTAssertEqual(corpus.sources.count, 300)
        XCTAssertGreaterThan(corpus.events.count, 1_400, "about five events per article")
        // Every precision of date occurs.
        let precisions = Set(corpus.events.map { $0.date.date.edtf.contains("/") ? "interval" : String($0.date.date.precision.rawValue) })
        XCTAssertGreaterThanOrEqual(precisions.count, 4, "\(precisions)")
        XCTAssertTrue(corpus.events.contains { $0.date.date.edtf.hasSuffix("X") })
        // Words with diacritics and typography are in the text.
        let text = corpus.sources.map { String(decoding: $0.raw, as: UTF8.self) }.joined()
        for needle in ["“", "–", "’s", "Erdoğan", "Kılıç"] { XCTAssertTrue(text.contains(needle), needle) }

        let index = SearchIndex(corpus)
        let planted = index.search(SearchQuery(CorpusGenerator.plantedCited))
        XCTAssertEqual(planted.matchingEvents.count, 1, "the planted word is in exactly one cited sentence")
        XCTAssertTrue(planted.articleHits.isEmpty)
        let uncited = index.search(SearchQuery(CorpusGenerator.plantedUncited))
        XCTAssertEqual(uncited.matchingEvents.count, 0)
        XCTAssertEqual(uncited.articleHits.count, 1, "and the other outside any cited passage")
        XCTAssertEqual(index.search(SearchQuery("erdogan")).articleHits.isEmpty, false, "diacritics fold in generated text too")
    }

    /// The index finds events through per-word event lists and checks
    /// phrases only on candidates; this reads every event's text and quotes
    /// instead, and the two must agree, word by word and phrase by phrase.
    func testEventMatchesAgreeWithReadingEveryEvent() throws {
        let corpus = CorpusLoader.load(from: DirectoryCorpusFiles(root: try generate(60, seed: 7))).corpus
        let index = SearchIndex(corpus)
        let texts: [[[String]]] = corpus.events.map { event in
            var fields = [event.title, event.summary ?? "", event.actors.compactMap { corpus.actor($0)?.name }.joined(separator: ", ")]
                .map { SearchTokenizer.terms($0) }
            for citation in event.citations {
                let source = try! XCTUnwrap(corpus.source(citation.sourceID))
                fields.append(SearchTokenizer.tokens(utf8: source.raw, range: citation.passage.range).map(\.term))
            }
            return fields
        }
        // A clause still being typed ends in a prefix of two letters or more.
        func holds(_ clause: SearchQuery.Clause, _ event: Int) -> Bool {
            let terms = clause.terms, n = terms.count
            func matches(_ word: String, _ k: Int) -> Bool {
                k == n - 1 && clause.prefix && terms[k].count >= 2 ? word.hasPrefix(terms[k]) : word == terms[k]
            }
            return texts[event].contains { field in
                field.count >= n && (0...(field.count - n)).contains { start in (0..<n).allSatisfy { matches(field[start + $0], $0) } }
            }
        }
        // Common and rare words, two-word phrases taken from the text, and two clauses.
        let titles = corpus.events.prefix(40).map { SearchTokenizer.terms($0.title) }
        var queries = ["the", "the ", "security ", "kab", "moscow"] + titles.compactMap { $0.count > 3 ? "\"\($0[1]) \($0[2])\"" : nil }
        queries += titles.compactMap { $0.count > 4 ? "\($0[0]) \($0[4]) " : nil }
        var nonEmpty = 0
        for text in queries {
            let query = SearchQuery(text)
            let expected = corpus.events.indices.filter { event in query.clauses.allSatisfy { holds($0, event) } }
            // Alias expansion is its own rule (tested elsewhere): only queries naming no actor.
            guard query.clauses.allSatisfy({ index.expansions(of: $0).actors.isEmpty }) else { continue }
            let result = index.search(query)
            XCTAssertEqual(result.matchingEvents, expected, text)
            for event in result.matchingEvents.prefix(5) {
                let hit = try XCTUnwrap(result.hit(forEvent: event))
                XCTAssertFalse(hit.titleRanges.isEmpty && hit.summaryRanges.isEmpty && hit.actorRanges.isEmpty && hit.passageRanges.isEmpty,
                               "\(text): a matching event has something to highlight")
            }
            if let miss = corpus.events.indices.first(where: { !expected.contains($0) }) { XCTAssertNil(result.hit(forEvent: miss)) }
            if !expected.isEmpty { nonEmpty += 1 }
        }
        XCTAssertGreaterThan(nonEmpty, 30, "the queries find something")
    }

    /// The article lines a search finds by walking the rarest clause's
    /// postings (skipping lines seen, checking the other clauses first by
    /// their postings) must be those found by reading every line of every
    /// article, with the same highlighted ranges.
    func testArticleLinesAgreeWithReadingEveryLine() throws {
        let corpus = CorpusLoader.load(from: DirectoryCorpusFiles(root: try generate(120, seed: 11))).corpus
        let index = SearchIndex(corpus)
        var found = 0
        for text in ["trade", "trade ene", "ene", "trade energy", "the council", "th", "\"security border\"", "minister sec",
                     "Kabul", "muller", "envoy de", "\"foreign ministry\" the", "2003", "zygomorphic"] {
            let query = SearchQuery(text)
            let result = index.search(query, articleHitLimit: .max)
            let matchers = query.clauses.map { clause in index.expansions(of: clause).clauses.map { SearchIndex.Matcher(clause: $0, index: index) } }
            var expected: [String] = []
            for (doc, source) in corpus.sources.enumerated() {
                let tokens = index.sourceTokens[doc]
                for line in Set(tokens.lineFirstTokens.map(\.line)).sorted() {
                    let bounds = tokens.positions(ofLine: line)
                    let perClause = matchers.map { $0.flatMap { index.rawRanges(of: $0, source: doc, bounds) } }
                    guard perClause.allSatisfy({ !$0.isEmpty }) else { continue }
                    let outside = SearchResult.merged(perClause.flatMap { $0 }).filter { range in
                        !corpus.citations.entries(ofSource: doc).contains { $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound }
                    }
                    if !outside.isEmpty { expected.append("\(source.id):\(line):\(outside)") }
                }
            }
            XCTAssertEqual(result.articleHits.computeAll().map { "\($0.sourceID):\($0.line):\($0.ranges)" }, expected, text)
            found += expected.count
        }
        XCTAssertGreaterThan(found, 500, "the queries find lines")
    }

    /// Typing on, a search checks the previous keystroke's article lines
    /// again instead of walking the postings: at every keystroke of the
    /// benchmark's session (and of actor names, whose aliases widen a
    /// search), the refined result must be the one searched afresh.
    func testARefinedSearchFindsWhatAFreshOneFinds() throws {
        let generated = CorpusLoader.load(from: DirectoryCorpusFiles(root: try generate(120, seed: 11))).corpus
        let seeds = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files, name: "seeds")).corpus
        var refinedSteps = 0
        for (corpus, queries) in [(generated, BenchmarkQueries.all + ["the council", "th", "kabul ko", "\"the council\" ka"]),
                                  (seeds, ["Kabulov", "Daesh", "ISIS-K", "Taliban mosc", "\"common enemy\"", "the Kabu"])] {
            let index = SearchIndex(corpus)
            for query in queries {
                var previous: SearchResult?
                for end in query.indices {
                    let text = String(query[...end])
                    let fresh = index.search(SearchQuery(String(query[...end])))
                    let refined = index.search(SearchQuery(String(query[...end])), refining: previous)
                    XCTAssertEqual(refined.articleHits.computeAll().map { "\($0.sourceID):\($0.line):\($0.ranges)" },
                                   fresh.articleHits.computeAll().map { "\($0.sourceID):\($0.line):\($0.ranges)" }, text)
                    XCTAssertEqual(refined.articleHitsTruncated, fresh.articleHitsTruncated, text)
                    XCTAssertEqual(refined.matchingEvents, fresh.matchingEvents, text)
                    if let previous, SearchQuery(String(query[...end])).narrows(previous.query), !previous.articleHitsTruncated { refinedSteps += 1 }
                    previous = refined
                }
            }
        }
        XCTAssertGreaterThan(refinedSteps, 100, "most keystrokes narrow the one before")
        // Narrowing is what typing on does; a shorter or different query is searched afresh.
        XCTAssertTrue(SearchQuery("trade ener").narrows(SearchQuery("trade en")))
        XCTAssertTrue(SearchQuery("trade energy x").narrows(SearchQuery("trade energy")))
        XCTAssertFalse(SearchQuery("th").narrows(SearchQuery("t")), "one letter is a word, not a prefix")
        XCTAssertFalse(SearchQuery("trade en").narrows(SearchQuery("trade ene")))
        XCTAssertFalse(SearchQuery("energy").narrows(SearchQuery("energy ")), "a finished word does not grow")
    }

    /// The benchmark's own session runs and counts what it says (no timing
    /// is asserted: speed lives in `chronicle bench run`).
    func testTheBenchmarkSessionRunsOnAGeneratedCorpus() throws {
        let url = try generate(40, seed: 3)
        let figures = Benchmark.measure(files: DirectoryCorpusFiles(root: url), label: "40", corpusBytes: Benchmark.corpusSize(url), startedAt: nil)
        XCTAssertEqual(figures.articles, 40)
        XCTAssertEqual(figures.events, 200)
        XCTAssertEqual(figures.keystrokes, BenchmarkQueries.all.reduce(0) { $0 + $1.count })
        XCTAssertGreaterThan(figures.timelineFrames, 3)
        XCTAssertGreaterThan(figures.articleFrames, 0)
        XCTAssertGreaterThan(figures.peakRSSBytes, 0)
        XCTAssertGreaterThan(figures.corpusBytes, 40 * 3_000)
        // 40 sources (more than get outlet columns): the first frame is the
        // preview's, drawn before the whole corpus was checked.
        XCTAssertGreaterThan(figures.firstFrameSeconds, 0)
        XCTAssertLessThan(figures.firstFrameSeconds, figures.checkedFrameSeconds)
        let unpreviewed = Benchmark.measure(files: DirectoryCorpusFiles(root: url), label: "40", corpusBytes: figures.corpusBytes,
                                            startedAt: nil, previewEvents: 0)
        XCTAssertEqual(unpreviewed.firstFrameSeconds, unpreviewed.checkedFrameSeconds)
    }
}

