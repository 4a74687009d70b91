import ChronicleBench
import Foundation
import XCTest
@testable import ChronicleModel

/// The search index cached beside its corpus's entry: read, it is the
/// index built, byte for byte and answer for answer; it serves only the
/// entry it was built from; damaged or malformed, it is said once and
/// built again; a cache that cannot take it is done without.
final class IndexCacheTests: XCTestCase {
    /// Queries of every kind: words, a prefix, a phrase, an actor's other name, nothing.
    static let queries = ["taliban", "kabul", "minist", "\"foreign ministry\"", "lavrov moscow", "daesh", "zzzz-nothing", "the",
                          CorpusGenerator.plantedCited, CorpusGenerator.plantedUncited]

    func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-index-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func corpora() throws -> [URL] {
        let seeds = try temporary("seeds").appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: CorpusCacheTests.seeds, to: seeds)
        let generated = try temporary("generated").appendingPathComponent("corpus")
        try CorpusGenerator(articles: 150, eventsPerArticle: 3, seed: 11).write(to: generated)
        usleep(60_000)
        return [seeds, generated]
    }

    func store() throws -> CacheStore { CacheStore(directory: try temporary("store").path + "/chronicle") }

    func load(_ corpus: URL, _ store: CacheStore) -> CachedLoad { CorpusCache.load(.directory(corpus.path), store: store) }

    /// What each query finds, ranked, every field of every hit.
    func answers(_ index: SearchIndex) -> [String] {
        Self.queries.map { query in
            let result = index.search(SearchQuery(query), articleHitLimit: .max)
            return "\(query): \(result.matchingEvents) \(result.computeRanking())"
        }
    }

    /// The index as a cache file holds it, with fixed generations.
    func image(_ index: SearchIndex, _ store: CacheStore) throws -> [UInt8] {
        try store.write("image", "index") { (writer) throws(CacheWriteFailure) in
            try IndexImage.write(index, into: &writer)
            try writer.finish(generation: 1, parent: 1, kind: IndexImage.kind)
        }
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: store.path("image", "index"))))
    }

    func indexPath(_ loaded: CachedLoad) throws -> String {
        let entry = try XCTUnwrap(loaded.entry)
        return entry.store.path(entry.key, "index")
    }

    func testAnIndexReadFromTheCacheIsTheIndexBuiltOnTheSeedsAndOnAGeneratedCorpus() throws {
        for corpus in try corpora() {
            let store = try store()
            let first = load(corpus, store)
            let (built, outcome) = IndexCache.index(of: first.result.corpus, entry: first.entry)
            XCTAssertEqual(outcome, .built(reason: "no index was cached yet"))
            let warm = load(corpus, store)
            XCTAssertEqual(warm.outcome, .hit(rehashed: 0))
            var notices: [String] = []
            let (read, again) = IndexCache.index(of: warm.result.corpus, entry: warm.entry, notify: { notices.append($0) })
            XCTAssertEqual(again, .read, corpus.lastPathComponent)
            XCTAssertEqual(notices, [])
            let fresh = SearchIndex(CorpusLoader.load(from: DirectoryCorpusFiles(root: corpus)).corpus)
            XCTAssertEqual(try image(read, store), try image(fresh, store), "read and built hold the same bytes")
            XCTAssertEqual(try image(built, store), try image(fresh, store))
            XCTAssertEqual(read.quotedTokens.words, fresh.quotedTokens.words)
            XCTAssertEqual(read.termCount, fresh.termCount)
            XCTAssertEqual(answers(read), answers(fresh), "every answer the same, \(corpus.lastPathComponent)")
            let found = Self.queries.filter { !fresh.search(SearchQuery($0)).matchingEvents.isEmpty }
            XCTAssertGreaterThanOrEqual(found.count, 3, "the queries find something: \(found)")
        }
    }

    func testAnIndexServesOnlyTheEntryItWasBuiltFrom() throws {
        let corpus = try corpora()[0], store = try store()
        let first = load(corpus, store)
        _ = IndexCache.index(of: first.result.corpus, entry: first.entry)
        let article = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("articles").path).sorted().first)
        let url = corpus.appendingPathComponent("articles").appendingPathComponent(article)
        try (try Data(contentsOf: url) + Data("\nA closing paragraph on zygomorphic flowers.\n".utf8)).write(to: url)
        usleep(60_000)
        let changed = load(corpus, store)
        guard case .rebuilt = changed.outcome else { return XCTFail("\(changed.outcome)") }
        let (stale, reason) = IndexCache.read(changed.result.corpus, entry: changed.entry)
        XCTAssertNil(stale)
        XCTAssertEqual(reason, "the cached index is of an earlier state of the corpus")
        let (index, outcome) = IndexCache.index(of: changed.result.corpus, entry: changed.entry)
        XCTAssertEqual(outcome, .built(reason: reason))
        XCTAssertFalse(index.search(SearchQuery("zygomorphic")).articleHits.isEmpty, "the new words are found")
        XCTAssertEqual(answers(index), answers(SearchIndex(changed.result.corpus)))
        XCTAssertEqual(IndexCache.index(of: load(corpus, store).result.corpus, entry: load(corpus, store).entry).outcome, .read)
    }

    func testWithoutAnEntryTheIndexIsBuiltAndNothingWritten() throws {
        let corpus = try corpora()[0], store = try store()
        let loaded = CorpusCache.load(.directory(corpus.path), store: nil)
        XCTAssertNil(loaded.entry)
        let (_, outcome) = IndexCache.index(of: loaded.result.corpus, entry: nil)
        XCTAssertEqual(outcome, .off(reason: "the corpus has no cache entry"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.directory))
    }

    func testADamagedIndexIsSaidOnceAndBuiltAgain() throws {
        let corpus = try corpora()[0], store = try store()
        let loaded = load(corpus, store)
        let (built, _) = IndexCache.index(of: loaded.result.corpus, entry: loaded.entry)
        let expected = answers(built)
        let path = try indexPath(loaded)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let file = try XCTUnwrap(try CacheFile.open(path, kind: IndexImage.kind))
        var damaged: [(String, [UInt8])] = [("empty", []), ("another kind", Array(good.prefix(20)) + [9, 0, 0, 0] + Array(good.dropFirst(24)))]
        for length in [1, 127, 128, 129, good.count / 3, good.count - 1] { damaged.append(("cut to \(length)", Array(good.prefix(length)))) }
        for (section, bytes) in file.sectionRanges where !bytes.isEmpty {
            var flipped = good
            flipped[bytes.lowerBound + bytes.count / 2] ^= 0x10
            damaged.append(("section \(section.rawValue) flipped", flipped))
        }
        for (what, bytes) in damaged {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var notices: [String] = []
            let (index, outcome) = IndexCache.index(of: loaded.result.corpus, entry: loaded.entry, notify: { notices.append($0) })
            XCTAssertEqual(notices.count, 1, "\(what): said once: \(notices)")
            XCTAssertTrue(notices.first?.contains("cached search index") == true && notices.first?.contains("built again") == true, "\(what): \(notices)")
            guard case .built(let reason) = outcome, reason.contains("damaged") else { return XCTFail("\(what): \(outcome)") }
            XCTAssertEqual(answers(index), expected, what)
            var later: [String] = []
            XCTAssertEqual(IndexCache.index(of: loaded.result.corpus, entry: loaded.entry, notify: { later.append($0) }).outcome, .read, what)
            XCTAssertEqual(later, [], "\(what): not said again")
        }
        // Another version's: out of date, not damaged, and its entry (the
        // same build's) has said so already.
        try Data(Array(good.prefix(16)) + [99, 0, 0, 0] + Array(good.dropFirst(20))).write(to: URL(fileURLWithPath: path))
        var notices: [String] = []
        let (_, outcome) = IndexCache.index(of: loaded.result.corpus, entry: loaded.entry, notify: { notices.append($0) })
        XCTAssertEqual(notices, [])
        XCTAssertEqual(outcome, .built(reason: "the cached index is not this build's (it is of another format (version 99, this Chronicle writes \(CacheFileFormat.version)))"))
    }

    /// Files whose checksums hold but whose numbers a query would follow
    /// out of bounds: each refused when read, never trapped on.
    func testAnIndexWhoseNumbersPointNowhereIsRefused() throws {
        let corpus = try corpora()[0], store = try store()
        let loaded = load(corpus, store)
        let index = SearchIndex(loaded.result.corpus)
        let entry = try XCTUnwrap(loaded.entry)
        func refused(_ bad: SearchIndex, _ what: String, _ reason: String) throws {
            IndexCache.write(bad, entry: entry, reason: "test")
            var notices: [String] = []
            let (read, _) = IndexCache.read(loaded.result.corpus, entry: entry, notify: { notices.append($0) })
            XCTAssertNil(read, what)
            XCTAssertTrue(notices.first?.contains(reason) == true, "\(what): \(notices) should say \(reason)")
        }
        func with(sourceTokens: [SearchIndex.Tokens]? = nil, eventTokens: SearchIndex.EventTokenTable? = nil,
                  eventsOfTerm: SearchIndex.EventLists? = nil, citedTokens: [[Range<Int32>]]? = nil, sortedIDs: [Int32]? = nil,
                  postings: [SearchIndex.Postings]? = nil, corpus: Corpus? = nil) -> SearchIndex {
            SearchIndex(corpus: corpus ?? index.corpus, sortedTerms: index.sortedTerms, sortedIDs: sortedIDs ?? index.sortedIDs,
                        sourceTokens: sourceTokens ?? index.sourceTokens, eventTokens: eventTokens ?? index.eventTokens,
                        sourcePostings: postings ?? index.sourcePostings, tokenBase: index.tokenBase, eventsOfTerm: eventsOfTerm ?? index.eventsOfTerm,
                        citedTokens: citedTokens ?? index.citedTokens, indexedLines: index.indexedLines, totalLength: index.totalLength)
        }
        XCTAssertLessThan(index.termCount, Int(SearchIndex.TermIDs.escape), "the seeds' words are all codes")
        var tokens = index.sourceTokens
        var codes = tokens[0].terms.codes
        codes[3] = UInt16(index.termCount)
        tokens[0].terms = SearchIndex.TermIDs(codes: codes, rarePositions: [], rareIDs: [])
        try refused(with(sourceTokens: tokens), "a word past the vocabulary", "its tokens are malformed")
        codes[3] = SearchIndex.TermIDs.escape
        tokens[0].terms = SearchIndex.TermIDs(codes: codes, rarePositions: [], rareIDs: [])
        try refused(with(sourceTokens: tokens), "an escape without its rare word", "its tokens are malformed")
        tokens = index.sourceTokens
        tokens[1].lineFirstTokens[0].token = 2
        try refused(with(sourceTokens: tokens), "a first line that starts late", "its lines are malformed")
        var events = index.eventTokens
        events.passages[0] = SearchIndex.PassageTokens(source: Int32(index.corpus.sources.count), tokens: 0..<1)
        try refused(with(eventTokens: events), "a passage of no source", "its passages are malformed")
        var starts = index.eventsOfTerm.starts, listed = index.eventsOfTerm.events
        listed[0] = Int32(index.corpus.events.count)
        try refused(with(eventsOfTerm: SearchIndex.EventLists(starts: starts, events: listed)), "an event past the last", "lists of events are malformed")
        starts[1] = listed.count + 1
        try refused(with(eventsOfTerm: SearchIndex.EventLists(starts: starts, events: index.eventsOfTerm.events)), "a list past the end", "malformed")
        var cited = index.citedTokens
        let citing = try XCTUnwrap(cited.firstIndex { !$0.isEmpty })
        cited[citing][0] = 0..<Int32(index.sourceTokens[citing].terms.count + 1)
        try refused(with(citedTokens: cited), "a citation past its article", "its citations are malformed")
        var postings = index.sourcePostings
        // A gap that leads past the last posting recorded, and one past the articles' last token.
        postings[0] = SearchIndex.Postings(bytes: [3, 0x7F], count: 2, last: 4)
        try refused(with(postings: postings), "a posting past its word's last", "its postings are malformed")
        let past = UInt32(index.tokenBase[index.tokenBase.count - 1])
        var varint: [UInt8] = [], rest = past
        while rest >= 0x80 { varint.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
        postings[0] = SearchIndex.Postings(bytes: varint + [UInt8(rest)], count: 1, last: past)
        try refused(with(postings: postings), "a posting past the last token", "its postings are malformed")
        for (bytes, count, last, what) in [([1, 0], 2, 1, "a posting twice"), ([1, 0x81], 2, 1, "a number cut off"),
                                           ([0x81, 0x80, 0x80, 0x80, 0x80, 0], 1, 1, "a number of six bytes"),
                                           ([1, 1], 3, 2, "fewer postings than counted"), ([1, 1], 1, 2, "more than counted"),
                                           ([1, 1], 2, 3, "the last not the one recorded"), ([], 0, 1, "a last without postings"),
                                           ([UInt8](repeating: 1, count: 11) + [0] + [UInt8](repeating: 1, count: 5), 17, 16,
                                            "a posting twice among one-byte gaps, read eight at a time")]
            as [([UInt8], Int, UInt32, String)] {
            postings[0] = SearchIndex.Postings(bytes: bytes, count: count, last: last)
            try refused(with(postings: postings), what, "its postings are malformed")
        }
        var ids = index.sortedIDs
        ids[1] = ids[0]
        try refused(with(sortedIDs: ids), "a word's id twice", "its vocabulary is malformed")
        let fewer = Corpus(title: nil, description: nil, sources: index.corpus.sources, actors: index.corpus.actors,
                           events: Array(index.corpus.events.dropLast()))
        IndexCache.write(SearchIndex(fewer), entry: entry, reason: "test")
        var notices: [String] = []
        XCTAssertNil(IndexCache.read(loaded.result.corpus, entry: entry, notify: { notices.append($0) }).0)
        XCTAssertTrue(notices.first?.contains("the index of another corpus") == true, "\(notices)")
        // A count no Int holds, in a file of that one section.
        try entry.store.write(entry.key, "index") { (writer) throws(CacheWriteFailure) in
            try writer.begin(IndexImage.Section.meta)
            try writer.numbers([UInt64(index.corpus.sources.count), UInt64(index.corpus.events.count), UInt64(index.termCount), UInt64.max, 0])
            writer.end()
            try writer.finish(generation: 1, parent: entry.generation, kind: IndexImage.kind)
        }
        notices = []
        XCTAssertNil(IndexCache.read(loaded.result.corpus, entry: entry, notify: { notices.append($0) }).0)
        XCTAssertTrue(notices.first?.contains("its summary is malformed") == true, "\(notices)")
        // And the good one, written the same way, is read.
        IndexCache.write(index, entry: entry, reason: "test")
        XCTAssertNotNil(IndexCache.read(loaded.result.corpus, entry: entry).0)
    }

    func testACacheThatCannotTakeTheIndexIsDoneWithoutAndSaidSo() throws {
        let corpus = try corpora()[0], store = try store()
        let loaded = load(corpus, store)
        let path = try indexPath(loaded)
        // A directory where the index would go: the rename onto it fails.
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        var notices: [String] = []
        let (index, outcome) = IndexCache.index(of: loaded.result.corpus, entry: loaded.entry, notify: { notices.append($0) })
        guard case .off(let reason) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(reason.contains("cannot write the search index"), reason)
        // What is in the way is not an index, and none can be written over it.
        XCTAssertEqual(notices.count, 2, "\(notices)")
        XCTAssertTrue(notices.first?.contains("not a regular file") == true, "\(notices)")
        XCTAssertTrue(notices.last?.contains("cannot write the search index") == true, "\(notices)")
        XCTAssertEqual(answers(index), answers(SearchIndex(loaded.result.corpus)))
        let left = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.contains(".tmp-") }
        XCTAssertEqual(left, [], "no temporary file is left")
    }
}
