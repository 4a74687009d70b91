import CModelSupport
import Dispatch
import Foundation

/// An inverted index over a corpus: every word of every article (body and
/// front matter, not page furniture) and of every event's title, summary and
/// actors, folded as `SearchTokenizer` folds them, with raw byte offsets so
/// that every pane highlights the same bytes.
///
/// Built once after loading; queries never rescan text. Postings hold token
/// positions (counted on from article to article) so phrases are checked
/// against the token arrays, and prefixes are a binary search in the sorted
/// vocabulary.
public struct SearchIndex: Sendable {
    /// The words of one text, in order, as vocabulary ids and byte offsets.
    struct Tokens: Sendable {
        var terms: [Int32] = []
        var starts: [Int32] = []
        /// Each token's length in raw bytes; `Tokens.long` stands for one of
        /// 255 or more, whose end is in `longEnds`. A byte, not a 4-byte end:
        /// 36 MB less at 20,000 articles.
        var lengths: [UInt8] = []
        var longEnds: [Int32: Int32] = [:]
        static let long = UInt8.max
        /// Where each line (sources) or field (events: 0 title, 1 summary,
        /// 2 actors) begins: its number and its first token, ascending. One
        /// entry per line, not a line number per token (48 MB at 20,000 articles).
        var lineStarts: [(line: Int32, token: Int32)] = []

        mutating func append(term: Int32, start: Int, end: Int, line: Int) {
            if lineStarts.last?.line != Int32(line) { lineStarts.append((Int32(line), Int32(terms.count))) }
            if end - start < Int(Self.long) {
                lengths.append(UInt8(end - start))
            } else {
                lengths.append(Self.long)
                longEnds[Int32(terms.count)] = Int32(end)
            }
            terms.append(term)
            starts.append(Int32(start))
        }

        /// The raw offset just past the token at `position`.
        @inline(__always) func end(_ position: Int) -> Int {
            let length = lengths[position]
            return length != Self.long ? Int(starts[position]) + Int(length) : Int(longEnds[Int32(position)]!)
        }

        mutating func removeAll() {
            terms.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            lengths.removeAll(keepingCapacity: true)
            longEnds.removeAll()
            lineStarts.removeAll(keepingCapacity: true)
        }

        /// A copy in arrays of their own that hold no spare room.
        func copiedToSize() -> Tokens {
            Tokens(terms: terms.copiedToSize(), starts: starts.copiedToSize(), lengths: lengths.copiedToSize(),
                   longEnds: longEnds, lineStarts: lineStarts.copiedToSize())
        }

        /// The line (or field) of the token at `position`.
        func line(at position: Int) -> Int32 {
            lineStarts[lineStarts.partitionPoint { Int($0.token) <= position } - 1].line
        }

        /// Whether the tokens from `first` to `last` lie on one line.
        func sameLine(_ first: Int, _ last: Int) -> Bool {
            first == last || line(at: first) == line(at: last)
        }

        /// The token positions of a line (empty when it has none).
        func positions(ofLine line: Int32) -> Range<Int> {
            let k = lineStarts.partitionPoint { $0.line < line }
            guard k < lineStarts.count, lineStarts[k].line == line else { return 0..<0 }
            return Int(lineStarts[k].token)..<(k + 1 < lineStarts.count ? Int(lineStarts[k + 1].token) : terms.count)
        }
    }

    /// The words of some articles with a vocabulary of their own: what one
    /// core builds while the other does the rest.
    struct ArticleTokens: Sendable {
        var vocabulary: [String: Int32] = [:]
        /// Token positions counted on from this half's first article (the
        /// second half's are moved on past the first's when they are joined).
        var postings: [[UInt32]] = []
        var tokens: [Tokens] = []
        var indexedLines = 0, totalLength = 0
        /// The tokens of this half's articles.
        var tokenCount = 0

        init() {}

        init(_ sources: [Source], _ range: Range<Int>) {
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
                postings.append([])
                return id
            }
            self.tokens.reserveCapacity(range.count)
            // Built in arrays kept from one article to the next, then copied
            // at their size: grown by appending, they held a third more.
            var tokens = Tokens()
            for sourceIndex in range {
                let source = sources[sourceIndex]
                tokens.removeAll()
                let display = source.display
                display.bytes.withUnsafeBufferPointer { bytes in
                    for line in 1...max(1, source.lines.lineCount) where source.lines.lineCount > 0 {
                        guard source.furniture(atLine: line) == nil else { continue }
                        let raw = source.lines.contentRange(ofLine: line)
                        let from = display.displayIndex(atOrAfterRaw: raw.lowerBound)
                        let to = display.displayIndex(atOrAfterRaw: raw.upperBound)
                        guard from < to else { continue }
                        let before = tokens.terms.count
                        SearchTokenizer.forEachToken(utf8: bytes, range: from..<to) { term, start, end in
                            let term = id(term)
                            let rawRange = display.rawRange(of: start..<end)
                            let position = tokenCount + tokens.terms.count
                            if position < Int(UInt32.max) { postings[Int(term)].append(UInt32(position)) }
                            tokens.append(term: term, start: rawRange.lowerBound, end: rawRange.upperBound, line: line)
                        }
                        let found = tokens.terms.count - before
                        if found > 0 {
                            indexedLines += 1
                            totalLength += found
                        }
                    }
                }
                tokenCount += tokens.terms.count
                self.tokens.append(tokens.copiedToSize())
            }
        }
    }

    /// Some events' own words, numbered in the articles' vocabulary (a word
    /// new to it as -1, -2, … in `newTerms`), and their passages' tokens.
    struct EventTokens: Sendable {
        var texts: [EventText] = []
        var tokens: [Tokens] = []
        var passages: [[PassageTokens]] = []
        var newTerms: [String] = []

        init(_ corpus: Corpus, _ range: Range<Int>, vocabulary: [String: Int32], sourceTokens: [Tokens]) {
            var newIDs: [String: Int32] = [:]
            var tokens = Tokens()
            for eventIndex in range {
                let event = corpus.events[eventIndex]
                let text = EventText(title: event.title, summary: event.summary ?? "",
                                     actors: event.actors.compactMap { corpus.actor($0)?.name }.joined(separator: ", "))
                tokens.removeAll()
                for (field, string) in [text.title, text.summary, text.actors].enumerated() {
                    for token in SearchTokenizer.tokens(string) {
                        let term: Int32
                        if let known = vocabulary[token.term] ?? newIDs[token.term] {
                            term = known
                        } else {
                            newTerms.append(token.term)
                            term = -Int32(newTerms.count)
                            newIDs[token.term] = term
                        }
                        tokens.append(term: term, start: token.start, end: token.end, line: field)
                    }
                }
                // The tokens wholly inside each cited passage.
                var passages: [PassageTokens] = []
                for citation in event.citations {
                    guard let sourceIndex = corpus.sourcePosition(citation.sourceID) else { continue }
                    let source = sourceTokens[sourceIndex], range = citation.passage.range
                    let lower = source.starts.partitionPoint { Int($0) < range.lowerBound }
                    let upper = source.terms.indices.partitionPoint { source.end($0) <= range.upperBound }
                    if lower < upper { passages.append(PassageTokens(source: Int32(sourceIndex), tokens: Int32(lower)..<Int32(upper))) }
                }
                texts.append(text)
                self.tokens.append(tokens.copiedToSize())
                self.passages.append(passages)
            }
        }
    }

    /// An event's searchable text: title, summary and actor names.
    public struct EventText: Sendable {
        public let title: String
        public let summary: String
        public let actors: String
    }

    struct CitedRange: Sendable {
        let range: Range<Int>
        let event: Int
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
    let eventTokens: [Tokens]
    let eventTexts: [EventText]
    /// Per term id, ascending: where it occurs in the articles, as a token
    /// position counted on from the article's `tokenBase`.
    let sourcePostings: [[UInt32]]
    /// Per source, the number its first token is given in the postings (and
    /// one past the last source's last token).
    let tokenBase: [UInt32]
    /// Per term id: the events, ascending, whose own text or cited passages
    /// hold the word. A keystroke unions and intersects these; positions
    /// are looked at only for phrases and for the rows on screen.
    let eventsOfTerm: [[Int32]]
    /// Per event: the token ranges of its cited passages.
    let passageTokens: [[PassageTokens]]
    let citedRanges: [[CitedRange]]
    /// Actor names and aliases, folded, with the actor they name.
    let actorNames: [(terms: [String], actor: String)]
    let eventsOfActor: [String: [Int32]]
    /// Token count of each event's own text (title, summary, actors).
    let eventLengths: [Int]
    let indexedLines: Int
    let averageLength: Double

    public let corpus: Corpus

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        var vocabulary: [String: Int32] = [:]
        var sourcePostings: [[UInt32]] = []
        func id(_ term: String) -> Int32 {
            if let id = vocabulary[term] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[term] = id
            sourcePostings.append([])
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
        DispatchQueue.concurrentPerform(iterations: halves.count) { part in
            parts.put(part, ArticleTokens(corpus.sources, halves[part]))
        }
        // Taken, not copied, and the second half released as it is merged:
        // two halves and a merged copy at once would be a fifth more memory.
        var first = parts.take(0), second = parts.take(1)
        // Each article's words numbered on from the previous article's: a
        // posting is one 32-bit number, not a (source, position) pair in 64
        // bits (48 MB less at 20,000 articles). Words past the 4,294,967,295th
        // of a corpus (far more than memory would hold) are not posted.
        let secondStart = first.tokenCount
        var tokenBase: [UInt32] = [0]
        tokenBase.reserveCapacity(corpus.sources.count + 1)
        var total = 0
        for tokens in [first.tokens, second.tokens].joined() {
            total += tokens.terms.count
            tokenBase.append(UInt32(min(total, Int(UInt32.max))))
        }
        vocabulary = first.vocabulary
        sourcePostings = Array(repeating: [], count: first.postings.count)
        // In the second half's own order, so that numbering does not hang on hashing.
        var secondTerms = [String](repeating: "", count: second.vocabulary.count)
        for (term, local) in second.vocabulary { secondTerms[Int(local)] = term }
        var renumber = [Int32](repeating: 0, count: secondTerms.count)
        for (local, term) in secondTerms.enumerated() { renumber[local] = id(term) }
        var fromSecond = [Int32](repeating: -1, count: sourcePostings.count)
        for (local, global) in renumber.enumerated() { fromSecond[Int(global)] = Int32(local) }
        // Each word's postings joined, in source order, into an array of
        // exactly their size: grown by appending, they held a third more.
        for global in sourcePostings.indices {
            let local = Int(fromSecond[global])
            let firstPart = global < first.postings.count ? first.postings[global] : []
            let secondPart = local >= 0 ? second.postings[local] : []
            var joined = [UInt32]()
            joined.reserveCapacity(firstPart.count + secondPart.count)
            joined += firstPart
            for posting in secondPart where Int(posting) + secondStart < Int(UInt32.max) {
                joined.append(UInt32(Int(posting) + secondStart))
            }
            if global < first.postings.count { first.postings[global] = [] }
            if local >= 0 { second.postings[local] = [] }
            sourcePostings[global] = joined
        }
        var sourceTokens = first.tokens
        first.tokens = []
        sourceTokens.reserveCapacity(corpus.sources.count)
        for index in second.tokens.indices {
            var tokens = second.tokens[index]
            second.tokens[index] = Tokens()
            for position in tokens.terms.indices { tokens.terms[position] = renumber[Int(tokens.terms[position])] }
            sourceTokens.append(tokens)
        }
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
        let articleVocabulary = vocabulary, articleTokens = sourceTokens
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            eventParts.put(part, EventTokens(corpus, part == 0 ? 0..<eventHalf : eventHalf..<corpus.events.count,
                                             vocabulary: articleVocabulary, sourceTokens: articleTokens))
        }
        var eventTokens: [Tokens] = [], eventTexts: [EventText] = [], eventLengths: [Int] = []
        var eventsOfActor: [String: [Int32]] = [:]
        var passageTokens: [[PassageTokens]] = []
        var eventsOfTerm = Array(repeating: [Int32](), count: vocabulary.count)
        eventTokens.reserveCapacity(corpus.events.count)
        passageTokens.reserveCapacity(corpus.events.count)
        for part in 0..<2 {
            var tokensOfPart = eventParts.take(part)
            // A word new to the vocabulary was numbered -1, -2, … in its half.
            let newIDs = tokensOfPart.newTerms.map(id)
            let offset = part == 0 ? 0 : eventHalf
            for index in tokensOfPart.tokens.indices {
                var tokens = tokensOfPart.tokens[index]
                tokensOfPart.tokens[index] = Tokens()
                for position in tokens.terms.indices where tokens.terms[position] < 0 {
                    tokens.terms[position] = newIDs[Int(-tokens.terms[position]) - 1]
                }
                let eventIndex = offset + index, event = corpus.events[eventIndex]
                let passages = tokensOfPart.passages[index]
                // Events are visited in order, so each list stays ascending; a
                // word seen twice in one event is listed once.
                let event32 = Int32(eventIndex)
                func list(_ term: Int32) {
                    let term = Int(term)
                    if term >= eventsOfTerm.count { eventsOfTerm.append(contentsOf: repeatElement([], count: term - eventsOfTerm.count + 1)) }
                    if eventsOfTerm[term].last != event32 { eventsOfTerm[term].append(event32) }
                }
                tokens.terms.forEach(list)
                for passage in passages {
                    let terms = sourceTokens[Int(passage.source)].terms
                    for position in passage.tokens { list(terms[Int(position)]) }
                }
                // An event's length is its own text: matches in its passages add
                // to its term frequency without its quotes diluting the score.
                let length = tokens.terms.count
                for actor in event.actors { eventsOfActor[actor, default: []].append(event32) }
                eventTokens.append(tokens)
                eventTexts.append(tokensOfPart.texts[index])
                eventLengths.append(length)
                passageTokens.append(passages)
                totalLength += length
            }
        }
        eventsOfTerm.append(contentsOf: repeatElement([], count: max(0, vocabulary.count - eventsOfTerm.count)))

        let sorted = vocabulary.sorted { $0.key < $1.key }
        self.vocabulary = vocabulary
        self.sortedTerms = sorted.map(\.key)
        self.sortedIDs = sorted.map(\.value)
        self.sourceTokens = sourceTokens
        self.eventTokens = eventTokens
        self.eventTexts = eventTexts
        self.sourcePostings = sourcePostings
        self.tokenBase = tokenBase
        self.eventsOfTerm = eventsOfTerm
        self.passageTokens = passageTokens
        self.citedRanges = citedRanges
        self.actorNames = corpus.actors.flatMap { actor in actor.names.map { (SearchTokenizer.terms($0), actor.id) } }
            .filter { !$0.0.isEmpty }
        self.eventsOfActor = eventsOfActor
        self.eventLengths = eventLengths
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
        let later = sets.dropFirst()
        for id in first {
            var doc = 0
            for posting in sourcePostings[Int(id)] {
                // Postings ascend: the source is the current one or a later
                // one, found by doubling then halving from it.
                if posting >= tokenBase[doc + 1] {
                    var step = 1
                    while doc + step + 1 < tokenBase.count && tokenBase[doc + step + 1] <= posting { step *= 2 }
                    doc = tokenBase[(doc + 1)..<min(tokenBase.count, doc + step + 2)].partitionPoint { $0 <= posting } - 1
                }
                let token = Int(posting - tokenBase[doc])
                let terms = sourceTokens[doc].terms
                guard token + later.count < terms.count || later.isEmpty else { continue }
                var matches = true
                for (k, allowed) in later.enumerated() where !allowed.contains(terms[token + 1 + k]) {
                    matches = false
                    break
                }
                // A phrase stays within one line, whose offsets are counted separately.
                guard matches, sourceTokens[doc].sameLine(token, token + later.count) else { continue }
                if !body(doc, token) { return }
            }
        }
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
        var sets: [EventSet] = []
        for allowed in matcher.sets {
            var set = EventSet(capacity: corpus.events.count)
            for id in allowed { set.insert(contentsOf: eventsOfTerm[Int(id)]) }
            sets.append(set)
        }
        result = sets[0]
        guard sets.count > 1 else { return result }
        for set in sets.dropFirst() { result.formIntersection(set) }
        var checked = EventSet(capacity: corpus.events.count)
        for event in result.elements() where matchCount(matcher, inEvent: event) > 0 { checked.insert(event) }
        return checked
    }

    /// How often the clause occurs in an event's own text and cited passages.
    func matchCount(_ matcher: Matcher, inEvent event: Int) -> Int {
        let own = eventTokens[event]
        var count = matcher.ranges(in: own, 0..<own.terms.count).count
        for passage in passageTokens[event] {
            count += matcher.ranges(in: sourceTokens[Int(passage.source)], Int(passage.tokens.lowerBound)..<Int(passage.tokens.upperBound)).count
        }
        return count
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
            return SearchResult(query: query, filter: filter, matchingEvents: corpus.events.indices.filter(passes), articleHits: [],
                                articleHitsTruncated: false, scoring: SearchResult.Scoring(index: self, clauses: [], idf: []))
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
                occurrences += matcher.sets.first.map { $0.reduce(0) { $0 + sourcePostings[Int($1)].count } } ?? 0
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
        var lines = LineHits(index: self, matchers: matchers, rarest: rarest, scoring: scoring)
        func hit(source doc: Int, line: Int) -> SearchResult.ArticleHit? { lines.hit(source: doc, line: line) }
        var articleHits: [(source: Int, hit: SearchResult.ArticleHit)] = []
        var truncated = false
        // Typing on: the lines that matched a keystroke ago are all there can
        // be, unless an actor's name now brings in its aliases.
        let newAliases = zip(expanded, query.clauses).enumerated().contains { position, pair in
            !pair.0.actors.isEmpty && !(previous.map { position < $0.query.clauses.count && $0.query.clauses[position].terms == pair.1.terms
                                                         && $0.query.clauses[position].prefix == pair.1.prefix } ?? false)
        }
        if let previous, previous.filter == filter, !previous.articleHitsTruncated, !newAliases, query.narrows(previous.query) {
            for old in previous.articleHits {
                guard let doc = corpus.sourcePosition(old.sourceID), let found = hit(source: doc, line: old.line) else { continue }
                articleHits.append((doc, found))
                if articleHits.count >= articleHitLimit { truncated = true; break }
            }
        } else {
            // One word's postings come in order, so a line repeats only
            // right after itself; several words' may meet a line again.
            let inOrder = matchers[rarest].count == 1 && matchers[rarest][0].sets.first?.ids.count == 1
            var visited = Set<UInt64>(), last = UInt64.max
            scan: for matcher in matchers[rarest] {
                var stop = false
                forEachOccurrence(of: matcher) { doc, token in
                    let line = Int(sourceTokens[doc].line(at: token))
                    let key = UInt64(doc) << 32 | UInt64(line)
                    guard key != last, inOrder || visited.insert(key).inserted else { return true }
                    last = key
                    guard sourceAllowed(doc), let found = hit(source: doc, line: line) else { return true }
                    articleHits.append((doc, found))
                    if articleHits.count >= articleHitLimit { truncated = true; stop = true; return false }
                    return true
                }
                if stop { break scan }
            }
        }
        articleHits.sort { ($0.source, $0.hit.line) < ($1.source, $1.hit.line) }
        return SearchResult(query: query, filter: filter, matchingEvents: events, articleHits: articleHits.map(\.hit),
                            articleHitsTruncated: truncated, scoring: scoring)
    }

    /// The hit each line of an article makes for a query. Its arrays are
    /// kept from one line to the next: a line that matches used to cost
    /// eight arrays made and freed (four-fifths of a keystroke's work), and,
    /// held as locals a nested function changed, every append was checked
    /// for exclusive access at run time (a quarter of what was left).
    struct LineHits {
        let index: SearchIndex
        let matchers: [[Matcher]]
        let rarest: Int
        let scoring: SearchResult.Scoring
        private var found: [Range<Int>] = [], merged: [Range<Int>] = [], frequencies: [Int] = []
        init(index: SearchIndex, matchers: [[Matcher]], rarest: Int, scoring: SearchResult.Scoring) {
            self.index = index
            self.matchers = matchers
            self.rarest = rarest
            self.scoring = scoring
            found.reserveCapacity(16)
            merged.reserveCapacity(16)
            frequencies.reserveCapacity(matchers.count)
        }

        /// The hit a line of an article makes, if every clause is on it and
        /// a match lies outside the cited passages.
        mutating func hit(source doc: Int, line: Int) -> SearchResult.ArticleHit? {
            let bounds = index.lineBounds(source: doc, line: line)
            // Whether every other clause is on this line at all, from its
            // postings where it can (a binary search each), before
            // scanning the line's tokens for the ranges to highlight.
            for (other, clauseMatchers) in matchers.enumerated() where other != rarest {
                guard clauseMatchers.contains(where: { index.mayOccur($0, source: doc, tokens: bounds) }) else { return nil }
            }
            found.removeAll(keepingCapacity: true)
            frequencies.removeAll(keepingCapacity: true)
            let tokens = index.sourceTokens[doc]
            for clauseMatchers in matchers {
                let before = found.count
                for matcher in clauseMatchers {
                    matcher.forEachMatch(in: tokens, bounds) { _, range in found.append(range); return true }
                }
                guard found.count > before else { return nil }
                frequencies.append(found.count - before)
            }
            SearchResult.merge(found, into: &merged)
            let cited = index.citedRanges[doc]
            let outside = merged.filter { range in
                !cited.contains { $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound }
            }
            guard !outside.isEmpty else { return nil }
            return SearchResult.ArticleHit(sourceID: index.corpus.sources[doc].id, line: line, ranges: outside,
                                           score: scoring.bm25(frequencies, length: bounds.count))
        }
    }

    /// One event's matches, highlighted and scored: asked for by the rows on
    /// screen and the event pane, never for every event a keystroke finds.
    func eventHit(_ event: Int, scoring: SearchResult.Scoring) -> SearchResult.EventHit {
        var hit = SearchResult.EventHit(event: event)
        let clauses = scoring.clauses
        guard !clauses.isEmpty else { return hit }
        let own = eventTokens[event]
        let involved = Set(corpus.events[event].actors)
        var frequencies: [Int] = []
        for (actors, matchers) in clauses {
            var frequency = actors.intersection(involved).count
            for matcher in matchers {
                matcher.forEachMatch(in: own, 0..<own.terms.count) { position, range in
                    frequency += 1
                    switch own.line(at: position) {
                    case 0: hit.titleRanges.append(range)
                    case 1: hit.summaryRanges.append(range)
                    default: hit.actorRanges.append(range)
                    }
                    return true
                }
                for passage in passageTokens[event] {
                    let tokens = sourceTokens[Int(passage.source)], sourceID = corpus.sources[Int(passage.source)].id
                    matcher.forEachMatch(in: tokens, Int(passage.tokens.lowerBound)..<Int(passage.tokens.upperBound)) { _, range in
                        frequency += 1
                        hit.passageRanges.append(SearchResult.SourceRange(sourceID: sourceID, range: range))
                        return true
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
        hit.score = scoring.bm25(frequencies, length: eventLengths[event])
        return hit
    }

    /// False when the clause cannot occur among `tokens` of a source: none of
    /// its first word's few candidates is posted there, or, for a prefix of
    /// many words, the line holds none (the scan stopping at the first).
    /// True otherwise (a phrase is then checked in order).
    func mayOccur(_ matcher: Matcher, source: Int, tokens: Range<Int>) -> Bool {
        guard let first = matcher.sets.first, !first.isEmpty else { return false }
        guard first.ids.count <= 8 else { return matcher.occurs(in: sourceTokens[source], tokens) }
        let base = Int(tokenBase[source])
        let from = UInt32(min(base + tokens.lowerBound, Int(UInt32.max))), to = UInt32(min(base + tokens.upperBound, Int(UInt32.max)))
        return first.ids.contains { id in
            let postings = sourcePostings[Int(id)]
            let at = postings.partitionPoint { $0 < from }
            return at < postings.count && postings[at] < to
        }
    }

    /// The tokens of a line of a source, as a range of token positions.
    func lineBounds(source: Int, line: Int) -> Range<Int> {
        sourceTokens[source].positions(ofLine: Int32(line))
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

        /// Calls `body` with the first token position and the raw range of
        /// each place the clause occurs among `bounds` of `tokens`, until
        /// `body` returns false.
        func forEachMatch(in tokens: Tokens, _ bounds: Range<Int>, _ body: (Int, Range<Int>) -> Bool) {
            guard !sets.isEmpty, !sets.contains(where: \.isEmpty), bounds.count >= sets.count else { return }
            var position = bounds.lowerBound
            while position + sets.count <= bounds.upperBound {
                var matches = true
                for (k, allowed) in sets.enumerated() where !allowed.contains(tokens.terms[position + k]) {
                    matches = false
                    break
                }
                if matches && tokens.sameLine(position, position + sets.count - 1),
                   !body(position, Int(tokens.starts[position])..<tokens.end(position + sets.count - 1)) {
                    return
                }
                position += 1
            }
        }

        /// Raw ranges where the clause occurs among `bounds` of `tokens`.
        func ranges(in tokens: Tokens, _ bounds: Range<Int>) -> [Range<Int>] {
            var found: [Range<Int>] = []
            forEachMatch(in: tokens, bounds) { found.append($1); return true }
            return found
        }

        /// Whether the clause occurs among `bounds` of `tokens` (the scan stops at the first).
        func occurs(in tokens: Tokens, _ bounds: Range<Int>) -> Bool {
            var found = false
            forEachMatch(in: tokens, bounds) { _, _ in found = true; return false }
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
            let ranges = SearchResult.merged(scoring.clauses.flatMap(\.matchers).flatMap { $0.ranges(in: tokens, 0..<tokens.terms.count) })
            return ranges.isEmpty ? nil : ranges
        }
    }

    public let query: SearchQuery
    /// The events that match, as positions in `Corpus.events`, ascending
    /// (timeline order).
    public let matchingEvents: [Int]
    public let articleHits: [ArticleHit]
    /// The article lines stopped at the search's limit: there are more.
    public let articleHitsTruncated: Bool
    let scoring: Scoring
    /// The filter the search ran with (a refinement must share it).
    let filter: EventFilter

    init(query: SearchQuery, filter: EventFilter, matchingEvents: [Int], articleHits: [ArticleHit], articleHitsTruncated: Bool,
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
    static func merge(_ ranges: [Range<Int>], into out: inout [Range<Int>]) {
        out.removeAll(keepingCapacity: true)
        let sorted = zip(ranges, ranges.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
            ? ranges : ranges.sorted { $0.lowerBound < $1.lowerBound }
        for range in sorted {
            if let last = out.last, range.lowerBound <= last.upperBound {
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
