import Foundation

extension SearchIndex {
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
            let scoring = SearchResult.Scoring(index: self, clauses: [], weights: [])
            return SearchResult(query: query, filter: filter, matchingEvents: corpus.events.indices.filter(passes),
                                articleHits: SearchResult.ArticleHits(linePositions: [], scoring: scoring), articleHitsTruncated: false, scoring: scoring)
        }

        // Each clause, with the other names of an actor it names.
        let expanded = query.clauses.map { expansions(of: $0) }
        let matchers = expanded.map { $0.clauses.map { Matcher(clause: $0, index: self) } }
        var matching: EventSet?
        var weights: [Double] = []
        // Each clause's occurrences in articles (of its first word): its
        // weight below, and which clause the article scan walks.
        var occurrenceCounts: [Int] = []
        for ((_, actors), clauseMatchers) in zip(expanded, matchers) {
            var clauseEvents = EventSet(capacity: corpus.events.count)
            for actor in actors { clauseEvents.insert(contentsOf: eventsOfActor[actor] ?? []) }
            var occurrences = 0
            for matcher in clauseMatchers {
                clauseEvents.formUnion(events(matching: matcher))
                occurrences += matcher.sets.first.map(self.occurrences(of:)) ?? 0
            }
            occurrenceCounts.append(occurrences)
            weights.append(ranking.weight(events: clauseEvents.count, occurrences: occurrences))
            if matching == nil { matching = clauseEvents } else { matching!.formIntersection(clauseEvents) }
        }
        let scoring = SearchResult.Scoring(index: self, clauses: zip(expanded, matchers).map { ($0.actors, $1) }, weights: weights)
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
            for start in previous.articleHits.linePositions {
                let (source, bounds) = line(at: start)
                guard check.matches(source: source, tokens: bounds) else { continue }
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
                forEachOccurrence(of: matcher) { source, token in
                    // The line's bounds from the bitset of line starts, which
                    // the walk reads in ascending order: an occurrence whose
                    // line lacks another clause is passed over without
                    // reading anything of its article's.
                    let base = Int(tokenBase[source])
                    let bounds = lineStartBits.line(around: base + token)
                    guard bounds.lowerBound != last, inOrder || visited.insert(bounds.lowerBound).inserted else { return true }
                    last = bounds.lowerBound
                    guard check.othersMayBe(on: bounds), sourceAllowed(source),
                          check.matches(source: source, tokens: bounds.lowerBound - base..<bounds.upperBound - base,
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
                            articleHits: SearchResult.ArticleHits(linePositions: found, scoring: scoring),
                            articleHitsTruncated: truncated, scoring: scoring)
    }

    /// The vocabulary ids a clause's term at `position` may be.
    func candidates(_ clause: SearchQuery.Clause, at position: Int) -> [Int32] {
        let term = clause.terms[position]
        // A one-letter prefix would match most of the vocabulary: the
        // prefix starts with the second letter typed.
        var lo = sortedTerms.partitionPoint { $0 < term }
        guard clause.prefix && position == clause.terms.count - 1 && term.count >= 2 else {
            return lo < sortedTerms.count && sortedTerms[lo] == term ? [sortedIDs[lo]] : []
        }
        var ids: [Int32] = []
        while lo < sortedTerms.count && sortedTerms[lo].hasPrefix(term) {
            ids.append(sortedIDs[lo])
            lo += 1
        }
        return ids
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
            var source = 0, stopped = false
            sourcePostings[Int(id)].forEach { posting in
                // Postings ascend: the source is the current one or a later
                // one, found by doubling then halving from it.
                if posting >= tokenBase[source + 1] {
                    var step = 1
                    while source + step + 1 < tokenBase.count && tokenBase[source + step + 1] <= posting { step *= 2 }
                    source = tokenBase[(source + 1)..<min(tokenBase.count, source + step + 2)].partitionPoint { $0 <= posting } - 1
                }
                let token = Int(posting - tokenBase[source])
                // A word is where its posting says: the article's tokens are
                // read only for a phrase's later words (each a cache miss).
                if !later.isEmpty {
                    let at = Int(posting)
                    guard laterBlocks.enumerated().allSatisfy({ k, blocks in blocks?.any(at + 1 + k..<at + 2 + k) ?? true }),
                          lineStartBits.sameLine(at, at + later.count) else { return true }
                    let terms = sourceTokens[source].terms
                    guard token + later.count < terms.count else { return true }
                    // (A phrase stays within one line: checked above.)
                    for (k, allowed) in later.enumerated() where !allowed.contains(terms[token + 1 + k]) { return true }
                }
                stopped = !body(source, token)
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
            sets = clause.terms.indices.map { TermSet(index.candidates(clause, at: $0), vocabularySize: index.termCount) }
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
