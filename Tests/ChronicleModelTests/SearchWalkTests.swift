import ChronicleBench
import Foundation
import XCTest
@testable import ChronicleModel

/// The shortcuts a search's walk up the postings takes to pass over lines
/// without reading their articles: each must say what reading says.
final class SearchWalkTests: XCTestCase {
    static let generated: SearchIndex = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try! CorpusGenerator(articles: 80, eventsPerArticle: 5, seed: 5).write(to: url)
        return SearchIndex(CorpusLoader.load(from: DirectoryCorpusFiles(root: url)).corpus)
    }()

    /// Every token position's line, from the bitset of line starts, is the
    /// line its article's own table gives (articles of furniture only, with
    /// no tokens, included in the generated corpus's first pages).
    func testLineStartBitsGiveEachPositionsLine() {
        let index = Self.generated
        var positions = 0
        for (doc, tokens) in index.sourceTokens.enumerated() {
            let base = Int(index.tokenBase[doc])
            for token in tokens.terms.indices {
                let line = tokens.line(at: token)
                let expected = tokens.positions(ofLine: line)
                let found = index.lineStartBits.line(around: base + token)
                XCTAssertEqual(found, base + expected.lowerBound..<base + expected.upperBound, "source \(doc) token \(token)")
                positions += 1
            }
        }
        XCTAssertGreaterThan(positions, 10_000)
        XCTAssertTrue(index.lineStartBits.sameLine(5, 5))
    }

    /// Every word's offsets, found again by reading its line (articles) or
    /// field (events), hold the word the index has at that position.
    func testOffsetsReadAgainHoldEachPositionsWord() {
        let index = Self.generated
        var terms = [String](repeating: "", count: index.termCount)
        for (term, id) in zip(index.sortedTerms, index.sortedIDs) { terms[Int(id)] = term }
        var checked = 0
        for (doc, tokens) in index.sourceTokens.enumerated() {
            var offsets = SearchIndex.TokenOffsets(index, source: doc)
            let source = index.corpus.sources[doc]
            for position in tokens.terms.indices {
                let text = source.rawText(offsets.range(of: position..<position + 1))
                XCTAssertEqual(SearchTokenizer.terms(text), [terms[Int(tokens.terms[position])]], "source \(doc) token \(position)")
                checked += 1
            }
        }
        // Every event: the two halves indexed on two cores, then joined.
        for event in index.corpus.events.indices {
            var offsets = SearchIndex.TokenOffsets(index, event: event)
            let own = index.eventTokens.tokens, fields = SearchIndex.fields(of: index.corpus.events[event], in: index.corpus)
            for position in index.eventTokens.positions(ofEvent: event) {
                let range = offsets.range(of: position..<position + 1)
                let field = Array(fields[SearchIndex.EventTokenTable.field(ofLine: own.line(at: position))].utf8)
                XCTAssertEqual(SearchTokenizer.terms(String(decoding: field[range], as: UTF8.self)), [terms[Int(own.terms[position])]])
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20_000)
    }

    /// Each word's events, all in one array, are the events whose own
    /// words or cited passages' words hold it, each once and in order.
    func testEachWordsEventsAreTheEventsThatHoldIt() {
        let index = Self.generated
        var expected = [Set<Int32>](repeating: [], count: index.termCount)
        for event in index.corpus.events.indices {
            for position in index.eventTokens.positions(ofEvent: event) {
                expected[Int(index.eventTokens.tokens.terms[position])].insert(Int32(event))
            }
            for passage in index.eventTokens.passages(ofEvent: event) {
                for position in passage.tokens {
                    expected[Int(index.sourceTokens[Int(passage.source)].terms[Int(position)])].insert(Int32(event))
                }
            }
        }
        XCTAssertEqual(index.eventsOfTerm.count, index.termCount)
        var listed = 0
        for term in expected.indices {
            XCTAssertEqual(Array(index.eventsOfTerm[term]), expected[term].sorted(), "word \(term)")
            listed += expected[term].count
        }
        XCTAssertGreaterThan(listed, 2_000)
        // The positions of an event's words and passages cover it all, end to end.
        XCTAssertEqual(index.eventTokens.eventCount, index.corpus.events.count)
        XCTAssertEqual(index.eventTokens.positions(ofEvent: index.corpus.events.count - 1).upperBound, index.eventTokens.tokens.terms.count)
        XCTAssertEqual(index.eventTokens.passages(ofEvent: index.corpus.events.count - 1).endIndex, index.eventTokens.passages.count)
    }

    /// Two positions are on one line (or event field) exactly when their
    /// lines are the same, in articles and in the events' table.
    func testSameLineIsHavingOneLine() {
        let index = Self.generated
        var checked = 0
        for tokens in index.sourceTokens.prefix(20) + [index.eventTokens.tokens] {
            for first in tokens.terms.indices {
                for last in first..<min(tokens.terms.count, first + 12) {
                    XCTAssertEqual(tokens.sameLine(first, last), tokens.line(at: first) == tokens.line(at: last), "\(first)…\(last)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 50_000)
    }

    /// The tokens marked as quoted are those inside some cited passage's
    /// token range, and no others.
    func testQuotedTokensAreThePassagesTokens() {
        let index = Self.generated
        var inside = Set<Int>()
        for passage in index.eventTokens.passages {
            let base = Int(index.tokenBase[Int(passage.source)])
            inside.formUnion(passage.tokens.map { base + Int($0) })
        }
        let total = Int(index.tokenBase.last ?? 0)
        XCTAssertGreaterThan(inside.count, 1_000)
        XCTAssertEqual((0..<total).filter { index.quotedTokens.contains($0) }, inside.sorted())
    }

    /// Each position's source, past sources with no tokens at all.
    func testEachPositionsSourcePastEmptySources() throws {
        let texts = ["Headline\nOne two.\n", "Headline\nFurniture only.\n", "Headline\nFurniture again.\n", "Headline\nThree four five.\n"]
        let result = CorpusBuilder.plainArticles(texts, quoting: 0, "One two.")
        XCTAssertEqual(result.diagnostics.errors.map(\.description), [])
        let index = SearchIndex(result.corpus)
        // "Headline" is a word too (front matter is searched; furniture is not).
        XCTAssertEqual(index.tokenBase, [0, 3, 3, 3, 7])
        XCTAssertEqual((0..<7).map(index.source(atPosition:)), [0, 0, 0, 3, 3, 3, 3])
        XCTAssertEqual(index.search(SearchQuery("four")).articleHits.computeAll().map { "\($0.sourceID):\($0.line)" }, ["s3:2"])
        XCTAssertEqual(index.search(SearchQuery("two")).articleHits.count, 0, "the only match is quoted")
    }

    /// Bits at the edges of 64-bit words, and the first and last positions.
    func testLineStartBitsAcrossWordEdges() {
        var tokens = SearchIndex.Tokens()
        // Lines of 1, 62, 1, 1, 64 and 2 tokens: starts at 0, 1, 63, 64, 65, 129.
        for (line, length) in [1, 62, 1, 1, 64, 2].enumerated() {
            for _ in 0..<length { tokens.append(term: 0, line: line + 1) }
        }
        let bits = SearchIndex.LineStartBits([tokens], tokenBase: [0, UInt32(tokens.terms.count)])
        XCTAssertEqual(bits.line(around: 0), 0..<1)
        XCTAssertEqual(bits.line(around: 1), 1..<63)
        XCTAssertEqual(bits.line(around: 62), 1..<63)
        XCTAssertEqual(bits.line(around: 63), 63..<64)
        XCTAssertEqual(bits.line(around: 64), 64..<65)
        XCTAssertEqual(bits.line(around: 65), 65..<129)
        XCTAssertEqual(bits.line(around: 128), 65..<129)
        XCTAssertEqual(bits.line(around: 130), 129..<131)
        XCTAssertTrue(bits.sameLine(65, 128))
        XCTAssertFalse(bits.sameLine(62, 63))
    }

    /// Term ids read back as they were appended, on both sides of the
    /// 16-bit codes: the rarer words' ids are kept aside.
    func testTermIDsKeepRareWordsAside() {
        let ids: [Int32] = [0, 1, 65_534, 65_535, 65_536, 70_000, 3, -2, 65_535, 12]
        var terms = SearchIndex.TermIDs()
        for id in ids { terms.append(id) }
        XCTAssertEqual(Array(terms), ids)
        XCTAssertEqual(Array(terms.copiedToSize()), ids)
        // Mapped where they lie, words move both ways across the 16 bits
        // (65,534 + 1 is kept aside, 65,535 - 1 is a code again).
        var mapped = terms
        mapped.map { $0 + 1 }
        XCTAssertEqual(Array(mapped), ids.map { $0 + 1 })
        mapped.map { $0 - 1 }
        XCTAssertEqual(Array(mapped), ids)
        mapped.map { 70_000 - $0 }
        XCTAssertEqual(Array(mapped), ids.map { 70_000 - $0 })
        XCTAssertEqual(Array(terms), ids, "the copy it was mapped from is unchanged")
        terms.removeAll()
        XCTAssertTrue(terms.isEmpty)
    }

    /// Words are numbered commonest first, and a corpus of more than 65,535
    /// words finds its rarest ones, highlighted where they are.
    func testMoreWordsThanSixteenBitsHold() throws {
        XCTAssertTrue(zip(Self.generated.sourcePostings, Self.generated.sourcePostings.dropFirst()).allSatisfy { $0.count >= $1.count },
                      "ids by frequency")
        var word = 0
        // 7,000 words a line, each new, and "common" on every line.
        let texts = (0..<10).map { _ in
            "Headline\ncommon " + (0..<7_000).map { _ in word += 1; return "w\(word)" }.joined(separator: " ") + " common\n"
        }
        let result = CorpusBuilder.plainArticles(texts, title: "E w69999", quoting: 0, "common w1 w2")
        XCTAssertEqual(result.diagnostics.errors.map(\.description), [])
        let index = SearchIndex(result.corpus)
        XCTAssertGreaterThan(index.termCount, 70_000)
        let hits = index.search(SearchQuery("w69999 common")).articleHits.computeAll()
        XCTAssertEqual(hits.map(\.sourceID), ["s9"])
        let s9 = try XCTUnwrap(result.corpus.source("s9"))
        XCTAssertEqual(hits.first?.ranges.map { s9.rawText($0) }, ["common", "w69999", "common"])
        XCTAssertEqual(index.search(SearchQuery("w69999")).matchingEvents, [0], "an event's rare word too")
        XCTAssertEqual(index.search(SearchQuery("\"w69998 w69999\"")).articleHits.count, 1, "a phrase of rare words")
    }

    static func values(_ list: SearchIndex.Postings) -> [UInt32] {
        var values: [UInt32] = []
        list.forEach { values.append($0); return true }
        return values
    }

    static func postings(_ values: [UInt32]) -> SearchIndex.Postings {
        var list = SearchIndex.Postings()
        for value in values { list.append(value) }
        return list
    }

    /// Postings read back as they were appended: gaps of one to four and
    /// five bytes (up to the largest 32-bit position), repeats, and none.
    func testPostingsReadBackWhatWasAppended() {
        var generator = SystemRandomNumberGenerator()
        let edges: [UInt32] = [0, 0, 1, 127, 128, 255, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, UInt32.max - 1, UInt32.max]
        XCTAssertEqual(Self.values(Self.postings(edges)), edges)
        XCTAssertEqual(Self.postings(edges).count, edges.count)
        XCTAssertEqual(Self.values(Self.postings([])), [])
        for _ in 0..<100 {
            let values = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                UInt32.random(in: 0...(Bool.random(using: &generator) ? 5_000 : UInt32.max), using: &generator)
            }.sorted()
            let list = Self.postings(values)
            XCTAssertEqual(Self.values(list), values)
            var first: [UInt32] = []
            list.forEach { first.append($0); return first.count < 3 }
            XCTAssertEqual(first, Array(values.prefix(3)), "reading stops when asked")
        }
    }

    /// The bytes a gap is said to take, to size each word's postings before
    /// they are written, are the bytes appending it takes.
    func testEachGapsSizeIsWhatAppendingTakes() {
        let edges: [UInt32] = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, UInt32.max]
        for gap in edges {
            var list = SearchIndex.Postings()
            list.append(0)
            let before = list.byteCount
            list.append(gap)
            XCTAssertEqual(list.byteCount - before, SearchIndex.Postings.size(ofGap: gap), "gap \(gap)")
        }
        XCTAssertEqual(edges.map(SearchIndex.Postings.size(ofGap:)), [1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    }

    /// Each word's postings, counted then written in two passes over the
    /// articles' terms, are the positions where the word is, in order.
    func testEachWordsPostingsAreItsPositions() {
        let index = Self.generated
        var expected = [[UInt32]](repeating: [], count: index.termCount)
        for (doc, tokens) in index.sourceTokens.enumerated() {
            for (k, term) in tokens.terms.enumerated() { expected[Int(term)].append(index.tokenBase[doc] + UInt32(k)) }
        }
        XCTAssertEqual(index.sourcePostings.count, index.termCount)
        var total = 0
        for term in expected.indices {
            XCTAssertEqual(Self.values(index.sourcePostings[term]), expected[term], "word \(term)")
            XCTAssertEqual(index.sourcePostings[term].count, expected[term].count)
            total += expected[term].count
        }
        XCTAssertGreaterThan(total, 10_000)
    }

    /// A block's bit says "maybe"; a range none of whose blocks is marked
    /// must hold no posting, at any offset and across word edges.
    func testPositionBlocksNeverMissAPosting() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let total = Int.random(in: 1...3_000, using: &generator)
            let postings = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt32.random(in: 0..<UInt32(total)) }.sorted()
            let blocks = SearchIndex.PositionBlocks([Self.postings(postings)], positions: total)
            for _ in 0..<200 {
                let lower = Int.random(in: 0..<total), upper = Int.random(in: lower + 1...min(total, lower + 150))
                let holds = postings.contains { Int($0) >= lower && Int($0) < upper }
                if holds { XCTAssertTrue(blocks.any(lower..<upper), "round \(round): \(lower)..<\(upper)") }
                // Unmarked means absent: a range far from every posting's block is unmarked.
                let far = postings.allSatisfy { Int($0) >> 3 < lower >> 3 || Int($0) >> 3 > (upper - 1) >> 3 }
                XCTAssertEqual(blocks.any(lower..<upper), !far, "round \(round): \(lower)..<\(upper)")
            }
        }
    }

    /// Whether a line matches is the same with the other clauses' blocks
    /// marked and without, and a line the blocks pass over never matches.
    func testLineChecksAgreeWithAndWithoutBlocks() {
        let index = Self.generated
        var matched = 0
        for text in ["trade ene", "trade energy", "envoy de", "the council", "minister sec", "\"foreign ministry\" the", "kabul th"] {
            let query = SearchQuery(text)
            let matchers = query.clauses.map { clause in index.expansions(of: clause).clauses.map { SearchIndex.Matcher(clause: $0, index: index) } }
            for rarest in matchers.indices {
                var marked = SearchIndex.LineCheck(index: index, matchers: matchers, rarest: rarest, walked: 1, markingRatio: .max)
                var unmarked = SearchIndex.LineCheck(index: index, matchers: matchers, rarest: rarest, walked: 1, markingRatio: 0)
                for (doc, tokens) in index.sourceTokens.enumerated() {
                    let base = Int(index.tokenBase[doc])
                    for line in Set(tokens.lineFirstTokens.map(\.line)).sorted() {
                        let bounds = tokens.positions(ofLine: line)
                        let expected = unmarked.matches(source: doc, tokens: bounds)
                        XCTAssertEqual(marked.matches(source: doc, tokens: bounds), expected, "\(text): source \(doc) line \(line)")
                        if expected {
                            XCTAssertTrue(marked.othersMayBe(on: base + bounds.lowerBound..<base + bounds.upperBound), "\(text): \(doc):\(line)")
                            matched += 1
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(matched, 100, "the queries match lines")
    }

    /// A line is found through its first occurrence of the word walked; when
    /// that one lies in a cited passage and a later one does not, the line
    /// is still a hit, with only the later one marked.
    func testALineWhoseFirstMatchIsQuotedStillCounts() throws {
        var builder = CorpusBuilder()
        builder.articles["b.txt"] = "Second article\nOfficials said <u>145 people</u> died in the attack. The attack was claimed.\n"
        builder.eventsYAML = builder.eventsYAML.replacingOccurrences(of: "quote: 145 people died", with: "quote: 145 people died in the attack.")
        let result = CorpusLoader.load(from: builder.files())
        XCTAssertEqual(result.diagnostics.errors.map(\.description), [])
        let corpus = result.corpus
        let index = SearchIndex(corpus)
        let beta = try XCTUnwrap(corpus.source("beta"))
        let quoted = try XCTUnwrap(corpus.events.flatMap(\.citations).first { $0.sourceID == "beta" }).passage.range
        let hits = index.search(SearchQuery("attack")).articleHits.computeAll().filter { $0.sourceID == "beta" }
        XCTAssertEqual(hits.count, 1)
        let ranges = try XCTUnwrap(hits.first).ranges
        XCTAssertEqual(ranges.map { beta.rawText($0) }, ["attack"], "one match: the quoted one is left out")
        XCTAssertTrue(ranges.allSatisfy { !quoted.contains($0.lowerBound) }, "and it is the one outside the quote")
    }
}
