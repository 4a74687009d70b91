extension SearchIndex {
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
        mutating func matches(source: Int, tokens bounds: Range<Int>, walked: Range<Int>? = nil) -> Bool {
            guard !bounds.isEmpty else { return false }
            let base = Int(index.tokenBase[source])
            for (clause, clauseMatchers) in matchers.enumerated() where !(walked != nil && clause == rarest) {
                let onLine = clauseMatchers.indices.contains { k in
                    if let blocks = blocks[clause][k], !blocks.any(base + bounds.lowerBound..<base + bounds.upperBound) { return false }
                    // A scan of the line: postings are delta-coded, read in order only.
                    return clauseMatchers[k].occurs(in: index.sourceTokens[source], bounds)
                }
                guard onLine else { return false }
            }
            // A match outside every cited passage: the occurrence walked, when
            // one of its words lies outside every passage (the match it is
            // part of is then inside none), or any, when no word of the line
            // is quoted; otherwise the line's matches are worked out.
            if let walked, walked.contains(where: { !index.quotedTokens.contains(base + $0) }) { return true }
            guard index.quotedTokens.any(base + bounds.lowerBound..<base + bounds.upperBound) else { return true }
            return hits.matchesOutside(source: source, tokens: bounds)
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
        mutating func matchesOutside(source: Int, tokens bounds: Range<Int>) -> Bool {
            found.removeAll(keepingCapacity: true)
            frequencies.removeAll(keepingCapacity: true)
            let tokens = index.sourceTokens[source]
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
            let cited = index.citedTokens[source]
            outside.removeAll { range in
                cited.contains { Int($0.lowerBound) <= range.lowerBound && range.upperBound <= Int($0.upperBound) }
            }
            return !outside.isEmpty
        }

        /// The hit a line of an article makes, if every clause is on it and
        /// a match lies outside the cited passages.
        mutating func hit(source: Int, tokens bounds: Range<Int>, scoring: SearchResult.Scoring? = nil) -> SearchResult.ArticleHit? {
            guard matchesOutside(source: source, tokens: bounds) else { return nil }
            var offsets = TokenOffsets(index, source: source)
            return SearchResult.ArticleHit(sourceID: index.corpus.sources[source].id, line: Int(index.sourceTokens[source].line(at: bounds.lowerBound)),
                                           ranges: SearchResult.merged(outside.map { offsets.range(of: $0) }),
                                           score: scoring?.score(frequencies, length: bounds.count) ?? 0)
        }

        /// The score `hit` gives the line, without reading it for ranges.
        mutating func score(source: Int, tokens bounds: Range<Int>, scoring: SearchResult.Scoring) -> Double? {
            matchesOutside(source: source, tokens: bounds) ? scoring.score(frequencies, length: bounds.count) : nil
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
    func rawRanges(of matcher: Matcher, source: Int, _ bounds: Range<Int>) -> [Range<Int>] {
        var offsets = TokenOffsets(self, source: source), found: [Range<Int>] = []
        matcher.forEachMatch(in: sourceTokens[source], bounds) { found.append(offsets.range(of: $0)); return true }
        return found
    }

    /// Each match of `matcher` in an event: `own` with the token positions
    /// of one in its own text, `passage` with one in a cited passage (its
    /// source and token positions). What an event's score counts and its
    /// highlights mark, walked the same way for both.
    func forEachMatch(of matcher: Matcher, inEvent event: Int, own: (Range<Int>) -> Void, passage: (_ source: Int, Range<Int>) -> Void) {
        matcher.forEachMatch(in: eventTokens.tokens, eventTokens.positions(ofEvent: event)) { own($0); return true }
        for cited in eventTokens.passages(ofEvent: event) {
            let source = Int(cited.source)
            matcher.forEachMatch(in: sourceTokens[source], Int(cited.tokens.lowerBound)..<Int(cited.tokens.upperBound)) { passage(source, $0); return true }
        }
    }

    /// An event's score as `eventHit` gives it, without its ranges.
    func eventScore(_ event: Int, scoring: SearchResult.Scoring) -> Double {
        let clauses = scoring.clauses
        guard !clauses.isEmpty else { return 0 }
        let involved = Set(corpus.events[event].actors)
        let frequencies = clauses.map { actors, matchers in
            var frequency = actors.intersection(involved).count
            for matcher in matchers {
                forEachMatch(of: matcher, inEvent: event, own: { _ in frequency += 1 }, passage: { _, _ in frequency += 1 })
            }
            return frequency
        }
        return scoring.score(frequencies, length: eventTokens.positions(ofEvent: event).count)
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
        // A passage's offsets read its lines once, for all its matches.
        var passageOffsets: (source: Int, offsets: TokenOffsets)?
        for (actors, matchers) in clauses {
            var frequency = actors.intersection(involved).count
            for matcher in matchers {
                forEachMatch(of: matcher, inEvent: event, own: { positions in
                    frequency += 1
                    let range = ownOffsets.range(of: positions)
                    switch EventTokenTable.field(ofLine: own.line(at: positions.lowerBound)) {
                    case 0: hit.titleRanges.append(range)
                    case 1: hit.summaryRanges.append(range)
                    default: hit.actorRanges.append(range)
                    }
                }, passage: { source, positions in
                    frequency += 1
                    if passageOffsets?.source != source { passageOffsets = (source, TokenOffsets(self, source: source)) }
                    let range = passageOffsets!.offsets.range(of: positions)
                    hit.passageRanges.append(SearchResult.SourceRange(sourceID: corpus.sources[source].id, range: range))
                })
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
        hit.score = scoring.score(frequencies, length: ownPositions.count)
        return hit
    }
}
