import Foundation

/// What became of the cached search index in one open.
public enum IndexOutcome: Sendable, Equatable {
    /// Read from the cache: nothing was tokenized.
    case read
    /// Built, and written for next time; `reason` says why it was built.
    case built(reason: String)
    /// Built without a cache (none for the corpus, or none could be written).
    case off(reason: String)
}

/// The search index of a corpus, cached beside the corpus's entry as
/// `KEY.index`. It is trusted only for the very entry it was built from
/// (the entry's generation is its parent), and only after its own header
/// and checksums and every offset a query follows are checked; otherwise
/// it is built again and written whole (a temporary file renamed).
public enum IndexCache {
    /// The index of `corpus`, which must be the corpus `entry` came with:
    /// read from the cache when it holds it, built (and written) otherwise.
    public static func index(of corpus: Corpus, entry: CacheEntry?, progress: LoadProgress? = nil, afterArticles: () -> Void = {},
                             notify: (String) -> Void = { _ in }) -> (index: SearchIndex, outcome: IndexOutcome) {
        let (cached, reason) = read(corpus, entry: entry, notify: notify)
        if let cached { return (cached, .read) }
        let index = SearchIndex(corpus, progress: progress, afterArticles: afterArticles)
        return (index, write(index, entry: entry, reason: reason, notify: notify))
    }

    /// The cached index of `corpus`, or nil and why there is none.
    public static func read(_ corpus: Corpus, entry: CacheEntry?, notify: (String) -> Void = { _ in }) -> (SearchIndex?, reason: String) {
        guard let entry else { return (nil, "the corpus has no cache entry") }
        let path = entry.store.path(entry.key, "index")
        do throws(CacheDamage) {
            guard let file = try CacheFile.open(path, kind: IndexImage.kind) else { return (nil, "no index was cached yet") }
            guard file.parent == entry.generation else { return (nil, "the cached index is of an earlier state of the corpus") }
            return (try IndexImage.read(file, corpus: corpus), "")
        } catch where error.isForeign {
            // Its entry, from the same build, was out of date too and has been said.
            return (nil, "the cached index is not this build's (\(error.reason))")
        } catch {
            notify("chronicle: the cached search index (\(path)) cannot be used: \(error.reason); it is built again")
            return (nil, "the cached index was damaged (\(error.reason))")
        }
    }

    /// Writes `index` for `entry`, and says what became of it.
    @discardableResult
    public static func write(_ index: SearchIndex, entry: CacheEntry?, reason: String, notify: (String) -> Void = { _ in }) -> IndexOutcome {
        guard let entry else { return .off(reason: reason) }
        do throws(CacheWriteFailure) {
            try entry.store.write(entry.key, "index") { (writer) throws(CacheWriteFailure) in
                try IndexImage.write(index, into: &writer)
                try writer.finish(generation: UInt64.random(in: 1...UInt64.max), parent: entry.generation, kind: IndexImage.kind)
            }
            return .built(reason: reason)
        } catch {
            let why = "cannot write the search index to the cache in \(entry.store.directory) (\(error.problem)); it is built at each start"
            notify("chronicle: " + why)
            return .off(reason: why)
        }
    }
}
