/// Which sources report each event: the matrix of events (rows) by sources
/// (columns) that shows at a glance who cites what, who could have and does
/// not, and who wrote before the event happened.
public struct Coverage: Sendable {
    public enum Mark: String, Sendable, Hashable, CaseIterable {
        /// The source is cited for the event.
        case cited
        /// Published on or after the event (as far as the dates tell), not cited.
        case notCited = "not-cited"
        /// Published before the event could have happened.
        case notYetPublished = "not-yet-published"

        /// One character for the matrix.
        public var symbol: String {
            switch self {
            case .cited: return "●"
            case .notCited: return "○"
            case .notYetPublished: return "·"
            }
        }
    }

    public let corpus: Corpus
    /// `marks[event][source]`, in `corpus.events` and `corpus.sources` order.
    public let marks: [[Mark]]

    public init(_ corpus: Corpus) {
        self.corpus = corpus
        marks = corpus.events.map { event in corpus.sources.map { Self.mark(event, $0) } }
    }

    /// One cell, without building the whole matrix (for large corpora).
    public static func mark(_ event: Event, _ source: Source) -> Mark {
        if event.citations.contains(where: { $0.sourceID == source.id }) { return .cited }
        return publishedBefore(source.published.date, event.date.date) ? .notYetPublished : .notCited
    }

    /// Whether every day the source may have been published lies before
    /// every day the event may have happened: only then is silence expected.
    static func publishedBefore(_ published: PartialDate, _ event: PartialDate) -> Bool {
        guard let latest = published.latestDay, let earliest = event.earliestDay else { return false }
        return latest < earliest
    }

    /// How many events each source cites, in source order.
    public var citedCounts: [Int] {
        corpus.sources.indices.map { column in marks.reduce(0) { $0 + ($1[column] == .cited ? 1 : 0) } }
    }
}
