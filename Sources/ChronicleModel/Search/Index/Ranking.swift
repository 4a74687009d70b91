import Foundation

/// How hits are ranked, all in one place: BM25 over units that are events
/// (their own title, summary and actors) and indexed article lines, each
/// clause of the query counted as one term. A match in an event's cited
/// passages adds to its term frequency without its quotes lengthening it.
struct BM25: Sendable {
    static let k1 = 1.2, b = 0.75

    /// Events and indexed article lines.
    let units: Double
    /// The units' average length in tokens.
    let averageLength: Double

    init(units: Int, totalLength: Int) {
        self.units = Double(units)
        averageLength = units == 0 ? 1 : max(1, Double(totalLength) / Double(units))
    }

    /// A clause's weight (its inverse document frequency). Its document
    /// frequency is taken as its events plus its occurrences in articles:
    /// counting the lines it is on would mean visiting them all.
    func weight(events: Int, occurrences: Int) -> Double {
        let n = min(units, Double(events + occurrences))
        return log(1 + (units - n + 0.5) / (n + 0.5))
    }

    /// The score of a unit `length` tokens long in which clause k matched
    /// `frequencies[k]` times.
    func score(_ frequencies: [Int], weights: [Double], length: Int) -> Double {
        zip(frequencies, weights).reduce(0) { total, pair in
            let tf = Double(pair.0)
            return total + pair.1 * tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * Double(length) / averageLength))
        }
    }
}

extension SearchResult {
    /// An event or an article line, with its score.
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

    /// Events and article lines together, best first; ties keep timeline
    /// order. Works out every hit (the command line's answer, not a frame's).
    public func computeRanking() -> [Ranked] { computeRanking(top: .max).hits }

    /// The best `limit` of them, worked out, and how many there are in
    /// all. Every hit is scored from its tokens alone; only those returned
    /// have their lines read again for their ranges, where a common word
    /// has a line of nearly every article.
    public func computeRanking(top limit: Int) -> (hits: [Ranked], total: Int) {
        let index = scoring.index
        // Events first, in timeline order, then lines: ties keep that order.
        var scored = matchingEvents.enumerated().map { (score: index.eventScore($0.element, scoring: scoring), order: $0.offset) }
        scored += articleHits.computeScores().enumerated().map { (score: $0.element, order: matchingEvents.count + $0.offset) }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        let hits = scored.prefix(limit).map { item in
            item.order < matchingEvents.count
                ? Ranked.event(index.eventHit(matchingEvents[item.order], scoring: scoring))
                : Ranked.article(articleHits.computeHit(at: item.order - matchingEvents.count))
        }
        return (hits, scored.count)
    }
}
