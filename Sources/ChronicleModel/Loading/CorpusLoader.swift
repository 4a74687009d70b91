import Dispatch
import Foundation

/// The outcome of loading: the corpus (as much of it as could be built) and
/// every problem found. A corpus with errors must not be shown as sourced.
public struct CorpusLoadResult: Sendable {
    public let corpus: Corpus
    public let diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Reads a corpus: `manifest.yaml` (sources, actors), the raw articles and
/// the events files; checks everything and anchors every quote.
/// See docs/corpus-format.md.
public enum CorpusLoader {
    public static let manifestName = "manifest.yaml"
    public static let defaultEventsFile = "events.yaml"
    public static let formatVersion = 1
    /// The largest file of a corpus read unless the caller says otherwise
    /// (`--max-article-size`): 256 MB. A larger one is refused unread; a
    /// corpus larger than memory is for an index on disk, not for reading whole.
    public static let defaultMaxArticleSize = 256 << 20

    static let manifestFields = ["format", "title", "description", "sources", "actors", "events"]

    public static func load(from files: CorpusFiles, maxArticleSize: Int = defaultMaxArticleSize) -> CorpusLoadResult {
        load(from: files, maxArticleSize: maxArticleSize, previewing: 0) { _ in }
    }

    /// Loads the corpus; first, when every event is read and checked and
    /// before the articles are, hands `preview` the first `count` events of
    /// the timeline with their quotes anchored (see `CorpusPreview`). There
    /// is no preview when anything reported by then is an error, or when
    /// `count` is 0. A file larger than `maxArticleSize` bytes (an article,
    /// an events file or the manifest) is refused before it is read.
    /// `progress`, when given, is told what is done as it is.
    public static func load(from files: CorpusFiles, maxArticleSize: Int = defaultMaxArticleSize, progress: LoadProgress? = nil,
                            previewing count: Int, _ preview: (CorpusPreview) -> Void) -> CorpusLoadResult {
        load(from: files, maxArticleSize: maxArticleSize, progress: progress, reuse: nil, keepingParts: false, previewing: count, preview).result
    }

    public static func load(directory path: String) -> CorpusLoadResult {
        load(from: DirectoryCorpusFiles(path: path))
    }
}

/// The work of loading one corpus: what is read so far, and the log every
/// message goes to. Each core works on a copy with a log of its own; see
/// OnePassOrder.swift for how their messages are put back in order.
struct CorpusReader {
    let files: CorpusFiles
    /// The largest file read, in bytes.
    let maxFileSize: Int
    var log: DiagnosticLog
    var sources: [Source] = []
    /// Position of each source in `sources`, so a citation finds its source
    /// in constant time (100,000 citations over 20,000 sources).
    var sourcePositions: [String: Int] = [:]
    var sourceManifestLocations: [String: (file: SourceLocation, changed: Bool)] = [:]
    /// Sources declared but not loaded (their file is missing or unreadable):
    /// citations of them are not reported again as unknown.
    var unloadedSources: Set<String> = []
    var actors: [Actor] = []
    /// The actors' ids, for the check of each event's actors.
    var actorIDSet: Set<String> = []
    /// The first actor of each name and alias, lowercased: a name given to
    /// two actors is reported (300 actors were 45,000 comparisons).
    var actorOfName: [String: String] = [:]
    /// Told what is done, for a progress bar.
    var progress: LoadProgress?
    /// What an earlier load gave that is taken instead of read again.
    var reuse: LoadReuse?
    /// Each events file's anchored outcomes, kept (for the cache) when asked.
    var keepsParts = false
    var parts: [String: AnchoredEventsFile] = [:]
    /// The manifest's tree in bytes, kept (for the cache) when asked and it parsed without a message.
    var manifestImage: [UInt8]?

    init(files: CorpusFiles, maxFileSize: Int, log: DiagnosticLog) {
        self.files = files
        self.maxFileSize = maxFileSize
        self.log = log
    }

    mutating func run(previewing count: Int, _ preview: (CorpusPreview) -> Void) -> Corpus {
        // The manifest's tree lives in this scope only: freed once the
        // articles are read, it leaves room for the events anchored next.
        let title: String?, description: String?
        let eventFileNames: [String]
        let checked: ConcurrentResults<CheckedEventsFile>
        var early: [CheckedEventsFile?]
        do {
            let manifestPath = files.displayPath(CorpusLoader.manifestName)
            let file: YAMLFile
            if let kept = reuse?.manifest() {
                // The tree an unchanged manifest parsed to, from the entry, and kept again for the next.
                file = YAMLFile(path: manifestPath, root: kept.tree)
                if keepsParts { manifestImage = kept.image }
            } else {
                let bytes: [UInt8]
                do {
                    bytes = try files.read(CorpusLoader.manifestName, maxSize: maxFileSize)
                } catch {
                    let about = "a corpus directory holds manifest.yaml, the events file and the articles; see docs/corpus-format.md"
                    log.error(SourceLocation(file: manifestPath), "cannot load the corpus: \(error.isMissing ? "" : "the manifest ")\(error.problem)",
                              hint: error.isMissing ? about : error.hint ?? about)
                    return Corpus(title: nil, description: nil, sources: [], actors: [], events: [])
                }
                let messages = log.items.count
                guard let parsed = YAMLFile(path: manifestPath, bytes: bytes, log: log) else {
                    return Corpus(title: nil, description: nil, sources: [], actors: [], events: [])
                }
                file = parsed
                // Kept as bytes, not as a tree: the tree is freed below as before.
                if keepsParts, log.items.count == messages, let root = parsed.root { manifestImage = ManifestImage.encoded(root) }
            }
            guard let root = file.root,
                  let manifest = YAMLFields(root, in: file, context: "the manifest", allowed: CorpusLoader.manifestFields, log: log)
            else {
                if file.root == nil { log.error(SourceLocation(file: manifestPath), "the manifest is empty", hint: "see docs/corpus-format.md for an example") }
                return Corpus(title: nil, description: nil, sources: [], actors: [], events: [])
            }
            if let format = manifest.string("format"), format != String(CorpusLoader.formatVersion) {
                log.error(manifest.location("format"), "unsupported corpus format \(format)",
                          hint: "this Chronicle reads format \(CorpusLoader.formatVersion)")
            }
            var eventFiles = manifest.strings("events").map { ($0.0, file.location($0.1)) }
            if !manifest.has("events") {
                eventFiles = [(CorpusLoader.defaultEventsFile, SourceLocation(file: manifestPath))]
            }
            title = manifest.string("title")?.copiedAnew
            description = manifest.string("description")?.copiedAnew
            eventFileNames = eventFiles.map(\.0)
            let sourceNodes = manifest.list("sources", required: true)
            progress?.expect(articles: sourceNodes.count, eventsFiles: eventFiles.count)
            // Actors first, as the events name them; their messages are given
            // after the sources', the order of one pass through the manifest.
            let actorReport = setAside {
                for node in manifest.list("actors") { loadActor(node, in: file) }
                checkActorParents(in: file)
            }.1
            // Two threads read, parse and check the events files (alternate
            // files, each file's events on both cores), while the articles are
            // read; their quotes are anchored after, file by file in order.
            // What each reports is given in the order of one pass.
            let producers = 2
            checked = ConcurrentResults<CheckedEventsFile>(count: eventFiles.count)
            // Threads of their own, not the shared pool: a waiting pool thread
            // is one the cores reading articles lack.
            let checker = UncheckedBox(self)
            for first in 0..<producers where first < eventFiles.count {
                Thread { [eventFiles] in
                    for index in stride(from: first, to: eventFiles.count, by: producers) {
                        let (name, location) = eventFiles[index]
                        // Taken from an earlier load: its events wait there.
                        if let earlier = checker.value.reuse?.eventsFile(name) {
                            checker.value.progress?.eventsFileChecked(events: earlier.outcomes.count)
                            checked.put(index, CheckedEventsFile(report: [], outcomes: [], sortKeys: nil))
                            continue
                        }
                        let file = checker.value.checkEventsFile(named: name, listedAt: location)
                        checker.value.progress?.eventsFileChecked(events: file.outcomes.count)
                        checked.put(index, file)
                    }
                }.start()
            }
            // The preview needs every event checked (to know which come first)
            // but only the articles those cite.
            early = Array(repeating: nil, count: eventFiles.count)
            // A load that takes events from an earlier one is quick, and
            // has not the checked events a preview is picked from.
            if count > 0, reuse?.eventsFiles.isEmpty ?? true {
                progress?.begin(.checkingEvents)
                for index in eventFiles.indices { early[index] = checked.take(index) }
                let files = early.map { $0! }
                progress?.begin(.previewing)
                if let made = makePreview(of: files, count: count, sourceNodes: sourceNodes, in: file, manifest: manifest, earlier: actorReport) {
                    preview(made)
                }
            }
            progress?.begin(.readingArticles)
            loadSources(sourceNodes, in: file)
            log.items += actorReport
            progress?.begin(.anchoringQuotes)
        }

        var events: [Event] = []
        // With every file checked (as for a preview), at its size: grown by
        // doubling, the array held a third more and was copied at each step.
        if early.allSatisfy({ $0 != nil }) { events.reserveCapacity(early.reduce(0) { $0 + $1!.outcomes.count }) }
        // Each id's event, by position in `events`, or (from -1 down) the
        // place of one that did not stand: an event knows its id's place,
        // and a location per entry made this table 17 MB at 100,000 events.
        var eventIDs: [String: Int] = [:]
        var placesOfFallen: [SourceLocation] = []
        var lists = Set<[String]>()
        for (index, name) in eventFileNames.enumerated() {
            let checkedFile = early[index].take() ?? checked.take(index)
            let report: [Diagnostic], runs: [[Outcome<Event?>]]
            if let earlier = reuse?.eventsFile(name) {
                (report, runs) = (earlier.report, [earlier.outcomes])
                progress?.quotesAnchored(earlier.outcomes.count)
                if keepsParts { parts[name] = earlier }
            } else {
                (report, runs) = (checkedFile.report, anchorInRuns(checkedFile.outcomes))
                if keepsParts {
                    parts[name] = AnchoredEventsFile(report: report, outcomes: runs.flatMap { $0 },
                                                     citedSources: AnchoredEventsFile.sources(citedIn: checkedFile.outcomes))
                }
            }
            log.items += report
            takeInOrder(runs, isRepeated: { id, location in
                guard let first = eventIDs[id] else { return false }
                let place = first >= 0 ? events[first].location : placesOfFallen[-first - 1]
                log.error(location, "the event id `\(id)` is used twice (first at \(place))", hint: "event ids must be unique: rename one of them")
                return true
            }, accept: { id, location, event in
                if let event {
                    eventIDs[id] = events.count
                    events.append(event.sharingLists(&lists))
                } else {
                    placesOfFallen.append(location)
                    eventIDs[id] = -placesOfFallen.count
                }
            })
        }
        return Corpus(title: title, description: description, sources: sources, actors: actors, events: consume events)
    }
}
