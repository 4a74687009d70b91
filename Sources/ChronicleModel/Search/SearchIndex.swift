import Foundation

/// An inverted index over a corpus: every word of every article (body and
/// front matter, not page furniture) and of every event's title, summary and
/// actors, folded as `SearchTokenizer` folds them, with raw byte offsets so
/// that every pane highlights the same bytes.
///
/// Built once after loading; queries never rescan text. Postings hold
/// (document, token position) pairs so phrases are checked against the
/// token arrays, and prefixes are a binary search in the sorted vocabulary.
public struct SearchIndex: Sendable {
    /// The words of one text, in order, as vocabulary ids and byte offsets.
    struct Tokens: Sendable {
        var terms: [Int32] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        /// Line numbers (sources) or field numbers (events: 0 title, 1 summary, 2 actors).
        var lines: [Int32] = []
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

    let vocabulary: [String: Int32]
    /// The vocabulary sorted, for prefix lookups.
    let sortedTerms: [String]
    let sortedIDs: [Int32]
    let sourceTokens: [Tokens]
    let eventTokens: [Tokens]
    let eventTexts: [EventText]
    /// Per term id: (document << 32 | token position).
    let sourcePostings: [[UInt64]]
    /// The subset of `sourcePostings` inside a cited passage: an event's
    /// passages are searched without walking every occurrence of a word.
    let passagePostings: [[UInt64]]
    let eventPostings: [[UInt64]]
    let citedRanges: [[CitedRange]]
    /// Actor names and aliases, folded, with the actor they name.
    let actorNames: [(terms: [String], actor: String)]
    let eventsOfActor: [String: [Int]]
    /// Token count of each event's own text (title, summary, actors).
    let eventLengths: [Int]
    let indexedLines: Int
    let averageLength: Double

    public let corpus: Corpus

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        var vocabulary: [String: Int32] = [:]
        var sourcePostings: [[UInt64]] = []
        var passagePostings: [[UInt64]] = []
        var eventPostings: [[UInt64]] = []
        func id(_ term: String) -> Int32 {
            if let id = vocabulary[term] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[term] = id
            sourcePostings.append([])
            passagePostings.append([])
            eventPostings.append([])
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

        var sourceTokens: [Tokens] = []
        var indexedLines = 0, totalLength = 0
        sourceTokens.reserveCapacity(corpus.sources.count)
        for (sourceIndex, source) in corpus.sources.enumerated() {
            var tokens = Tokens()
            let display = source.display
            for line in 1...max(1, source.lines.lineCount) where source.lines.lineCount > 0 {
                guard source.furniture(atLine: line) == nil else { continue }
                let raw = source.lines.contentRange(ofLine: line)
                let from = display.displayIndex(atOrAfterRaw: raw.lowerBound)
                let to = display.displayIndex(atOrAfterRaw: raw.upperBound)
                guard from < to else { continue }
                let found = SearchTokenizer.tokens(utf8: display.bytes, range: from..<to)
                guard !found.isEmpty else { continue }
                indexedLines += 1
                totalLength += found.count
                for token in found {
                    let term = id(token.term)
                    let rawRange = display.rawRange(of: token.start..<token.end)
                    let posting = UInt64(sourceIndex) << 32 | UInt64(tokens.terms.count)
                    sourcePostings[Int(term)].append(posting)
                    if citedRanges[sourceIndex].contains(where: { $0.range.contains(rawRange.lowerBound) }) {
                        passagePostings[Int(term)].append(posting)
                    }
                    tokens.terms.append(term)
                    tokens.starts.append(Int32(rawRange.lowerBound))
                    tokens.ends.append(Int32(rawRange.upperBound))
                    tokens.lines.append(Int32(line))
                }
            }
            sourceTokens.append(tokens)
        }

        var eventTokens: [Tokens] = [], eventTexts: [EventText] = [], eventLengths: [Int] = []
        var eventsOfActor: [String: [Int]] = [:]
        for (eventIndex, event) in corpus.events.enumerated() {
            let text = EventText(title: event.title, summary: event.summary ?? "",
                                 actors: event.actors.compactMap { corpus.actor($0)?.name }.joined(separator: ", "))
            var tokens = Tokens()
            for (field, string) in [text.title, text.summary, text.actors].enumerated() {
                for token in SearchTokenizer.tokens(string) {
                    let term = id(token.term)
                    eventPostings[Int(term)].append(UInt64(eventIndex) << 32 | UInt64(tokens.terms.count))
                    tokens.terms.append(term)
                    tokens.starts.append(Int32(token.start))
                    tokens.ends.append(Int32(token.end))
                    tokens.lines.append(Int32(field))
                }
            }
            // An event's length is its own text: matches in its passages add
            // to its term frequency without its quotes diluting the score.
            let length = tokens.terms.count
            for actor in event.actors { eventsOfActor[actor, default: []].append(eventIndex) }
            eventTokens.append(tokens)
            eventTexts.append(text)
            eventLengths.append(length)
            totalLength += length
        }

        let sorted = vocabulary.sorted { $0.key < $1.key }
        self.vocabulary = vocabulary
        self.sortedTerms = sorted.map(\.key)
        self.sortedIDs = sorted.map(\.value)
        self.sourceTokens = sourceTokens
        self.eventTokens = eventTokens
        self.eventTexts = eventTexts
        self.sourcePostings = sourcePostings
        self.passagePostings = passagePostings
        self.eventPostings = eventPostings
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

    /// Calls `body` with (document, first token, token count) for each place
    /// the clause occurs in `postings`, until `body` returns false.
    func forEachOccurrence(of clause: SearchQuery.Clause, matcher: Matcher, postings: [[UInt64]], tokens: [Tokens],
                           _ body: (Int, Int, Int) -> Bool) {
        let sets = matcher.sets
        guard let first = sets.first, !sets.contains(where: \.isEmpty) else { return }
        let later = sets.dropFirst()
        for id in first {
            for posting in postings[Int(id)] {
                let doc = Int(posting >> 32), token = Int(posting & 0xFFFF_FFFF)
                let terms = tokens[doc].terms
                guard token + later.count < terms.count || later.isEmpty else { continue }
                var matches = true
                for (k, allowed) in later.enumerated() where !allowed.contains(terms[token + 1 + k]) {
                    matches = false
                    break
                }
                // A phrase stays within one line (articles) or one field (events:
                // title, summary, actors), whose offsets are counted separately.
                guard matches, tokens[doc].lines[token + later.count] == tokens[doc].lines[token] else { continue }
                if !body(doc, token, sets.count) { return }
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

    // MARK: Searching

    /// Events and article lines that match every clause of `query` and pass
    /// `filter`. An empty query keeps every event the filter keeps.
    /// - Parameter articleHitLimit: stop collecting article lines after this
    ///   many (the result says when it stopped); events are always complete.
    public func search(_ query: SearchQuery, filter: EventFilter = EventFilter(), articleHitLimit: Int = 1_000) -> SearchResult {
        let actorIDs = corpus.actorIDs(of: filter)
        let unfiltered = filter == EventFilter()
        func passes(_ event: Int) -> Bool { unfiltered || corpus.passes(corpus.events[event], filter, actorIDs: actorIDs) }
        guard !query.isEmpty else {
            let filteredEvents = corpus.events.indices.filter(passes)
            return SearchResult(query: query, events: filteredEvents.map { SearchResult.EventHit(event: $0) }, articleHits: [],
                                articleHitsTruncated: false, highlights: SearchResult.Highlights(index: self, matchers: []))
        }

        struct ClauseMatches {
            var events: [Int: Int] = [:]                       // event → matches (tf)
            var eventRanges: [Int: [(field: Int, range: Range<Int>)]] = [:]
            var passageRanges: [Int: [(source: Int, range: Range<Int>)]] = [:]
        }
        // Each clause, with the other names of an actor it names.
        let expanded = query.clauses.map { expansions(of: $0) }
        let matchers = expanded.map { $0.clauses.map { Matcher(clause: $0, index: self) } }
        var perClause: [ClauseMatches] = []
        var occurrenceCounts: [Int] = []
        for ((clauses, actors), clauseMatchers) in zip(expanded, matchers) {
            var matches = ClauseMatches()
            for actor in actors {
                for event in eventsOfActor[actor] ?? [] { matches.events[event, default: 0] += 1 }
            }
            var count = 0
            for (variant, matcher) in zip(clauses, clauseMatchers) {
                forEachOccurrence(of: variant, matcher: matcher, postings: eventPostings, tokens: eventTokens) { doc, token, length in
                    let tokens = eventTokens[doc]
                    let range = Int(tokens.starts[token])..<Int(tokens.ends[token + length - 1])
                    matches.events[doc, default: 0] += 1
                    matches.eventRanges[doc, default: []].append((Int(tokens.lines[token]), range))
                    return true
                }
                // Only the occurrences inside cited passages: the events' own.
                forEachOccurrence(of: variant, matcher: matcher, postings: passagePostings, tokens: sourceTokens) { doc, token, length in
                    let tokens = sourceTokens[doc]
                    let range = Int(tokens.starts[token])..<Int(tokens.ends[token + length - 1])
                    for cited in citedRanges[doc] where cited.range.lowerBound <= range.lowerBound && range.upperBound <= cited.range.upperBound {
                        matches.events[cited.event, default: 0] += 1
                        matches.passageRanges[cited.event, default: []].append((doc, range))
                    }
                    return true
                }
                count += matcher.sets.first.map { $0.reduce(0) { $0 + sourcePostings[Int($1)].count } } ?? 0
            }
            occurrenceCounts.append(count)
            perClause.append(matches)
        }

        // BM25 over units (events and article lines), each clause a term; a
        // clause's document frequency is taken as its events plus its
        // occurrences in articles (counting lines would mean visiting them all).
        let units = Double(corpus.events.count + indexedLines)
        let idf: [Double] = zip(perClause, occurrenceCounts).map { matches, occurrences in
            let n = min(units, Double(matches.events.count + occurrences))
            return log(1 + (units - n + 0.5) / (n + 0.5))
        }
        func bm25(_ frequencies: [Int], length: Int) -> Double {
            let k1 = 1.2, b = 0.75
            return zip(frequencies, idf).reduce(0) { total, pair in
                let tf = Double(pair.0)
                return total + pair.1 * tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / averageLength))
            }
        }

        var events: [SearchResult.EventHit] = []
        // Only the events of the clause with the fewest, in timeline order.
        let fewest = perClause.min { $0.events.count < $1.events.count }?.events.keys.sorted() ?? []
        for event in fewest where passes(event) && perClause.allSatisfy({ $0.events[event] != nil }) {
            var hit = SearchResult.EventHit(event: event)
            for matches in perClause {
                for (field, range) in matches.eventRanges[event] ?? [] {
                    switch field {
                    case 0: hit.titleRanges.append(range)
                    case 1: hit.summaryRanges.append(range)
                    default: hit.actorRanges.append(range)
                    }
                }
                for (source, range) in matches.passageRanges[event] ?? [] {
                    hit.passageRanges.append(SearchResult.SourceRange(sourceID: corpus.sources[source].id, range: range))
                }
            }
            // "ISIS-K" and its alias "ISIS" overlap: one highlight, not two.
            hit.titleRanges = SearchResult.merged(hit.titleRanges)
            hit.summaryRanges = SearchResult.merged(hit.summaryRanges)
            hit.actorRanges = SearchResult.merged(hit.actorRanges)
            hit.passageRanges = Dictionary(grouping: hit.passageRanges, by: \.sourceID).sorted { $0.key < $1.key }.flatMap { sourceID, ranges in
                SearchResult.merged(ranges.map(\.range)).map { SearchResult.SourceRange(sourceID: sourceID, range: $0) }
            }
            hit.score = bm25(perClause.map { $0.events[event] ?? 0 }, length: eventLengths[event])
            events.append(hit)
        }

        // Article lines: walk the rarest clause's occurrences, check the other
        // clauses on that line only, and stop at the limit, so a common word
        // costs what the screen shows, not every place it occurs.
        let sourceAllowed: (Int) -> Bool = { index in
            let source = self.corpus.sources[index]
            if let only = filter.source, only != source.id { return false }
            if let within = filter.within, !source.published.date.overlaps(within) { return false }
            return true
        }
        let rarest = occurrenceCounts.indices.min { occurrenceCounts[$0] < occurrenceCounts[$1] } ?? 0
        var articleHits: [SearchResult.ArticleHit] = []
        var visited = Set<UInt64>()
        var truncated = false
        scan: for (variant, matcher) in zip(expanded[rarest].clauses, matchers[rarest]) {
            var stop = false
            forEachOccurrence(of: variant, matcher: matcher, postings: sourcePostings, tokens: sourceTokens) { doc, token, _ in
                let line = Int(sourceTokens[doc].lines[token])
                guard visited.insert(UInt64(doc) << 32 | UInt64(line)).inserted, sourceAllowed(doc) else { return true }
                let bounds = lineBounds(source: doc, line: line)
                var ranges: [Range<Int>] = [], frequencies: [Int] = []
                for clauseMatchers in matchers {
                    let found = clauseMatchers.flatMap { $0.ranges(in: sourceTokens[doc], bounds) }
                    guard !found.isEmpty else { return true }
                    ranges += found
                    frequencies.append(found.count)
                }
                let outside = SearchResult.merged(ranges).filter { range in
                    !citedRanges[doc].contains { $0.range.lowerBound <= range.lowerBound && range.upperBound <= $0.range.upperBound }
                }
                guard !outside.isEmpty else { return true }
                articleHits.append(SearchResult.ArticleHit(sourceID: corpus.sources[doc].id, line: line, ranges: outside,
                                                           score: bm25(frequencies, length: bounds.count)))
                if articleHits.count >= articleHitLimit { truncated = true; stop = true; return false }
                return true
            }
            if stop { break scan }
        }
        let order = Dictionary(uniqueKeysWithValues: corpus.sources.enumerated().map { ($1.id, $0) })
        articleHits.sort { (order[$0.sourceID] ?? 0, $0.line) < (order[$1.sourceID] ?? 0, $1.line) }
        return SearchResult(query: query, events: events, articleHits: articleHits, articleHitsTruncated: truncated,
                            highlights: SearchResult.Highlights(index: self, matchers: matchers.flatMap { $0 }))
    }

    /// The tokens of a line of a source, as a range of token positions.
    func lineBounds(source: Int, line: Int) -> Range<Int> {
        let lines = sourceTokens[source].lines, target = Int32(line)
        return lines.partitionPoint { $0 < target }..<lines.partitionPoint { $0 <= target }
    }

    /// A clause resolved against the vocabulary: the term ids each position may be.
    struct Matcher: Sendable {
        let sets: [Set<Int32>]

        init(clause: SearchQuery.Clause, index: SearchIndex) {
            sets = clause.terms.indices.map { Set(index.candidates(clause, at: $0)) }
        }

        /// Raw ranges where the clause occurs among `bounds` of `tokens`.
        func ranges(in tokens: Tokens, _ bounds: Range<Int>) -> [Range<Int>] {
            guard !sets.isEmpty, !sets.contains(where: \.isEmpty), bounds.count >= sets.count else { return [] }
            var found: [Range<Int>] = []
            var position = bounds.lowerBound
            while position + sets.count <= bounds.upperBound {
                var matches = true
                for (k, allowed) in sets.enumerated() where !allowed.contains(tokens.terms[position + k]) {
                    matches = false
                    break
                }
                if matches && tokens.lines[position + sets.count - 1] == tokens.lines[position] {
                    found.append(Int(tokens.starts[position])..<Int(tokens.ends[position + sets.count - 1]))
                }
                position += 1
            }
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

    /// Every match in an article, computed when asked for (only the
    /// articles on screen are): `result.highlights[sourceID]`.
    public struct Highlights: Sendable {
        let index: SearchIndex
        let matchers: [SearchIndex.Matcher]

        /// Raw byte ranges of every match in the source, in order, merged.
        public subscript(sourceID: String) -> [Range<Int>]? {
            guard !matchers.isEmpty, let position = index.corpus.sourcePosition(sourceID) else { return nil }
            let tokens = index.sourceTokens[position]
            let ranges = SearchResult.merged(matchers.flatMap { $0.ranges(in: tokens, 0..<tokens.terms.count) })
            return ranges.isEmpty ? nil : ranges
        }
    }

    public let query: SearchQuery
    public let events: [EventHit]
    public let articleHits: [ArticleHit]
    /// The article lines stopped at the search's limit: there are more.
    public let articleHitsTruncated: Bool
    public let highlights: Highlights

    public var isEmpty: Bool { events.isEmpty && articleHits.isEmpty }

    /// The hit for an event (a position in `Corpus.events`), if it matches.
    /// `events` is in timeline order, which is ascending position: a binary
    /// search, as the timeline asks this for every row it draws.
    public func hit(forEvent event: Int) -> EventHit? {
        let index = events.partitionPoint { $0.event < event }
        return index < events.count && events[index].event == event ? events[index] : nil
    }

    /// Ranges sorted, with overlapping and touching ones joined.
    public static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, range.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }

    /// Events and article lines together, best first; ties keep timeline order.
    public var ranked: [Ranked] {
        let all = events.map(Ranked.event) + articleHits.map(Ranked.article)
        return all.enumerated().sorted { a, b in
            a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset
        }.map(\.element)
    }
}
