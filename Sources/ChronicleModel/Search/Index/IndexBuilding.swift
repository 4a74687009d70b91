import Dispatch
import Foundation

extension SearchIndex {
    /// Builds the index on both cores.
    /// - Parameter afterArticles: called once the articles are indexed and
    ///   the second half's arrays freed, before the events' tables are
    ///   built: where the process may hand freed pages back to the system
    ///   (`MemoryUse.releaseFreedMemory`), which is its policy, not the index's.
    /// - Parameter progress: told of each run of articles indexed, for a
    ///   progress bar (the index is most of a one-shot search's time).
    public init(_ corpus: Corpus, progress: LoadProgress? = nil, afterArticles: () -> Void = {}) {
        progress?.beginIndexing(articles: corpus.sources.count)
        var vocabulary: [String: Int32] = [:]
        // A word's id, a new word numbered after the others.
        func id(_ term: String) -> Int32 {
            if let id = vocabulary[term] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[term] = id
            return id
        }

        // The articles are tokenized in two halves, one per core, each with
        // its own vocabulary; the second half's words are then renumbered
        // into the first's, and each word's postings joined in source order.
        let half = corpus.sources.count / 2
        let halves = [0..<half, half..<corpus.sources.count]
        let parts = ConcurrentResults<TokenizedArticles>(count: halves.count)
        DispatchQueue.concurrentPerform(iterations: halves.count) { part in
            parts.put(part, TokenizedArticles(corpus.sources, halves[part], citations: corpus.citations, progress: progress))
        }
        // Taken, not copied, and each half's arrays released as they are
        // renumbered: two halves and a renumbered copy at once would be more.
        var first = parts.take(0), second = parts.take(1)
        vocabulary = first.vocabulary
        // In the second half's own order, so that numbering does not hang on hashing.
        var secondTerms = [String](repeating: "", count: second.vocabulary.count)
        for (term, local) in second.vocabulary { secondTerms[Int(local)] = term }
        var renumber = [Int32](repeating: 0, count: secondTerms.count)
        for (local, term) in secondTerms.enumerated() { renumber[local] = id(term) }
        var termCounts = first.counts + repeatElement(0, count: vocabulary.count - first.counts.count)
        for (local, global) in renumber.enumerated() { termCounts[Int(global)] += second.counts[local] }
        let citedTokens = first.citedTokens + second.citedTokens
        first.citedTokens = []
        second.citedTokens = []
        // Words numbered by how often they occur, commonest first, so that
        // the 65,535 commonest are their own 16-bit code in every article
        // (`TermIDs`); the vocabulary and each article's terms are
        // renumbered so, the terms where they lie.
        let byFrequency = termCounts.indices.sorted { (termCounts[$0], $1) > (termCounts[$1], $0) }
        var ranked = [Int32](repeating: 0, count: byFrequency.count)
        for (rank, old) in byFrequency.enumerated() { ranked[old] = Int32(rank) }
        vocabulary = vocabulary.mapValues { ranked[Int($0)] }
        var sourceTokens: [Tokens] = []
        sourceTokens.reserveCapacity(corpus.sources.count)
        for index in first.tokens.indices {
            var tokens = first.tokens[index]
            first.tokens[index] = Tokens()
            tokens.terms.map { ranked[Int($0)] }
            sourceTokens.append(tokens)
        }
        first.tokens = []
        for index in second.tokens.indices {
            var tokens = second.tokens[index]
            second.tokens[index] = Tokens()
            tokens.terms.map { ranked[Int(renumber[Int($0)])] }
            sourceTokens.append(tokens)
        }
        // Each article's words numbered on from the previous article's: a
        // posting is one 32-bit number, not a (source, position) pair in 64
        // bits (48 MB less at 20,000 articles). Words past the 4,294,967,295th
        // of a corpus (far more than memory would hold) are not posted.
        var tokenBase: [UInt32] = [0]
        tokenBase.reserveCapacity(corpus.sources.count + 1)
        var total = 0
        for tokens in sourceTokens {
            total += tokens.terms.count
            tokenBase.append(UInt32(min(total, Int(UInt32.max))))
        }
        var sourcePostings = Self.postings(of: sourceTokens, tokenBase: tokenBase, termCount: vocabulary.count)
        let indexedLines = first.indexedLines + second.indexedLines
        var totalLength = first.totalLength + second.totalLength
        second = TokenizedArticles()
        afterArticles()

        // The events' own words and their passages' token ranges, on both
        // cores (half the events each), looked up in the articles'
        // vocabulary; the few words no article has are numbered after, in
        // order, and each word's list of events is built in event order.
        let eventHalf = corpus.events.count / 2
        let eventParts = ConcurrentResults<TokenizedEvents>(count: 2)
        let articleVocabulary = vocabulary
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            eventParts.put(part, TokenizedEvents(corpus, part == 0 ? 0..<eventHalf : eventHalf..<corpus.events.count,
                                             vocabulary: articleVocabulary, citedTokens: citedTokens))
        }
        // A word new to the vocabulary was numbered -1, -2, … in its half.
        var eventTokens = EventTokenTable()
        for part in 0..<2 {
            let tokensOfPart = eventParts.take(part)
            let newIDs = tokensOfPart.newTerms.map(id)
            eventTokens.append(tokensOfPart.table) { $0 < 0 ? newIDs[Int(-$0) - 1] : $0 }
        }
        eventTokens.tokens = eventTokens.tokens.copiedToSize()
        // An event's length is its own text: matches in its passages add
        // to its term frequency without its quotes diluting the score.
        totalLength += eventTokens.tokens.terms.count
        let eventsOfTerm = EventLists(termCount: vocabulary.count, eventCount: eventTokens.eventCount) { event, body in
            for position in eventTokens.positions(ofEvent: event) { body(eventTokens.tokens.terms[position]) }
            for passage in eventTokens.passages(ofEvent: event) {
                let terms = sourceTokens[Int(passage.source)].terms
                for position in passage.tokens { body(terms[Int(position)]) }
            }
        }

        let sorted = vocabulary.sorted { $0.key < $1.key }
        // Words only events have are in no article.
        sourcePostings += repeatElement(Postings(), count: vocabulary.count - sourcePostings.count)
        self.init(corpus: corpus, sortedTerms: sorted.map(\.key), sortedIDs: sorted.map(\.value), sourceTokens: sourceTokens,
                  eventTokens: eventTokens, sourcePostings: sourcePostings, tokenBase: tokenBase, eventsOfTerm: eventsOfTerm,
                  citedTokens: citedTokens, indexedLines: indexedLines, totalLength: totalLength)
    }

    /// An index from the parts a build works out (or a cache holds); the
    /// rest is quickly derived from them and the corpus.
    init(corpus: Corpus, sortedTerms: [String], sortedIDs: [Int32], sourceTokens: [Tokens], eventTokens: EventTokenTable,
         sourcePostings: [Postings], tokenBase: [UInt32], eventsOfTerm: EventLists, citedTokens: [[Range<Int32>]],
         indexedLines: Int, totalLength: Int) {
        self.corpus = corpus
        self.sortedTerms = sortedTerms
        self.sortedIDs = sortedIDs
        self.sourceTokens = sourceTokens
        self.eventTokens = eventTokens
        self.sourcePostings = sourcePostings
        self.tokenBase = tokenBase
        self.lineStartBits = LineStartBits(sourceTokens, tokenBase: tokenBase)
        var quotedTokens = PositionBits(count: Int(tokenBase.last ?? 0))
        for passage in eventTokens.passages {
            let base = Int(tokenBase[Int(passage.source)])
            for token in passage.tokens where base + Int(token) < quotedTokens.count { quotedTokens.insert(base + Int(token)) }
        }
        self.quotedTokens = quotedTokens
        self.eventsOfTerm = eventsOfTerm
        self.citedTokens = citedTokens
        self.actorNames = corpus.actors.flatMap { actor in actor.names.map { (SearchTokenizer.terms($0), actor.id) } }
            .filter { !$0.0.isEmpty }
        var eventsOfActor: [String: [Int32]] = [:]
        for (event, item) in corpus.events.enumerated() {
            for actor in item.actors { eventsOfActor[actor, default: []].append(Int32(event)) }
        }
        self.eventsOfActor = eventsOfActor
        self.indexedLines = indexedLines
        self.totalLength = totalLength
        self.ranking = BM25(units: indexedLines + corpus.events.count, totalLength: totalLength)
    }

    /// Calls `body` with each word of a line of an article (not of its
    /// furniture): its folded bytes and its raw range. The index reads every
    /// line this way, and a line drawn is read again for its words' offsets.
    static func forEachToken(ofLine line: Int, in source: Source, _ bytes: UnsafeBufferPointer<UInt8>,
                             _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        guard let display = displayRange(ofLine: line, in: source) else { return }
        SearchTokenizer.forEachToken(utf8: bytes, range: display) { term, start, end in
            body(term, source.display.rawRange(of: start..<end))
        }
    }

    /// The raw ranges of the words of a line of an article, in order, as
    /// `forEachToken(ofLine:)` finds them (without folding them).
    static func tokenRanges(ofLine line: Int, in source: Source, into ranges: inout [Range<Int>]) {
        guard let display = displayRange(ofLine: line, in: source) else { return }
        source.display.bytes.withUnsafeBufferPointer { bytes in
            SearchTokenizer.forEachTokenBounds(utf8: bytes, range: display) { start, end in
                ranges.append(source.display.rawRange(of: start..<end))
            }
        }
    }

    /// The display bytes of a line that is searched (not furniture), if any.
    private static func displayRange(ofLine line: Int, in source: Source) -> Range<Int>? {
        guard line >= 1, line <= source.lines.lineCount, source.furniture(atLine: line) == nil else { return nil }
        let raw = source.lines.contentRange(ofLine: line)
        let from = source.display.displayIndex(atOrAfterRaw: raw.lowerBound)
        let to = source.display.displayIndex(atOrAfterRaw: raw.upperBound)
        return from < to ? from..<to : nil
    }

    /// The words of some articles with a vocabulary of their own: what one
    /// core builds while the other does the rest.
    struct TokenizedArticles: Sendable {
        var vocabulary: [String: Int32] = [:]
        /// How often each word occurs, by this half's ids: words are numbered
        /// commonest first once the halves are joined.
        var counts: [Int] = []
        var tokens: [Tokens] = []
        /// Per article, the tokens wholly inside each of its cited ranges, in
        /// their order: worked out while the words' offsets are at hand.
        var citedTokens: [[Range<Int32>]] = []
        var indexedLines = 0, totalLength = 0

        init() {}

        init(_ sources: [Source], _ range: Range<Int>, citations: CitationTable, progress: LoadProgress? = nil) {
            // Words of up to eight bytes (most) are looked up by their bytes
            // packed in an integer, without making a String of each.
            var short: [UInt64: Int32] = [:]
            func id(_ term: UnsafeBufferPointer<UInt8>) -> Int32 {
                if term.count <= 8 {
                    var key: UInt64 = 0
                    for byte in term { key = key << 8 | UInt64(byte) }
                    if let known = short[key] { return known }
                    let id = newID(String(decoding: term, as: UTF8.self))
                    short[key] = id
                    return id
                }
                let string = String(decoding: term, as: UTF8.self)
                return vocabulary[string] ?? newID(string)
            }
            func newID(_ string: String) -> Int32 {
                let id = Int32(vocabulary.count)
                vocabulary[string] = id
                counts.append(0)
                return id
            }
            self.tokens.reserveCapacity(range.count)
            citedTokens.reserveCapacity(range.count)
            // Built in arrays kept from one article to the next, then copied
            // at their size: grown by appending, they held a third more.
            var tokens = Tokens()
            var starts: [Int] = [], ends: [Int] = []
            for sourceIndex in range {
                let source = sources[sourceIndex]
                tokens.removeAll()
                starts.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                source.display.bytes.withUnsafeBufferPointer { bytes in
                    for line in 1...max(1, source.lines.lineCount) where source.lines.lineCount > 0 {
                        let before = tokens.terms.count
                        SearchIndex.forEachToken(ofLine: line, in: source, bytes) { term, raw in
                            let term = id(term)
                            counts[Int(term)] += 1
                            tokens.append(term: term, line: line)
                            starts.append(raw.lowerBound)
                            ends.append(raw.upperBound)
                        }
                        let found = tokens.terms.count - before
                        if found > 0 {
                            indexedLines += 1
                            totalLength += found
                        }
                    }
                }
                citedTokens.append(citations.entries(ofSource: sourceIndex).map { cited in
                    let lower = starts.partitionPoint { $0 < cited.range.lowerBound }
                    let upper = max(lower, ends.partitionPoint { $0 <= cited.range.upperBound })
                    return Int32(lower)..<Int32(upper)
                })
                self.tokens.append(tokens.copiedToSize())
                if (sourceIndex - range.lowerBound) % 64 == 63 { progress?.articlesIndexed(64) }
            }
            progress?.articlesIndexed(range.count % 64)
        }
    }

    /// Some events' own words, numbered in the articles' vocabulary (a word
    /// new to it as -1, -2, … in `newTerms`), and their passages' tokens.
    struct TokenizedEvents: Sendable {
        var table = EventTokenTable()
        var newTerms: [String] = []

        init(_ corpus: Corpus, _ range: Range<Int>, vocabulary: [String: Int32], citedTokens: [[Range<Int32>]]) {
            var newIDs: [String: Int32] = [:]
            for eventIndex in range {
                let event = corpus.events[eventIndex]
                for (field, string) in SearchIndex.fields(of: event, in: corpus).enumerated() {
                    for token in SearchTokenizer.tokens(string) {
                        let term: Int32
                        if let known = vocabulary[token.term] ?? newIDs[token.term] {
                            term = known
                        } else {
                            newTerms.append(token.term)
                            term = -Int32(newTerms.count)
                            newIDs[token.term] = term
                        }
                        table.tokens.append(term: term, line: EventTokenTable.line(ofEvent: eventIndex, field: field))
                    }
                }
                table.starts.append(Int32(table.tokens.terms.count))
                // The tokens wholly inside each cited passage.
                for citation in event.citations {
                    guard let sourceIndex = corpus.sourcePosition(citation.sourceID),
                          let entry = corpus.citations.entryIndex(source: sourceIndex, range: citation.passage.range, event: eventIndex)
                    else { continue }
                    let tokens = citedTokens[sourceIndex][entry]
                    if !tokens.isEmpty { table.passages.append(PassageTokens(source: Int32(sourceIndex), tokens: tokens)) }
                }
                table.passageStarts.append(Int32(table.passages.count))
            }
        }
    }

    /// Every word's postings, from the articles' terms: their sizes counted
    /// in one pass and the bytes written in a second, each word's at exactly
    /// its size. Grown by appending in each half and then joined, they held
    /// half as much again and left that much in holes under the rest.
    static func postings(of sourceTokens: [Tokens], tokenBase: [UInt32], termCount: Int) -> [Postings] {
        func forEachPosting(_ body: (Int, UInt32) -> Void) {
            for (source, tokens) in sourceTokens.enumerated() {
                let base = Int(tokenBase[source])
                for (k, term) in tokens.terms.enumerated() {
                    guard base + k < Int(UInt32.max) else { return }
                    body(Int(term), UInt32(base + k))
                }
            }
        }
        var sizes = [Int](repeating: 0, count: termCount), last = [UInt32](repeating: 0, count: termCount)
        forEachPosting { term, position in
            sizes[term] += Postings.size(ofGap: position - last[term])
            last[term] = position
        }
        var postings = sizes.map { Postings(capacity: $0) }
        forEachPosting { term, position in postings[term].append(position) }
        return postings
    }
}
