/// The first events of a corpus's timeline, each with every quote anchored
/// in its article, read before the rest of the articles: what a first
/// screen can show, all of it sourced, while the rest is still checked.
///
/// Given only when nothing reported by then is an error. The rest of the
/// corpus may still turn out to have errors; the whole load says so, and a
/// corpus with errors is refused, as ever. A valid cache gives one too,
/// from the few parts of its entry a first screen needs, while the rest of
/// the entry is read.
public struct CorpusPreview: Sendable {
    /// The title, description and actors, the first events of the timeline,
    /// and only the sources those cite.
    public let corpus: Corpus
    /// Events in the whole corpus, as read so far.
    public let eventCount: Int
    /// Sources the manifest lists.
    public let sourceCount: Int
    /// Every event's date, as written (not in timeline order; from the
    /// cache, each date once): what a date column's width is measured over.
    public let dates: [DatedValue]
    /// Whether it comes from the cache (the rest is being read from the
    /// entry) or from the files (the rest is being read and checked).
    public var fromCache = false
}
