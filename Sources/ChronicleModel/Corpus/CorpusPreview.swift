/// The first events of a corpus's timeline, each with every quote anchored
/// in its article, read before the rest of the articles: what a first
/// screen can show, all of it sourced, while the rest is still checked.
///
/// Given only when nothing reported by then is an error. The rest of the
/// corpus may still turn out to have errors; the whole load says so, and a
/// corpus with errors is refused, as ever.
public struct CorpusPreview: Sendable {
    /// The title, description and actors, the first events of the timeline,
    /// and only the sources those cite.
    public let corpus: Corpus
    /// Events in the whole corpus, as read so far.
    public let eventCount: Int
    /// Sources the manifest lists.
    public let sourceCount: Int
    /// Every event's date, as written (not in timeline order): what a date
    /// column's width is measured over.
    public let dates: [DatedValue]
}
