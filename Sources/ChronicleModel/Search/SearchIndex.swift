import CModelSupport
import Dispatch
import Foundation

/// An inverted index over a corpus: every word of every article (body and
/// front matter, not page furniture) and of every event's title, summary and
/// actors, folded as `SearchTokenizer` folds them. Matches are given as raw
/// byte offsets so that every pane highlights the same bytes.
///
/// Built once after loading. Postings hold token positions (counted on from
/// article to article), phrases are checked against the token ids, and
/// prefixes are a binary search in the sorted vocabulary; the only text a
/// query reads again is the lines it draws, for their words' offsets.
public struct SearchIndex: Sendable {
    /// The words of one text, in order, as vocabulary ids, and where its
    /// lines (or fields) begin. Their byte offsets are not kept (9 bytes a
    /// token, 108 MB at 20,000 articles): the few a screen shows are found
    /// by reading their line again (`TokenOffsets`).
    struct Tokens: Sendable {
        var terms = TermIDs()
        /// Where each line (sources) or field (events: 0 title, 1 summary,
        /// 2 actors) begins: its number and its first token, ascending. One
        /// entry per line, not a line number per token (48 MB at 20,000 articles).
        var lineStarts: [(line: Int32, token: Int32)] = []

        mutating func append(term: Int32, line: Int) {
            if lineStarts.last?.line != Int32(line) { lineStarts.append((Int32(line), Int32(terms.count))) }
            terms.append(term)
        }

        mutating func removeAll() {
            terms.removeAll()
            lineStarts.removeAll(keepingCapacity: true)
        }

        /// A copy in arrays of their own that hold no spare room.
        func copiedToSize() -> Tokens {
            Tokens(terms: terms.copiedToSize(), lineStarts: lineStarts.copiedToSize())
        }

        /// The line (or field) of the token at `position`.
        func line(at position: Int) -> Int32 {
            lineStarts[lineStarts.partitionPoint { Int($0.token) <= position } - 1].line
        }

        /// Whether the tokens from `first` to `last` lie on one line: `last`
        /// comes before the next line's first token (one search, where the
        /// events' 300,000 fields made two a cost).
        func sameLine(_ first: Int, _ last: Int) -> Bool {
            guard first != last else { return true }
            let next = lineStarts.partitionPoint { Int($0.token) <= first }
            return next == lineStarts.count || last < Int(lineStarts[next].token)
        }

        /// The token positions of a line (empty when it has none).
        func positions(ofLine line: Int32) -> Range<Int> {
            let k = lineStarts.partitionPoint { $0.line < line }
            guard k < lineStarts.count, lineStarts[k].line == line else { return 0..<0 }
            return Int(lineStarts[k].token)..<(k + 1 < lineStarts.count ? Int(lineStarts[k + 1].token) : terms.count)
        }
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
    struct ArticleTokens: Sendable {
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

        init(_ sources: [Source], _ range: Range<Int>, cited: [[CitedRange]]) {
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
                citedTokens.append(cited[sourceIndex].map { cited in
                    let lower = starts.partitionPoint { $0 < cited.range.lowerBound }
                    let upper = max(lower, ends.partitionPoint { $0 <= cited.range.upperBound })
                    return Int32(lower)..<Int32(upper)
                })
                self.tokens.append(tokens.copiedToSize())
            }
        }
    }

    /// Every event's own words in one `Tokens`, its fields numbered as
    /// lines `event × 3 + field`, and every event's passages' tokens end to
    /// end: one array each, where three small arrays per event and a copy
    /// of its text took some 30 MB at 100,000 events.
    struct EventTokenTable: Sendable {
        var tokens = Tokens()
        /// Where each event's words start in `tokens`, and one past the last.
        var starts: [Int32] = [0]
        /// Per event, the tokens of its cited passages, in citation order.
        var passages: [PassageTokens] = []
        var passageStarts: [Int32] = [0]

        static let fieldCount = 3

        /// The line (in `tokens`) of an event's field.
        static func line(ofEvent event: Int, field: Int) -> Int { event * fieldCount + field }
        /// The field (0 title, 1 summary, 2 actors) of a line of `tokens`.
        static func field(ofLine line: Int32) -> Int { Int(line) % fieldCount }

        var eventCount: Int { starts.count - 1 }

        func positions(ofEvent event: Int) -> Range<Int> { Int(starts[event])..<Int(starts[event + 1]) }

        func passages(ofEvent event: Int) -> ArraySlice<PassageTokens> {
            passages[Int(passageStarts[event])..<Int(passageStarts[event + 1])]
        }

        /// Appends another table's events after this one's, each term `id`
        /// mapped by `term`.
        mutating func append(_ other: EventTokenTable, term: (Int32) -> Int32) {
            let shift = Int32(tokens.terms.count)
            var k = 0
            for position in other.tokens.terms.indices {
                while k + 1 < other.tokens.lineStarts.count && Int(other.tokens.lineStarts[k + 1].token) <= position { k += 1 }
                tokens.append(term: term(other.tokens.terms[position]), line: Int(other.tokens.lineStarts[k].line))
            }
            starts += other.starts.dropFirst().map { $0 + shift }
            let passageShift = Int32(passages.count)
            passages += other.passages
            passageStarts += other.passageStarts.dropFirst().map { $0 + passageShift }
        }
    }

    /// Some events' own words, numbered in the articles' vocabulary (a word
    /// new to it as -1, -2, … in `newTerms`), and their passages' tokens.
    struct EventTokens: Sendable {
        var table = EventTokenTable()
        var newTerms: [String] = []

        init(_ corpus: Corpus, _ range: Range<Int>, vocabulary: [String: Int32], cited: [[CitedRange]]) {
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
                          let tokens = cited[sourceIndex].first(where: { $0.event == eventIndex && $0.range == citation.passage.range })?.tokens
                    else { continue }
                    if !tokens.isEmpty { table.passages.append(PassageTokens(source: Int32(sourceIndex), tokens: tokens)) }
                }
                table.passageStarts.append(Int32(table.passages.count))
            }
        }
    }

    /// An event's searchable text, in the order its words are numbered:
    /// title, summary and actor names. Indexing reads it, and so does a
    /// row drawn, for its words' offsets; it is not kept.
    static func fields(of event: Event, in corpus: Corpus) -> [String] {
        (0..<EventTokenTable.fieldCount).map { field($0, of: event, in: corpus) }
    }

    /// One of `fields(of:in:)`, the others not made.
    static func field(_ field: Int, of event: Event, in corpus: Corpus) -> String {
        switch field {
        case 0: return event.title
        case 1: return event.summary ?? ""
        default: return event.actors.compactMap { corpus.actor($0)?.name }.joined(separator: ", ")
        }
    }

    /// Per word, the events (ascending) whose own text or cited passages
    /// hold it, all in one array: one array per word, grown by appending,
    /// held half as much again.
    struct EventLists: Sendable {
        private var starts: [Int] = [0]
        private var events: [Int32] = []

        /// Lists for `termCount` words; `forEachTerm(event, body)` calls
        /// `body` with every word of an event, repeats allowed.
        init(termCount: Int, eventCount: Int, forEachTerm: (Int, (Int32) -> Void) -> Void) {
            // Counted first, then filled: each list at its size.
            var counts = [Int](repeating: 0, count: termCount)
            var lastEvent = [Int32](repeating: -1, count: termCount)
            for event in 0..<eventCount {
                forEachTerm(event) { term in
                    if lastEvent[Int(term)] != Int32(event) { lastEvent[Int(term)] = Int32(event); counts[Int(term)] += 1 }
                }
            }
            starts.reserveCapacity(termCount + 1)
            for count in counts { starts.append(starts[starts.count - 1] + count) }
            var next = Array(starts.dropLast())
            events = [Int32](repeating: 0, count: starts[termCount])
            lastEvent = [Int32](repeating: -1, count: termCount)
            for event in 0..<eventCount {
                forEachTerm(event) { term in
                    let term = Int(term)
                    if lastEvent[term] != Int32(event) {
                        lastEvent[term] = Int32(event)
                        events[next[term]] = Int32(event)
                        next[term] += 1
                    }
                }
            }
        }

        subscript(term: Int) -> ArraySlice<Int32> { events[starts[term]..<starts[term + 1]] }
        var count: Int { starts.count - 1 }
    }

    struct CitedRange: Sendable {
        let range: Range<Int>
        let event: Int
        /// The article's tokens wholly inside the range: a match is inside
        /// the cited passage when its tokens are among them.
        var tokens: Range<Int32> = 0..<0
    }

    /// The tokens of one cited passage: a range of its source's token positions.
    struct PassageTokens: Sendable {
        let source: Int32
        let tokens: Range<Int32>
    }

    let vocabulary: [String: Int32]
    /// The vocabulary sorted, for prefix lookups.
    let sortedTerms: [String]
    let sortedIDs: [Int32]
    let sourceTokens: [Tokens]
    let eventTokens: EventTokenTable
    /// Per term id, ascending: where it occurs in the articles, as a token
    /// position counted on from the article's `tokenBase`.
    let sourcePostings: [Postings]
    /// Per source, the number its first token is given in the postings (and
    /// one past the last source's last token).
    let tokenBase: [UInt32]
    /// Which token positions, counted as postings are, begin a line.
    let lineStartBits: LineStartBits
    /// Which token positions lie wholly inside some cited passage: a match
    /// with a word outside them all is outside every passage.
    let quotedTokens: PositionBits
    /// Per term id: the events, ascending, whose own text or cited passages
    /// hold the word. A keystroke unions and intersects these; positions
    /// are looked at only for phrases and for the rows on screen.
    let eventsOfTerm: EventLists
    let citedRanges: [[CitedRange]]
    /// Actor names and aliases, folded, with the actor they name.
    let actorNames: [(terms: [String], actor: String)]
    let eventsOfActor: [String: [Int32]]
    let indexedLines: Int
    let averageLength: Double

    public let corpus: Corpus

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        var vocabulary: [String: Int32] = [:]
        // A word's id, a new word numbered after the others.
        func id(_ term: String) -> Int32 {
            if let id = vocabulary[term] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[term] = id
            return id
        }

        var citedRanges = Array(repeating: [CitedRange](), count: corpus.sources.count)
        for (eventIndex, event) in corpus.events.enumerated() {
            for citation in event.citations {
                guard let sourceIndex = corpus.sourcePosition(citation.sourceID) else { continue }
                citedRanges[sourceIndex].append(CitedRange(range: citation.passage.range, event: eventIndex))
            }
        }
        citedRanges = citedRanges.map { $0.sorted { $0.range.lowerBound < $1.range.lowerBound } }

        // The articles are tokenized in two halves, one per core, each with
        // its own vocabulary; the second half's words are then renumbered
        // into the first's, and each word's postings joined in source order.
        let half = corpus.sources.count / 2
        let halves = [0..<half, half..<corpus.sources.count]
        let parts = ConcurrentResults<ArticleTokens>(count: halves.count)
        do {
            // Let go before each range's tokens are filled in below: held to
            // the end, it made that a copy of every article's cited ranges.
            let cited = citedRanges
            DispatchQueue.concurrentPerform(iterations: halves.count) { part in
                parts.put(part, ArticleTokens(corpus.sources, halves[part], cited: cited))
            }
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
        for (doc, tokens) in [first.citedTokens, second.citedTokens].joined().enumerated() {
            for k in tokens.indices { citedRanges[doc][k].tokens = tokens[k] }
        }
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
        second = ArticleTokens()
        // The second half's arrays, freed as they were merged, are handed
        // back before the events' tables are built on top of them.
        _ = chronicle_release_free_memory()

        // The events' own words and their passages' token ranges, on both
        // cores (half the events each), looked up in the articles'
        // vocabulary; the few words no article has are numbered after, in
        // order, and each word's list of events is built in event order.
        let eventHalf = corpus.events.count / 2
        let eventParts = ConcurrentResults<EventTokens>(count: 2)
        let articleVocabulary = vocabulary, citedWithTokens = citedRanges
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            eventParts.put(part, EventTokens(corpus, part == 0 ? 0..<eventHalf : eventHalf..<corpus.events.count,
                                             vocabulary: articleVocabulary, cited: citedWithTokens))
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
        var eventsOfActor: [String: [Int32]] = [:]
        for (event, item) in corpus.events.enumerated() {
            for actor in item.actors { eventsOfActor[actor, default: []].append(Int32(event)) }
        }
        let eventsOfTerm = EventLists(termCount: vocabulary.count, eventCount: eventTokens.eventCount) { event, body in
            for position in eventTokens.positions(ofEvent: event) { body(eventTokens.tokens.terms[position]) }
            for passage in eventTokens.passages(ofEvent: event) {
                let terms = sourceTokens[Int(passage.source)].terms
                for position in passage.tokens { body(terms[Int(position)]) }
            }
        }

        let sorted = vocabulary.sorted { $0.key < $1.key }
        self.vocabulary = vocabulary
        self.sortedTerms = sorted.map(\.key)
        self.sortedIDs = sorted.map(\.value)
        self.sourceTokens = sourceTokens
        self.eventTokens = eventTokens
        // Words only events have are in no article.
        sourcePostings += repeatElement(Postings(), count: vocabulary.count - sourcePostings.count)
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
        self.citedRanges = citedRanges
        self.actorNames = corpus.actors.flatMap { actor in actor.names.map { (SearchTokenizer.terms($0), actor.id) } }
            .filter { !$0.0.isEmpty }
        self.eventsOfActor = eventsOfActor
        self.indexedLines = indexedLines
        let units = indexedLines + corpus.events.count
        self.averageLength = units == 0 ? 1 : max(1, Double(totalLength) / Double(units))
    }

    public var termCount: Int { vocabulary.count }

    // MARK: Matching

    /// The vocabulary ids a clause's term at `position` may be.
    func candidates(_ clause: SearchQuery.Clause, at position: Int) -> [Int32] {
        let term = clause.terms[position]
        // A one-letter prefix would match most of the vocabulary: the
        // prefix starts with the second letter typed.
        guard clause.prefix && position == clause.terms.count - 1 && term.count >= 2 else {
            return vocabulary[term].map { [$0] } ?? []
        }
        var lo = sortedTerms.partitionPoint { $0 < term }
        var ids: [Int32] = []
        while lo < sortedTerms.count && sortedTerms[lo].hasPrefix(term) {
            ids.append(sortedIDs[lo])
            lo += 1
        }
        return ids
    }

    /// Calls `body` with (source, first token) for each place the clause
    /// occurs in the articles, until `body` returns false.
    func forEachOccurrence(of matcher: Matcher, _ body: (Int, Int) -> Bool) {
        let sets = matcher.sets
        guard let first = sets.first, !sets.contains(where: \.isEmpty) else { return }
        let later = Array(sets.dropFirst())
        // A phrase's later words as marked blocks, when they are not far
        // commoner than its first: most of the first word's occurrences are
        // then passed over without reading their article's tokens.
        let firstPostings = occurrences(of: first)
        let laterBlocks: [PositionBlocks?] = later.map { allowed in
            occurrences(of: allowed) / max(firstPostings, 1) < 64 ? blocks(of: allowed) : nil
        }
        for id in first {
            var doc = 0, stopped = false
            sourcePostings[Int(id)].forEach { posting in
                // Postings ascend: the source is the current one or a later
                // one, found by doubling then halving from it.
                if posting >= tokenBase[doc + 1] {
                    var step = 1
                    while doc + step + 1 < tokenBase.count && tokenBase[doc + step + 1] <= posting { step *= 2 }
                    doc = tokenBase[(doc + 1)..<min(tokenBase.count, doc + step + 2)].partitionPoint { $0 <= posting } - 1
                }
                let token = Int(posting - tokenBase[doc])
                // A word is where its posting says: the article's tokens are
                // read only for a phrase's later words (each a cache miss).
                if !later.isEmpty {
                    let at = Int(posting)
                    guard laterBlocks.enumerated().allSatisfy({ k, blocks in blocks?.any(at + 1 + k..<at + 2 + k) ?? true }),
                          lineStartBits.sameLine(at, at + later.count) else { return true }
                    let terms = sourceTokens[doc].terms
                    guard token + later.count < terms.count else { return true }
                    // (A phrase stays within one line: checked above.)
                    for (k, allowed) in later.enumerated() where !allowed.contains(terms[token + 1 + k]) { return true }
                }
                stopped = !body(doc, token)
                return !stopped
            }
            if stopped { return }
        }
    }

    /// How often the words of `set` occur in the articles.
    func occurrences(of set: TermSet) -> Int {
        set.ids.reduce(0) { $0 + sourcePostings[Int($1)].count }
    }

    /// The blocks of positions that hold a word of `set`.
    func blocks(of set: TermSet) -> PositionBlocks {
        PositionBlocks(set.ids.lazy.map { sourcePostings[Int($0)] }, positions: Int(tokenBase.last ?? 0))
    }

    /// The clause itself and, when it names an actor, every other name of
    /// that actor: "Daesh" also finds "IS Khorasan" and "ISIS-K".
    func expansions(of clause: SearchQuery.Clause) -> (clauses: [SearchQuery.Clause], actors: Set<String>) {
        let actors = Set(actorNames.filter { $0.terms == clause.terms }.map(\.actor))
        guard !actors.isEmpty else { return ([clause], []) }
        var clauses = [clause]
        var seen: Set<[String]> = [clause.terms]
        for (terms, actor) in actorNames where actors.contains(actor) && !seen.contains(terms) {
            seen.insert(terms)
            clauses.append(SearchQuery.Clause(text: terms.joined(separator: " "), terms: terms, prefix: false))
        }
        return (clauses, actors)
    }

    /// The events whose own text or cited passages hold the clause. A word
    /// is the union of its candidates' lists; a phrase is the intersection
    /// of its words', each then checked for the words in order.
    func events(matching matcher: Matcher) -> EventSet {
        var result = EventSet(capacity: corpus.events.count)
        guard !matcher.sets.isEmpty, !matcher.sets.contains(where: \.isEmpty) else { return result }
        var candidates = EventSet(capacity: corpus.events.count)
        for (position, allowed) in matcher.sets.enumerated() {
            var set = EventSet(capacity: corpus.events.count)
            for id in allowed { set.insert(contentsOf: eventsOfTerm[Int(id)]) }
            if position == 0 { candidates = set } else { candidates.formIntersection(set) }
        }
        guard matcher.sets.count > 1 else { return candidates }
        for event in candidates.elements() where occurs(matcher, inEvent: event) { result.insert(event) }
        return result
    }

    /// Whether the clause occurs in an event's own text or cited passages.
    func occurs(_ matcher: Matcher, inEvent event: Int) -> Bool {
        return matcher.occurs(in: eventTokens.tokens, eventTokens.positions(ofEvent: event))
            || eventTokens.passages(ofEvent: event).contains { passage in
            matcher.occurs(in: sourceTokens[Int(passage.source)], Int(passage.tokens.lowerBound)..<Int(passage.tokens.upperBound))
        }
    }

    // MARK: Searching

    /// Events and article lines that match every clause of `query` and pass
    /// `filter`. An empty query keeps every event the filter keeps.
    /// - Parameter articleHitLimit: stop collecting article lines after this
    ///   many (the result says when it stopped); events are always complete.
    /// - Parameter previous: the result of the query before this keystroke.
    ///   When this query only narrows it and it had every article line, its
    ///   lines are checked again instead of walking the postings.
    public func search(_ query: SearchQuery, filter: EventFilter = EventFilter(), articleHitLimit: Int = 1_000,
                       refining previous: SearchResult? = nil) -> SearchResult {
        let actorIDs = corpus.actorIDs(of: filter)
        let unfiltered = filter == EventFilter()
        func passes(_ event: Int) -> Bool { unfiltered || corpus.passes(corpus.events[event], filter, actorIDs: actorIDs) }
        guard !query.isEmpty else {
            let scoring = SearchResult.Scoring(index: self, clauses: [], idf: [])
            return SearchResult(query: query, filter: filter, matchingEvents: corpus.events.indices.filter(passes),
                                articleHits: SearchResult.ArticleHits(lineStarts: [], scoring: scoring), articleHitsTruncated: false, scoring: scoring)
        }

        // Each clause, with the other names of an actor it names.
        let expanded = query.clauses.map { expansions(of: $0) }
        let matchers = expanded.map { $0.clauses.map { Matcher(clause: $0, index: self) } }
        var matching: EventSet?
        var idf: [Double] = []
        // Each clause's occurrences in articles (of its first word): its
        // weight below, and which clause the article scan walks.
        var occurrenceCounts: [Int] = []
        let units = Double(corpus.events.count + indexedLines)
        for ((_, actors), clauseMatchers) in zip(expanded, matchers) {
            var clauseEvents = EventSet(capacity: corpus.events.count)
            for actor in actors { clauseEvents.insert(contentsOf: eventsOfActor[actor] ?? []) }
            var occurrences = 0
            for matcher in clauseMatchers {
                clauseEvents.formUnion(events(matching: matcher))
                occurrences += matcher.sets.first.map(self.occurrences(of:)) ?? 0
            }
            occurrenceCounts.append(occurrences)
            // BM25 over units (events and article lines), each clause a term;
            // a clause's document frequency is taken as its events plus its
            // occurrences in articles (counting lines would mean visiting them all).
            let n = min(units, Double(clauseEvents.count + occurrences))
            idf.append(log(1 + (units - n + 0.5) / (n + 0.5)))
            if matching == nil { matching = clauseEvents } else { matching!.formIntersection(clauseEvents) }
        }
        let scoring = SearchResult.Scoring(index: self, clauses: zip(expanded, matchers).map { ($0.actors, $1) }, idf: idf)
        let events = matching?.elements(where: passes) ?? []

        // Article lines: walk the rarest clause's occurrences, check the other
        // clauses on that line only, and stop at the limit, so a common word
        // costs what the screen shows, not every place it occurs.
        let filtersSources = filter.source != nil || filter.within != nil
        func sourceAllowed(_ index: Int) -> Bool {
            guard filtersSources else { return true }
            if let only = filter.source, only != corpus.sources[index].id { return false }
            if let within = filter.within, !corpus.sources[index].published.date.overlaps(within) { return false }
            return true
        }
        let rarest = occurrenceCounts.indices.min { occurrenceCounts[$0] < occurrenceCounts[$1] } ?? 0
        var check = LineCheck(index: self, matchers: matchers, rarest: rarest, walked: occurrenceCounts[rarest], limit: articleHitLimit)
        // Each line found as the position of its first token, counted as
        // postings are: in source and line order, and with no table of its
        // article's read to name it.
        var found: [Int] = []
        var truncated = false
        // Typing on: the lines that matched a keystroke ago are all there can
        // be, unless an actor's name now brings in its aliases.
        let newAliases = zip(expanded, query.clauses).enumerated().contains { position, pair in
            !pair.0.actors.isEmpty && !(previous.map { position < $0.query.clauses.count && $0.query.clauses[position].terms == pair.1.terms
                                                         && $0.query.clauses[position].prefix == pair.1.prefix } ?? false)
        }
        if let previous, previous.filter == filter, !previous.articleHitsTruncated, !newAliases, query.narrows(previous.query) {
            for start in previous.articleHits.lineStarts {
                let (doc, bounds) = line(at: start)
                guard check.matches(source: doc, tokens: bounds) else { continue }
                found.append(start)
                if found.count >= articleHitLimit { truncated = true; break }
            }
        } else {
            // One word's postings come in order, so a line repeats only
            // right after itself; several words' may meet a line again.
            let inOrder = matchers[rarest].count == 1 && matchers[rarest][0].sets.first?.ids.count == 1
            var visited = Set<Int>(), last = -1
            scan: for matcher in matchers[rarest] {
                var stop = false
                forEachOccurrence(of: matcher) { doc, token in
                    // The line's bounds from the bitset of line starts, which
                    // the walk reads in ascending order: an occurrence whose
                    // line lacks another clause is passed over without
                    // reading anything of its article's.
                    let base = Int(tokenBase[doc])
                    let bounds = lineStartBits.line(around: base + token)
                    guard bounds.lowerBound != last, inOrder || visited.insert(bounds.lowerBound).inserted else { return true }
                    last = bounds.lowerBound
                    guard check.othersMayBe(on: bounds), sourceAllowed(doc),
                          check.matches(source: doc, tokens: bounds.lowerBound - base..<bounds.upperBound - base,
                                        walked: token..<token + matcher.sets.count)
                    else { return true }
                    found.append(bounds.lowerBound)
                    if found.count >= articleHitLimit { truncated = true; stop = true; return false }
                    return true
                }
                if stop { break scan }
            }
        }
        found.sort()
        return SearchResult(query: query, filter: filter, matchingEvents: events,
                            articleHits: SearchResult.ArticleHits(lineStarts: found, scoring: scoring),
                            articleHitsTruncated: truncated, scoring: scoring)
    }

    /// Whether a line of an article is a hit: every clause is on it, and a
    /// match lies outside the cited passages. Said from bitsets where it
    /// can be, without working out the matches' ranges and score: those are
    /// left to the lines drawn (`ArticleHits`), as a keystroke may find a
    /// thousand lines and the screen shows a dozen.
    struct LineCheck {
        let index: SearchIndex
        let matchers: [[Matcher]]
        /// The clause whose occurrences are walked: on the line by then.
        let rarest: Int
        /// Per clause and matcher: which blocks of eight token positions
        /// hold its first word, when that is cheaper than a look at each
        /// line ("trade ener": 15,000 lines of "trade" each asked whether
        /// an "ener…" word is on it).
        private let blocks: [[PositionBlocks?]]
        private var hits: LineHits

        /// - Parameter walked: the rarest clause's occurrences.
        /// - Parameter limit: the walk stops after this many lines.
        /// - Parameter markingRatio: a clause's blocks are marked when it has
        ///   fewer than this many postings per line the walk is expected to
        ///   look at. Marking a posting costs a few nanoseconds and a look at
        ///   a line some hundreds: worth it unless the clause is far commoner.
        init(index: SearchIndex, matchers: [[Matcher]], rarest: Int, walked: Int, limit: Int = .max, markingRatio: Int = 64) {
            self.index = index
            self.matchers = matchers
            self.rarest = rarest
            let positions = Double(index.tokenBase.last ?? 0), lineLength = positions / Double(max(1, index.indexedLines))
            blocks = matchers.enumerated().map { clause, clauseMatchers in
                clauseMatchers.map { matcher in
                    guard clause != rarest, let first = matcher.sets.first else { return nil }
                    let postings = index.occurrences(of: first)
                    // A clause on most lines lets the walk stop at its limit
                    // soon: it looks at about limit / (the share of lines with
                    // the clause), taking its postings as each on a line of its own.
                    let share = min(1, Double(postings) * lineLength / max(1, positions))
                    let looked = min(Double(walked), Double(limit) / max(share, 1e-9))
                    return Double(postings) < Double(markingRatio) * max(looked, 1) ? index.blocks(of: first) : nil
                }
            }
            hits = LineHits(index: index, matchers: matchers)
        }

        /// False when a clause other than the rarest is not on the line at
        /// `positions` (counted on from article to article), by its marked
        /// blocks alone; true when it may be.
        func othersMayBe(on positions: Range<Int>) -> Bool {
            for (clause, clauseBlocks) in blocks.enumerated() where clause != rarest {
                guard clauseBlocks.contains(where: { $0?.any(positions) ?? true }) else { return false }
            }
            return true
        }

        /// - Parameter bounds: the line's token positions in its source.
        /// - Parameter walked: the tokens of the rarest clause's occurrence
        ///   by which the line was reached, if it was.
        mutating func matches(source doc: Int, tokens bounds: Range<Int>, walked: Range<Int>? = nil) -> Bool {
            guard !bounds.isEmpty else { return false }
            let base = Int(index.tokenBase[doc])
            for (clause, clauseMatchers) in matchers.enumerated() where !(walked != nil && clause == rarest) {
                let onLine = clauseMatchers.indices.contains { k in
                    if let blocks = blocks[clause][k], !blocks.any(base + bounds.lowerBound..<base + bounds.upperBound) { return false }
                    // A scan of the line: postings are delta-coded, read in order only.
                    return clauseMatchers[k].occurs(in: index.sourceTokens[doc], bounds)
                }
                guard onLine else { return false }
            }
            // A match outside every cited passage: the occurrence walked, when
            // one of its words lies outside every passage (the match it is
            // part of is then inside none), or any, when no word of the line
            // is quoted; otherwise the line's matches are worked out.
            if let walked, walked.contains(where: { !index.quotedTokens.contains(base + $0) }) { return true }
            guard index.quotedTokens.any(base + bounds.lowerBound..<base + bounds.upperBound) else { return true }
            return hits.matchesOutside(source: doc, tokens: bounds)
        }
    }

    /// A text's term ids in two bytes each: ids are given commonest word
    /// first, so the 65,535 commonest words are their own code; a rarer
    /// word's code is 0xFFFF and its id is kept aside with its position.
    /// Four bytes each took 49 MB at 20,000 articles.
    struct TermIDs: Sendable, RandomAccessCollection {
        private var codes: [UInt16] = []
        private var rarePositions: [Int32] = [], rareIDs: [Int32] = []
        static let escape = UInt16.max

        var startIndex: Int { 0 }
        var endIndex: Int { codes.count }

        @inline(__always) subscript(position: Int) -> Int32 {
            let code = codes[position]
            if code != Self.escape { return Int32(code) }
            let k = rarePositions.partitionPoint { $0 < Int32(position) }
            return k < rareIDs.count ? rareIDs[k] : -1
        }

        mutating func append(_ id: Int32) {
            if id >= 0 && id < Int32(Self.escape) {
                codes.append(UInt16(id))
            } else {
                rarePositions.append(Int32(codes.count))
                rareIDs.append(id)
                codes.append(Self.escape)
            }
        }

        mutating func removeAll() {
            codes.removeAll(keepingCapacity: true)
            rarePositions.removeAll(keepingCapacity: true)
            rareIDs.removeAll(keepingCapacity: true)
        }

        /// Maps the ids one by one where they lie: a copy of every
        /// article's terms at once, old and new, was the peak of indexing.
        mutating func map(_ transform: (Int32) -> Int32) {
            var positions: [Int32] = [], ids: [Int32] = []
            for position in codes.indices {
                let id = transform(self[position])
                if id >= 0 && id < Int32(Self.escape) {
                    codes[position] = UInt16(id)
                } else {
                    positions.append(Int32(position))
                    ids.append(id)
                    codes[position] = Self.escape
                }
            }
            rarePositions = positions
            rareIDs = ids
        }

        /// A copy in arrays of their own that hold no spare room.
        func copiedToSize() -> TermIDs {
            var copy = TermIDs()
            copy.codes = codes.copiedToSize()
            copy.rarePositions = rarePositions.copiedToSize()
            copy.rareIDs = rareIDs.copiedToSize()
            return copy
        }
    }

    /// A word's postings, ascending, each stored as its distance from the
    /// one before in groups of seven bits, the last group's top bit clear:
    /// a byte for most (a word a few dozen tokens from its last use), where
    /// four bytes each took 48 MB at 20,000 articles. They are read in
    /// order, which is how a search walks them.
    struct Postings: Sendable {
        private var bytes: [UInt8] = []
        private(set) var count = 0
        private var last: UInt32 = 0

        init() {}

        /// Room for exactly `bytes` bytes of postings.
        init(capacity bytes: Int) { self.bytes.reserveCapacity(bytes) }

        /// The bytes a posting `gap` after the one before takes.
        static func size(ofGap gap: UInt32) -> Int {
            gap < 1 << 7 ? 1 : gap < 1 << 14 ? 2 : gap < 1 << 21 ? 3 : gap < 1 << 28 ? 4 : 5
        }

        /// Appends a posting no smaller than the last.
        mutating func append(_ posting: UInt32) {
            var gap = posting - (count == 0 ? 0 : Swift.min(last, posting))
            while gap >= 0x80 {
                bytes.append(UInt8(gap & 0x7F) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
            last = posting
            count += 1
        }

        /// The bytes the postings take.
        var byteCount: Int { bytes.count }

        /// Calls `body` with each posting, in order, until it returns false.
        @inline(__always) func forEach(until body: (UInt32) -> Bool) {
            bytes.withUnsafeBufferPointer { bytes in
                var at = 0, value: UInt32 = 0
                while at < bytes.count {
                    var gap: UInt32 = 0, shift: UInt32 = 0
                    while at < bytes.count {
                        let byte = bytes[at]
                        at += 1
                        gap |= UInt32(byte & 0x7F) << (shift & 31)
                        if byte & 0x80 == 0 { break }
                        shift += 7
                    }
                    value &+= gap
                    if !body(value) { return }
                }
            }
        }
    }

    /// Every word's postings, from the articles' terms: their sizes counted
    /// in one pass and the bytes written in a second, each word's at exactly
    /// its size. Grown by appending in each half and then joined, they held
    /// half as much again and left that much in holes under the rest.
    static func postings(of sourceTokens: [Tokens], tokenBase: [UInt32], termCount: Int) -> [Postings] {
        func forEachPosting(_ body: (Int, UInt32) -> Void) {
            for (doc, tokens) in sourceTokens.enumerated() {
                let base = Int(tokenBase[doc])
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

    /// A bit per token position of the articles, counted on from article to
    /// article as postings are: 1.5 MB at 20,000 articles.
    struct PositionBits: Sendable {
        private(set) var words: [UInt64]
        /// The positions it has a bit for.
        let count: Int

        init(count: Int) {
            self.count = count
            words = Array(repeating: 0, count: count / 64 + 1)
        }

        mutating func insert(_ position: Int) { words[position >> 6] |= 1 << UInt64(position & 63) }

        func contains(_ position: Int) -> Bool { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }

        /// Whether any of `positions` has its bit set.
        func any(_ positions: Range<Int>) -> Bool {
            guard !positions.isEmpty else { return false }
            let first = positions.lowerBound, last = positions.upperBound - 1
            guard first >> 6 < words.count else { return false }
            for word in (first >> 6)...min(last >> 6, words.count - 1) {
                var mask = UInt64.max
                if word == first >> 6 { mask &= UInt64.max << UInt64(first & 63) }
                if word == last >> 6 { mask &= UInt64.max >> UInt64(63 - (last & 63)) }
                if words[word] & mask != 0 { return true }
            }
            return false
        }
    }

    /// Where the articles' lines begin, and one past the last token. A
    /// posting's line is found without reading its article's tables, and a
    /// walk up the postings reads the bits in order.
    struct LineStartBits: Sendable {
        private let bits: PositionBits

        init(_ sources: [Tokens], tokenBase: [UInt32]) {
            let total = Int(tokenBase.last ?? 0)
            var bits = PositionBits(count: total + 1)
            for (doc, tokens) in sources.enumerated() {
                let base = Int(tokenBase[doc])
                // Positions past the 4,294,967,295th are not posted, so never asked about.
                for start in tokens.lineStarts where base + Int(start.token) < total { bits.insert(base + Int(start.token)) }
            }
            bits.insert(total)
            self.bits = bits
        }

        /// The positions of the line that holds `position` (which must be a
        /// token's): from the last line start at or before it to the next.
        func line(around position: Int) -> Range<Int> {
            let words = bits.words
            var word = position >> 6
            var mask = words[word] & (UInt64.max >> UInt64(63 - (position & 63)))
            while mask == 0 && word > 0 { word -= 1; mask = words[word] }
            let start = mask == 0 ? 0 : word << 6 | (63 - mask.leadingZeroBitCount)
            word = (position + 1) >> 6
            mask = word < words.count ? words[word] & (UInt64.max << UInt64((position + 1) & 63)) : 0
            while mask == 0 && word + 1 < words.count { word += 1; mask = words[word] }
            let end = mask == 0 ? words.count << 6 : word << 6 | mask.trailingZeroBitCount
            return start..<end
        }

        /// Whether the tokens from `first` to `last` lie on one line.
        func sameLine(_ first: Int, _ last: Int) -> Bool {
            first == last || line(around: first).upperBound > last
        }
    }

    /// Which blocks of eight token positions (counted on from article to
    /// article, as postings are) hold any of some postings: a bit each,
    /// 190 kB at 20,000 articles. A line with none of its blocks marked
    /// lacks the word; one with a block marked may have it.
    struct PositionBlocks {
        private var blocks: PositionBits

        init<Lists: Sequence>(_ lists: Lists, positions: Int) where Lists.Element == Postings {
            blocks = PositionBits(count: positions >> 3 + 1)
            for list in lists {
                list.forEach { posting in blocks.insert(Int(posting >> 3)); return true }
            }
        }

        /// Whether any block holding `positions` is marked.
        func any(_ positions: Range<Int>) -> Bool {
            guard !positions.isEmpty else { return false }
            return blocks.any(positions.lowerBound >> 3..<(positions.upperBound - 1) >> 3 + 1)
        }
    }

    /// The hit a line of an article makes for a query: its matches' ranges
    /// and score. Its arrays are kept from one line to the next: a line
    /// used to cost eight arrays made and freed, and, held as locals a
    /// nested function changed, every append was checked for exclusive
    /// access at run time.
    struct LineHits {
        let index: SearchIndex
        let matchers: [[Matcher]]
        /// Matches as token positions; `outside`, those outside every cited passage.
        private var found: [Range<Int>] = [], outside: [Range<Int>] = [], frequencies: [Int] = []
        init(index: SearchIndex, matchers: [[Matcher]]) {
            self.index = index
            self.matchers = matchers
            found.reserveCapacity(16)
            outside.reserveCapacity(16)
            frequencies.reserveCapacity(matchers.count)
        }

        /// Whether every clause is on the line and a match lies outside the
        /// cited passages (left in `outside`, with each clause's count of
        /// matches in `frequencies`). All in token positions: a match is
        /// inside a passage when its tokens are among the passage's.
        mutating func matchesOutside(source doc: Int, tokens bounds: Range<Int>) -> Bool {
            found.removeAll(keepingCapacity: true)
            frequencies.removeAll(keepingCapacity: true)
            let tokens = index.sourceTokens[doc]
            for clauseMatchers in matchers {
                let before = found.count
                for matcher in clauseMatchers {
                    matcher.forEachMatch(in: tokens, bounds) { found.append($0); return true }
                }
                guard found.count > before else { return false }
                frequencies.append(found.count - before)
            }
            // Matches that share a token ("ISIS-K" and its alias "ISIS") are
            // one; neighbouring tokens stay apart, as their bytes do. Sorted
            // here, in place, so that merging needs no sorted copy.
            found.sort { $0.lowerBound < $1.lowerBound }
            SearchResult.merge(found, into: &outside, joiningTouching: false)
            let cited = index.citedRanges[doc]
            outside.removeAll { range in
                cited.contains { Int($0.tokens.lowerBound) <= range.lowerBound && range.upperBound <= Int($0.tokens.upperBound) }
            }
            return !outside.isEmpty
        }

        /// The hit a line of an article makes, if every clause is on it and
        /// a match lies outside the cited passages.
        mutating func hit(source doc: Int, tokens bounds: Range<Int>, scoring: SearchResult.Scoring? = nil) -> SearchResult.ArticleHit? {
            guard matchesOutside(source: doc, tokens: bounds) else { return nil }
            var offsets = TokenOffsets(index, source: doc)
            return SearchResult.ArticleHit(sourceID: index.corpus.sources[doc].id, line: Int(index.sourceTokens[doc].line(at: bounds.lowerBound)),
                                           ranges: SearchResult.merged(outside.map { offsets.range(of: $0) }),
                                           score: scoring?.bm25(frequencies, length: bounds.count) ?? 0)
        }
    }

    /// Raw byte ranges of tokens, found by reading their line (an article's)
    /// or field (an event's) again, as the index read it. A screen asks for a
    /// few dozen; keeping every token's offsets cost 9 bytes a token.
    struct TokenOffsets {
        private enum Text { case source(Int), event(Int) }
        private let index: SearchIndex
        private let text: Text
        private var line: Int32 = -1, first = 0
        private var ranges: [Range<Int>] = []

        init(_ index: SearchIndex, source: Int) {
            self.index = index
            text = .source(source)
        }

        init(_ index: SearchIndex, event: Int) {
            self.index = index
            text = .event(event)
        }

        /// From the start of the first token of `positions` to the end of
        /// its last (a match lies on one line).
        mutating func range(of positions: Range<Int>) -> Range<Int> {
            let tokens: Tokens
            switch text {
            case .source(let source): tokens = index.sourceTokens[source]
            case .event: tokens = index.eventTokens.tokens
            }
            let line = tokens.line(at: positions.lowerBound)
            if line != self.line { read(line, of: tokens) }
            let a = positions.lowerBound - first, b = positions.upperBound - 1 - first
            // The line reads as it was indexed, so this always holds; were it
            // not to, a highlight would be lost rather than the program.
            guard a >= 0, a <= b, b < ranges.count else { return 0..<0 }
            return ranges[a].lowerBound..<ranges[b].upperBound
        }

        private mutating func read(_ line: Int32, of tokens: Tokens) {
            self.line = line
            first = tokens.positions(ofLine: line).lowerBound
            ranges.removeAll(keepingCapacity: true)
            switch text {
            case .source(let source):
                SearchIndex.tokenRanges(ofLine: Int(line), in: index.corpus.sources[source], into: &ranges)
            case .event(let event):
                let text = SearchIndex.field(EventTokenTable.field(ofLine: line), of: index.corpus.events[event], in: index.corpus)
                Array(text.utf8).withUnsafeBufferPointer { bytes in
                    SearchTokenizer.forEachTokenBounds(utf8: bytes, range: 0..<bytes.count) { start, end in ranges.append(start..<end) }
                }
            }
        }
    }

    /// Raw byte ranges of the clause's matches among `bounds` of a source's tokens.
    func rawRanges(of matcher: Matcher, source doc: Int, _ bounds: Range<Int>) -> [Range<Int>] {
        var offsets = TokenOffsets(self, source: doc), found: [Range<Int>] = []
        matcher.forEachMatch(in: sourceTokens[doc], bounds) { found.append(offsets.range(of: $0)); return true }
        return found
    }

    /// One event's matches, highlighted and scored: asked for by the rows on
    /// screen and the event pane, never for every event a keystroke finds.
    func eventHit(_ event: Int, scoring: SearchResult.Scoring) -> SearchResult.EventHit {
        var hit = SearchResult.EventHit(event: event)
        let clauses = scoring.clauses
        guard !clauses.isEmpty else { return hit }
        let own = eventTokens.tokens, ownPositions = eventTokens.positions(ofEvent: event)
        let involved = Set(corpus.events[event].actors)
        var frequencies: [Int] = []
        var ownOffsets = TokenOffsets(self, event: event)
        for (actors, matchers) in clauses {
            var frequency = actors.intersection(involved).count
            for matcher in matchers {
                matcher.forEachMatch(in: own, ownPositions) { positions in
                    frequency += 1
                    let range = ownOffsets.range(of: positions)
                    switch EventTokenTable.field(ofLine: own.line(at: positions.lowerBound)) {
                    case 0: hit.titleRanges.append(range)
                    case 1: hit.summaryRanges.append(range)
                    default: hit.actorRanges.append(range)
                    }
                    return true
                }
                for passage in eventTokens.passages(ofEvent: event) {
                    let source = Int(passage.source), sourceID = corpus.sources[source].id
                    for range in rawRanges(of: matcher, source: source, Int(passage.tokens.lowerBound)..<Int(passage.tokens.upperBound)) {
                        frequency += 1
                        hit.passageRanges.append(SearchResult.SourceRange(sourceID: sourceID, range: range))
                    }
                }
            }
            frequencies.append(frequency)
        }
        // "ISIS-K" and its alias "ISIS" overlap: one highlight, not two.
        hit.titleRanges = SearchResult.merged(hit.titleRanges)
        hit.summaryRanges = SearchResult.merged(hit.summaryRanges)
        hit.actorRanges = SearchResult.merged(hit.actorRanges)
        hit.passageRanges = Dictionary(grouping: hit.passageRanges, by: \.sourceID).sorted { $0.key < $1.key }.flatMap { sourceID, ranges in
            SearchResult.merged(ranges.map(\.range)).map { SearchResult.SourceRange(sourceID: sourceID, range: $0) }
        }
        hit.score = scoring.bm25(frequencies, length: ownPositions.count)
        return hit
    }

    /// The source whose tokens include `position` (counted as postings are).
    /// Sources without tokens share their number with the next: the last
    /// source numbered at or before the position is the one that holds it.
    func source(atPosition position: Int) -> Int {
        tokenBase.partitionPoint { Int($0) <= position } - 1
    }

    /// The line that holds the token at `position` (counted as postings
    /// are): its source, and its token positions in that source.
    func line(at position: Int) -> (source: Int, tokens: Range<Int>) {
        let doc = source(atPosition: position), base = Int(tokenBase[doc])
        let line = lineStartBits.line(around: position)
        return (doc, line.lowerBound - base..<line.upperBound - base)
    }

    /// The term ids one position of a clause may be. Every token a search
    /// looks at is tested against one: a bit test when a prefix has many
    /// candidates, where hashing each token was a third of a search.
    struct TermSet: Sendable, Sequence {
        let ids: [Int32]
        private let bits: [UInt64]

        init(_ ids: [Int32], vocabularySize: Int) {
            self.ids = ids
            var bits: [UInt64] = []
            if ids.count > 4 {
                bits = Array(repeating: 0, count: (vocabularySize + 63) / 64)
                for id in ids { bits[Int(id) >> 6] |= 1 << UInt64(id & 63) }
            }
            self.bits = bits
        }

        var isEmpty: Bool { ids.isEmpty }

        @inline(__always) func contains(_ id: Int32) -> Bool {
            if bits.isEmpty { return ids.contains(id) }
            return bits[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
        }

        func makeIterator() -> IndexingIterator<[Int32]> { ids.makeIterator() }
    }

    /// A clause resolved against the vocabulary: the term ids each position may be.
    struct Matcher: Sendable {
        let sets: [TermSet]

        init(clause: SearchQuery.Clause, index: SearchIndex) {
            sets = clause.terms.indices.map { TermSet(index.candidates(clause, at: $0), vocabularySize: index.vocabulary.count) }
        }

        /// Calls `body` with the token positions of each place the clause
        /// occurs among `bounds` of `tokens`, until `body` returns false.
        func forEachMatch(in tokens: Tokens, _ bounds: Range<Int>, _ body: (Range<Int>) -> Bool) {
            guard !sets.isEmpty, !sets.contains(where: \.isEmpty), bounds.count >= sets.count else { return }
            var position = bounds.lowerBound
            while position + sets.count <= bounds.upperBound {
                var matches = true
                for (k, allowed) in sets.enumerated() where !allowed.contains(tokens.terms[position + k]) {
                    matches = false
                    break
                }
                if matches && tokens.sameLine(position, position + sets.count - 1), !body(position..<position + sets.count) {
                    return
                }
                position += 1
            }
        }

        /// Whether the clause occurs among `bounds` of `tokens` (the scan stops at the first).
        func occurs(in tokens: Tokens, _ bounds: Range<Int>) -> Bool {
            var found = false
            forEachMatch(in: tokens, bounds) { _ in found = true; return false }
            return found
        }
    }
}

/// What a search found, in the order the browser shows it: events in
/// timeline order, then article lines in source and line order. `ranked`
/// orders both by BM25 score for the command line.
public struct SearchResult: Sendable {
    public struct SourceRange: Sendable, Hashable {
        public let sourceID: String
        public let range: Range<Int>
    }

    public struct EventHit: Sendable {
        /// The event's position in `Corpus.events`.
        public let event: Int
        /// UTF-8 byte ranges of matches in the event's title and summary.
        public var titleRanges: [Range<Int>] = []
        public var summaryRanges: [Range<Int>] = []
        /// In the actors line: actor names joined by ", ".
        public var actorRanges: [Range<Int>] = []
        /// Raw byte ranges of matches inside the event's cited passages.
        public var passageRanges: [SourceRange] = []
        public var score: Double = 0
    }

    /// A line of an article that matches, with matches outside every cited passage.
    public struct ArticleHit: Sendable {
        public let sourceID: String
        public let line: Int
        /// Raw byte ranges of the matches on the line, outside cited passages.
        public let ranges: [Range<Int>]
        public let score: Double
    }

    /// The article lines a search found, in source and line order. Each
    /// line's matches and score are worked out when it is read (the
    /// browser reads the rows it draws), not for every line a keystroke
    /// finds: that was half of a keystroke's work.
    public struct ArticleHits: RandomAccessCollection, Sendable {
        /// Each line as the position of its first token, counted on from
        /// article to article as postings are.
        let lineStarts: [Int]
        let scoring: Scoring

        public var startIndex: Int { 0 }
        public var endIndex: Int { lineStarts.count }

        public subscript(position: Int) -> ArticleHit {
            let index = scoring.index
            let (doc, bounds) = index.line(at: lineStarts[position])
            var hits = SearchIndex.LineHits(index: index, matchers: scoring.clauses.map(\.matchers))
            // The search found every clause on this line with a match
            // outside the cited passages, so this is never nil; were it, the
            // row would show the line unmarked rather than stop the program.
            return hits.hit(source: doc, tokens: bounds, scoring: scoring)
                ?? ArticleHit(sourceID: index.corpus.sources[doc].id, line: Int(index.sourceTokens[doc].line(at: bounds.lowerBound)),
                              ranges: [], score: 0)
        }
    }

    public enum Ranked: Sendable {
        case event(EventHit)
        case article(ArticleHit)

        public var score: Double {
            switch self {
            case .event(let hit): return hit.score
            case .article(let hit): return hit.score
            }
        }
    }

    /// What a result needs to highlight and score a hit when asked: the
    /// clauses resolved against the index, and each clause's weight.
    public struct Scoring: Sendable {
        let index: SearchIndex
        let clauses: [(actors: Set<String>, matchers: [SearchIndex.Matcher])]
        let idf: [Double]

        func bm25(_ frequencies: [Int], length: Int) -> Double {
            let k1 = 1.2, b = 0.75
            return zip(frequencies, idf).reduce(0) { total, pair in
                let tf = Double(pair.0)
                return total + pair.1 * tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / index.averageLength))
            }
        }
    }

    /// Every match in an article, computed when asked for (only the
    /// articles on screen are): `result.highlights[sourceID]`.
    public struct Highlights: Sendable {
        let scoring: Scoring

        /// Raw byte ranges of every match in the source, in order, merged.
        public subscript(sourceID: String) -> [Range<Int>]? {
            let index = scoring.index
            guard !scoring.clauses.isEmpty, let position = index.corpus.sourcePosition(sourceID) else { return nil }
            let tokens = index.sourceTokens[position]
            let ranges = SearchResult.merged(scoring.clauses.flatMap(\.matchers).flatMap {
                index.rawRanges(of: $0, source: position, 0..<tokens.terms.count)
            })
            return ranges.isEmpty ? nil : ranges
        }
    }

    public let query: SearchQuery
    /// The events that match, as positions in `Corpus.events`, ascending
    /// (timeline order).
    public let matchingEvents: [Int]
    public let articleHits: ArticleHits
    /// The article lines stopped at the search's limit: there are more.
    public let articleHitsTruncated: Bool
    let scoring: Scoring
    /// The filter the search ran with (a refinement must share it).
    let filter: EventFilter

    init(query: SearchQuery, filter: EventFilter, matchingEvents: [Int], articleHits: ArticleHits, articleHitsTruncated: Bool,
         scoring: Scoring) {
        self.query = query
        self.filter = filter
        self.matchingEvents = matchingEvents
        self.articleHits = articleHits
        self.articleHitsTruncated = articleHitsTruncated
        self.scoring = scoring
    }

    public var highlights: Highlights { Highlights(scoring: scoring) }

    /// Every matching event with its highlights and score, in timeline
    /// order. This visits them all: the browser asks `hit(forEvent:)` for
    /// the rows it draws instead.
    public var events: [EventHit] {
        matchingEvents.map { scoring.index.eventHit($0, scoring: scoring) }
    }

    public var isEmpty: Bool { matchingEvents.isEmpty && articleHits.isEmpty }

    /// The hit for an event (a position in `Corpus.events`), if it matches:
    /// a binary search, as the timeline asks this for every row it draws.
    public func hit(forEvent event: Int) -> EventHit? {
        let position = matchingEvents.partitionPoint { $0 < event }
        guard position < matchingEvents.count && matchingEvents[position] == event else { return nil }
        return scoring.index.eventHit(event, scoring: scoring)
    }

    /// Ranges sorted, with overlapping and touching ones joined.
    public static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        merge(ranges, into: &out)
        return out
    }

    /// `merged`, into an array kept by the caller (emptied first).
    /// - Parameter joiningTouching: whether ranges that only touch are
    ///   joined (byte ranges) or kept apart (token positions, where touching
    ///   means neighbouring words).
    static func merge(_ ranges: [Range<Int>], into out: inout [Range<Int>], joiningTouching: Bool = true) {
        out.removeAll(keepingCapacity: true)
        let sorted = zip(ranges, ranges.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
            ? ranges : ranges.sorted { $0.lowerBound < $1.lowerBound }
        for range in sorted {
            if let last = out.last, range.lowerBound < last.upperBound || (joiningTouching && range.lowerBound == last.upperBound) {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
    }

    /// Events and article lines together, best first; ties keep timeline order.
    public var ranked: [Ranked] {
        let all = events.map(Ranked.event) + articleHits.map(Ranked.article)
        return all.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
    }
}

extension Array {
    /// The elements in a new array of exactly their number: an array grown
    /// by appending holds up to twice what it uses, and `Array(slice)` of a
    /// whole array may share its storage rather than copy.
    func copiedToSize() -> [Element] {
        guard !isEmpty else { return [] }
        return withUnsafeBufferPointer { source in
            [Element](unsafeUninitializedCapacity: source.count) { buffer, count in
                _ = buffer.initialize(from: source)
                count = source.count
            }
        }
    }
}
