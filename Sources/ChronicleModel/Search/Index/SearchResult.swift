import Foundation

/// What a search found, in the order the browser shows it: events in
/// timeline order, then article lines in source and line order.
/// `computeRanking()` orders both by BM25 score for the command line.
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

    /// The article lines a search found, in source and line order. A line
    /// is kept as where it starts: its matches and score are worked out by
    /// `computeHit(at:)`, for the rows a frame draws, not for every line a
    /// keystroke finds (that was half of a keystroke's work).
    public struct ArticleHits: Sendable {
        /// Each line as the position of its first token, counted on from
        /// article to article as postings are.
        let linePositions: [Int]
        let scoring: Scoring

        public var count: Int { linePositions.count }
        public var isEmpty: Bool { linePositions.isEmpty }
        public var indices: Range<Int> { linePositions.indices }

        /// The hit of line `position`: its matches found and scored again,
        /// each time it is asked for.
        public func computeHit(at position: Int) -> ArticleHit {
            let index = scoring.index
            let (source, bounds) = index.line(at: linePositions[position])
            var hits = SearchIndex.LineHits(index: index, matchers: scoring.clauses.map(\.matchers))
            // The search found every clause on this line with a match
            // outside the cited passages, so this is never nil; were it, the
            // row would show the line unmarked rather than stop the program.
            return hits.hit(source: source, tokens: bounds, scoring: scoring)
                ?? ArticleHit(sourceID: index.corpus.sources[source].id, line: Int(index.sourceTokens[source].line(at: bounds.lowerBound)),
                              ranges: [], score: 0)
        }

        /// Every line's score, in order, as `computeHit(at:)` scores it, its
        /// ranges not worked out: one `LineHits` for them all.
        func computeScores() -> [Double] {
            let index = scoring.index
            var hits = SearchIndex.LineHits(index: index, matchers: scoring.clauses.map(\.matchers))
            return linePositions.map { start in
                let (source, bounds) = index.line(at: start)
                return hits.score(source: source, tokens: bounds, scoring: scoring) ?? 0
            }
        }

        /// Every hit worked out, in order (the command line's list).
        public func computeAll() -> [ArticleHit] { indices.map(computeHit(at:)) }
    }

    /// What a result needs to highlight and score a hit when asked: the
    /// clauses resolved against the index, and each clause's weight.
    public struct Scoring: Sendable {
        let index: SearchIndex
        let clauses: [(actors: Set<String>, matchers: [SearchIndex.Matcher])]
        /// Each clause's BM25 weight.
        let weights: [Double]

        func score(_ frequencies: [Int], length: Int) -> Double {
            index.ranking.score(frequencies, weights: weights, length: length)
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

    /// Raw byte ranges of every match in an article, in order, merged (nil
    /// when it has none): the whole article is scanned each time.
    public func computeHighlights(inSource sourceID: String) -> [Range<Int>]? {
        let index = scoring.index
        guard !scoring.clauses.isEmpty, let position = index.corpus.sourcePosition(sourceID) else { return nil }
        let tokens = index.sourceTokens[position]
        let ranges = SearchResult.merged(scoring.clauses.flatMap(\.matchers).flatMap {
            index.rawRanges(of: $0, source: position, 0..<tokens.terms.count)
        })
        return ranges.isEmpty ? nil : ranges
    }

    /// Every matching event with its highlights and score, in timeline
    /// order. This works out each one: the browser asks `hit(forEvent:)`
    /// for the rows it draws instead.
    public func computeEventHits() -> [EventHit] {
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
}
