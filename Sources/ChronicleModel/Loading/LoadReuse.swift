import Foundation

/// What an earlier load of the same corpus gave that a new load takes
/// instead of reading and checking again: an article's bytes with their
/// tables (its SHA-256, lines, display), and an events file's events as
/// checked and anchored. The giver vouches that each part's inputs are
/// unchanged (`CorpusCache` does so by stamps and hashes): an article's
/// bytes; for an events file, its bytes, the manifest's and those of every
/// article its events cite. What a load takes is noted, so that the files
/// it stands for are recorded as read.
final class LoadReuse: @unchecked Sendable {
    /// By the article's path, as the manifest names it.
    let articles: [String: Source]
    /// By the events file's name, as the manifest lists it.
    let eventsFiles: [String: AnchoredEventsFile]
    /// The tree the unchanged manifest parsed to, without a message, and
    /// its bytes as the entry keeps them (`ManifestImage`).
    let keptManifest: ManifestImage.Kept?
    private let lock = NSLock()
    private var takenPaths: Set<String> = []

    init(articles: [String: Source], eventsFiles: [String: AnchoredEventsFile], manifest: ManifestImage.Kept? = nil) {
        self.articles = articles
        self.eventsFiles = eventsFiles
        keptManifest = manifest
    }

    func manifest() -> ManifestImage.Kept? {
        guard let keptManifest else { return nil }
        lock.withLock { _ = takenPaths.insert(CorpusLoader.manifestName) }
        return keptManifest
    }

    func article(_ path: String) -> Source? {
        guard let source = articles[path] else { return nil }
        lock.withLock { _ = takenPaths.insert(path) }
        return source
    }

    func eventsFile(_ name: String) -> AnchoredEventsFile? {
        guard let file = eventsFiles[name] else { return nil }
        lock.withLock { _ = takenPaths.insert(name) }
        return file
    }

    /// The paths of every part taken so far.
    var taken: Set<String> { lock.withLock { takenPaths } }
}

/// One events file's events as loading leaves them before they are taken
/// in order (where a repeated id is decided): what the file reported, each
/// event's outcome, and the ids of the sources its events cite, those that
/// anchored or not.
struct AnchoredEventsFile {
    var report: [Diagnostic]
    var outcomes: [CorpusReader.Outcome<Event?>]
    /// Sorted, each once.
    var citedSources: [String]

    static func sources(citedIn outcomes: [CorpusReader.Outcome<PendingEvent>]) -> [String] {
        var ids = Set<String>()
        for outcome in outcomes {
            for citation in outcome.item?.citations ?? [] {
                if let id = citation.sourceID { ids.insert(id) }
            }
        }
        return ids.sorted()
    }
}

extension CorpusLoader {
    /// A load that takes what `reuse` offers and, when `keepingParts`,
    /// gives each events file's anchored events, for the cache to keep.
    static func load(from files: CorpusFiles, maxArticleSize: Int, progress: LoadProgress?, reuse: LoadReuse?, keepingParts: Bool,
                     previewing count: Int, _ preview: (CorpusPreview) -> Void) -> LoadedWithParts {
        let log = DiagnosticLog()
        var loader = CorpusReader(files: files, maxFileSize: maxArticleSize, log: log)
        loader.progress = progress
        loader.reuse = reuse
        loader.keepsParts = keepingParts
        let corpus = loader.run(previewing: count, preview)
        return LoadedWithParts(result: CorpusLoadResult(corpus: corpus, diagnostics: log.items), parts: loader.parts,
                               manifest: loader.manifestImage)
    }
}

/// A load and what the cache keeps of it beside the corpus.
struct LoadedWithParts {
    let result: CorpusLoadResult
    /// Each events file's anchored events, by name.
    let parts: [String: AnchoredEventsFile]
    /// The manifest's tree in bytes (`ManifestImage`), when it is kept.
    let manifest: [UInt8]?
}
