import Foundation

/// How far a load of a corpus has come, for a progress bar drawn by another
/// thread. The loader counts what it finishes (a run of articles, an events
/// file, a run of quotes); a reader takes a `Snapshot` whenever it draws.
/// Nothing is counted while a load comes from a valid cache: a reader that
/// never sees a stage has nothing to show.
public final class LoadProgress: @unchecked Sendable {
    /// What the load is doing, as the loading thread sees it.
    public enum Stage: Sendable, Equatable {
        /// Waiting for every event to be checked, before the preview.
        case checkingEvents
        /// Reading the articles the timeline's first events cite, and anchoring them.
        case previewing
        case readingArticles
        case anchoringQuotes
        case writingCache
        /// Building the search index (never cached): its own whole.
        case indexing

        /// What is shown, before "n of N" when the stage counts: what it
        /// counts is the phrase's last word.
        public var phrase: String {
            switch self {
            case .checkingEvents: return "checking events files"
            case .previewing: return "reading the first events' articles"
            case .readingArticles: return "reading articles"
            case .anchoringQuotes: return "anchoring the quotes of events"
            case .writingCache: return "writing the cache"
            case .indexing: return "indexing articles"
            }
        }
    }

    /// One look at the load.
    public struct Snapshot: Sendable, Equatable {
        /// Nil until the load does any work (a cache hit does none).
        public var stage: Stage?
        /// Why the corpus is read from its files ("there was no cache yet",
        /// "articles/a.txt changed"), when a cache was asked for.
        public var reason: String?
        /// Done and in all, in the stage's own unit (0 of 0: no count).
        public var done = 0
        public var total = 0
        /// Of the whole load, 0 to 1.
        public var fraction = 0.0
        /// Seconds since the load began its work.
        public var elapsed = 0.0
        /// Seconds left, as the pace so far says; nil while too little is
        /// done to tell.
        public var remaining: Double?

        public init(stage: Stage? = nil, done: Int = 0, total: Int = 0, fraction: Double = 0, elapsed: Double = 0, remaining: Double? = nil) {
            self.stage = stage
            self.done = done
            self.total = total
            self.fraction = fraction
            self.elapsed = elapsed
            self.remaining = remaining
        }
    }

    private struct Counts {
        var stage: Stage?
        var reason: String?
        var began: UInt64 = 0
        var articles = 0, articlesTotal = 0
        var eventsFiles = 0, eventsFilesTotal = 0
        var quotes = 0, quotesTotal = 0
        var indexed = 0, indexTotal = 0
    }

    private let lock = NSLock()
    private var counts = Counts()
    private let clock: @Sendable () -> UInt64

    /// `clock`: nanoseconds on a monotonic clock (a test's own).
    public init(clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        self.clock = clock
    }

    // MARK: Counted by the loader

    func begin(_ stage: Stage) {
        let now = clock()
        lock.withLock {
            if counts.stage == nil { counts.began = now }
            counts.stage = stage
        }
    }

    func because(_ reason: String) { lock.withLock { counts.reason = reason } }

    func expect(articles: Int, eventsFiles: Int) {
        lock.withLock {
            counts.articlesTotal = articles
            counts.eventsFilesTotal = eventsFiles
        }
    }

    func articlesRead(_ count: Int) { lock.withLock { counts.articles += count } }

    /// An events file checked, holding `events` events whose quotes are to be anchored.
    func eventsFileChecked(events: Int) {
        lock.withLock {
            counts.eventsFiles += 1
            counts.quotesTotal += events
        }
    }

    func quotesAnchored(_ count: Int) { lock.withLock { counts.quotes += count } }

    /// Indexing counts on its own: a progress given to an index only.
    func beginIndexing(articles: Int) {
        begin(.indexing)
        lock.withLock { counts.indexTotal = articles }
    }

    func articlesIndexed(_ count: Int) { lock.withLock { counts.indexed += count } }

    // MARK: Read by whoever draws

    /// How far the load has come. The whole is weighed by what each part
    /// costs in a profile of a large corpus: the events files (parsed and
    /// checked) about half, the articles (read and hashed) a third, the
    /// quotes the rest; the cache written after counts as done.
    public func snapshot() -> Snapshot {
        let now = clock()
        let counts = lock.withLock { self.counts }
        guard let stage = counts.stage else { return Snapshot() }
        func part(_ done: Int, _ total: Int) -> Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }
        var fraction = 0.45 * part(counts.eventsFiles, counts.eventsFilesTotal) + 0.35 * part(counts.articles, counts.articlesTotal)
            + 0.20 * part(counts.quotes, counts.quotesTotal)
        if counts.eventsFilesTotal == 0 { fraction += 0.45 }
        if counts.articlesTotal == 0 { fraction += 0.35 }
        if stage == .writingCache { fraction = 1 }
        // Tokenizing the articles is most of an index; joining them the rest.
        if stage == .indexing { fraction = 0.9 * part(counts.indexed, counts.indexTotal) }
        var snapshot = Snapshot(stage: stage, fraction: min(1, fraction), elapsed: Double(now &- counts.began) / 1e9)
        snapshot.reason = counts.reason
        switch stage {
        case .checkingEvents: (snapshot.done, snapshot.total) = (counts.eventsFiles, counts.eventsFilesTotal)
        case .readingArticles: (snapshot.done, snapshot.total) = (counts.articles, counts.articlesTotal)
        case .anchoringQuotes: (snapshot.done, snapshot.total) = (counts.quotes, counts.quotesTotal)
        case .indexing: (snapshot.done, snapshot.total) = (min(counts.indexed, counts.indexTotal), counts.indexTotal)
        case .previewing, .writingCache: break
        }
        snapshot.remaining = Self.remaining(fraction: snapshot.fraction, elapsed: snapshot.elapsed)
        return snapshot
    }

    /// Seconds left at the pace so far: none before a twentieth is done or
    /// half a second has gone, when the pace says little.
    public static func remaining(fraction: Double, elapsed: Double) -> Double? {
        guard fraction >= 0.05, elapsed >= 0.5 else { return nil }
        return max(0, elapsed * (1 - fraction) / fraction)
    }
}
