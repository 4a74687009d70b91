import CModelSupport
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

    static let manifestFields = ["format", "title", "description", "sources", "actors", "events"]
    static let sourceFields = ["id", "file", "sha256", "outlet", "title", "byline", "dateline", "agency",
                               "url", "language", "published", "body", "furniture"]
    static let furnitureFields = ["lines", "label"]
    static let actorFields = ["id", "name", "kind", "aliases", "part_of"]
    static let eventsFileFields = ["events"]
    static let eventFields = ["id", "date", "date_basis", "date_inferred", "title", "summary", "actors", "tags",
                              "spine", "citations"]
    static let citationFields = ["source", "quote", "prefix", "suffix", "claims"]
    static let dateFields = ["edtf", "inferred", "basis"]

    public static func load(from files: CorpusFiles) -> CorpusLoadResult {
        load(from: files, previewing: 0) { _ in }
    }

    /// Loads the corpus; first, when every event is read and checked and
    /// before the articles are, hands `preview` the first `count` events of
    /// the timeline with their quotes anchored (see `CorpusPreview`). There
    /// is no preview when anything reported by then is an error, or when
    /// `count` is 0.
    public static func load(from files: CorpusFiles, previewing count: Int,
                            _ preview: (CorpusPreview) -> Void) -> CorpusLoadResult {
        let log = DiagnosticLog()
        var loader = Loading(files: files, log: log)
        let corpus = loader.run(previewing: count, preview)
        // The parse trees and checked events are freed by now, in small
        // pieces spread over every thread's heap; hand those pages back
        // rather than keep them resident under the index built next.
        _ = chronicle_release_free_memory()
        return CorpusLoadResult(corpus: corpus, diagnostics: log.items)
    }

    public static func load(directory path: String) -> CorpusLoadResult {
        load(from: DirectoryCorpusFiles(path: path))
    }
}

struct Loading {
    let files: CorpusFiles
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

    init(files: CorpusFiles, log: DiagnosticLog) {
        self.files = files
        self.log = log
    }

    mutating func run(previewing count: Int, _ preview: (CorpusPreview) -> Void) -> Corpus {
        // The manifest's tree lives in this scope only: freed once the
        // articles are read, it leaves room for the events anchored next.
        let title: String?, description: String?
        let eventFileCount: Int
        let checked: ConcurrentResults<CheckedEventsFile>
        var early: [CheckedEventsFile?]
        do {
            let manifestPath = files.displayPath(CorpusLoader.manifestName)
            let bytes: [UInt8]
            do {
                bytes = try files.read(CorpusLoader.manifestName)
            } catch {
                log.error(SourceLocation(file: manifestPath), "cannot load the corpus: \(error.problem)",
                          hint: "a corpus directory holds manifest.yaml, the events file and the articles; see docs/corpus-format.md")
                return Corpus(title: nil, description: nil, sources: [], actors: [], events: [])
            }
            guard let file = YAMLFile(path: manifestPath, bytes: bytes, log: log) else {
                return Corpus(title: nil, description: nil, sources: [], actors: [], events: [])
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
            eventFileCount = eventFiles.count
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
                        checked.put(index, checker.value.checkEventsFile(named: name, listedAt: location))
                    }
                }.start()
            }
            let sourceNodes = manifest.list("sources", required: true)
            // The preview needs every event checked (to know which come first)
            // but only the articles those cite.
            early = Array(repeating: nil, count: eventFiles.count)
            if count > 0 {
                for index in eventFiles.indices { early[index] = checked.take(index) }
                let files = early.map { $0! }
                if let made = makePreview(of: files, count: count, sourceNodes: sourceNodes, in: file, manifest: manifest, earlier: actorReport) {
                    preview(made)
                }
            }
            loadSources(sourceNodes, in: file)
            log.items += actorReport
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
        for index in 0..<eventFileCount {
            let checkedFile = early[index].take() ?? checked.take(index)
            log.items += checkedFile.report
            takeInOrder(anchorInRuns(checkedFile.outcomes), isRepeated: { id, location in
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

    // MARK: Sources

    /// One source or event as read on its own: what was reported before its
    /// id was known, the id, then what was reported after and what was read.
    /// Whether the id repeats an earlier one is decided in order.
    struct Outcome<Item> {
        var before: [Diagnostic] = []
        var id: (String, SourceLocation)?
        var after: [Diagnostic] = []
        var item: Item?
    }

    /// What reading a source's article gave.
    struct ArticleRead {
        var source: Source?
        var changed = false
        /// The file could not be read (citations of it are not reported again).
        var unreadable = false
    }

    /// Reads `nodes` (sources or events) on both cores, a run of `size` each,
    /// each run into a log of its own; `rest` reads an item once its id is
    /// known. Reading, hashing and anchoring are most of loading.
    func readInRuns<Item>(_ nodes: [Node], of size: Int, in file: YAMLFile, kind: String, allowed: [String],
                          _ rest: @escaping (Loading, YAMLFields, String, String) -> Item) -> [[Outcome<Item>]] {
        let runs = (nodes.count + size - 1) / size
        let outcomes = ConcurrentResults<[Outcome<Item>]>(count: runs)
        let shared = UncheckedBox((self, nodes, file, rest))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var (worker, nodes, file, rest) = shared.value
            worker.log = DiagnosticLog()
            outcomes.put(run, nodes[(run * size)..<min(nodes.count, (run + 1) * size)].map { node in
                worker.readItem(node, in: file, kind: kind, allowed: allowed) { rest(worker, $0, $1, $2) }
            })
        }
        return (0..<runs).map { outcomes.take($0) }
    }

    func readItem<Item>(_ node: Node, in file: YAMLFile, kind: String, allowed: [String],
                        _ rest: (YAMLFields, String, String) -> Item) -> Outcome<Item> {
        var outcome = Outcome<Item>()
        let context = Self.context(of: node, in: file, kind: kind)
        let (read, before) = setAside { () -> (YAMLFields, String)? in
            guard let fields = YAMLFields(node, in: file, context: context, allowed: allowed, log: log),
                  let id = fields.string("id", required: true) else { return nil }
            checkSlug(id, at: fields.location("id"), what: "\(kind) id")
            return (fields, id)
        }
        outcome.before = before
        guard let (fields, id) = read else { return outcome }
        outcome.id = (id, fields.location("id"))
        (outcome.item, outcome.after) = setAside { rest(fields, id, context) }
        return outcome
    }

    /// Takes outcomes in order, so that messages and the choice between two
    /// items with one id are those of one pass: `isRepeated` reports a repeated
    /// id (the item is then dropped with what it reported), `accept` keeps it.
    func takeInOrder<Item>(_ runs: [[Outcome<Item>]], isRepeated: (String, SourceLocation) -> Bool,
                           accept: (String, SourceLocation, Item) -> Void) {
        for run in runs {
            for outcome in run {
                log.items += outcome.before
                guard let (id, location) = outcome.id, let item = outcome.item else { continue }
                if isRepeated(id, location) { continue }
                log.items += outcome.after
                accept(id, location, item)
            }
        }
    }

    mutating func loadSources(_ nodes: [Node], in file: YAMLFile) {
        let outcomes = readInRuns(nodes, of: 32, in: file, kind: "source", allowed: CorpusLoader.sourceFields) { loader, fields, id, context in
            loader.loadArticle(fields, id: id, context: context, in: file)
        }
        var read: [(String, SourceLocation, ArticleRead)] = []
        // A source's id is taken once its article is (as in one pass in order).
        var taken = Set(sourcePositions.keys)
        takeInOrder(outcomes, isRepeated: { id, location in
            guard taken.contains(id) else { return false }
            log.error(location, "the source id `\(id)` is used twice", hint: "give each source its own id")
            return true
        }, accept: { id, location, article in
            if article.source != nil { taken.insert(id) }
            read.append((id, location, article))
        })
        for (id, location, article) in read {
            if article.unreadable { unloadedSources.insert(id) }
            guard let source = article.source else { continue }
            add(source, listedAt: location, changed: article.changed)
        }
    }

    /// A source read, for citations to find.
    mutating func add(_ source: Source, listedAt location: SourceLocation, changed: Bool) {
        sourceManifestLocations[source.id] = (location, changed)
        sourcePositions[source.id] = sources.count
        sources.append(source)
    }

    /// The rest of a source, once its id is known: its article, read and checked.
    func loadArticle(_ named: YAMLFields, id: String, context: String, in file: YAMLFile) -> ArticleRead {
        var outcome = ArticleRead()
        guard let path = named.string("file", required: true) else { return outcome }
        let outlet = named.string("outlet", required: true) ?? "?"
        let published = datedValue(named, key: "published", required: true) ?? DatedValue(date: try! PartialDate(parsing: "0000"), inferred: true)
        let raw: [UInt8]
        do {
            raw = try files.read(path)
        } catch {
            log.error(named.location("file"), "\(context): the article file \(error.path) \(error.problem)", hint: error.hint)
            outcome.unreadable = true
            return outcome
        }
        let lines = LineIndex(raw), lineCount = lines.lineCount
        var body: [ClosedRange<Int>] = []
        for (text, item) in named.strings("body") {
            if let range = lineRange(text, at: file.location(item), lineCount: lineCount, context: context) { body.append(range) }
        }
        var furniture: [Source.Furniture] = []
        for item in named.list("furniture") {
            guard let piece = YAMLFields(item, in: file, context: "furniture of \(context)", allowed: CorpusLoader.furnitureFields, log: log),
                  let text = piece.string("lines", required: true),
                  let range = lineRange(text, at: piece.location("lines"), lineCount: lineCount, context: context) else { continue }
            furniture.append(.init(lines: range, label: piece.string("label")))
        }
        // The strings a source keeps are copied out of the manifest's tree:
        // each was allocated among the tree's nodes, and kept, it held their
        // page resident once the tree was freed (27 MB at 20,000 sources).
        func kept(_ text: String?) -> String? { text?.copiedAnew }
        let source = Source(id: id.copiedAnew, file: path.copiedAnew, outlet: outlet.copiedAnew, title: kept(named.string("title")),
                            byline: kept(named.string("byline")), dateline: kept(named.string("dateline")),
                            agency: kept(named.string("agency")), url: kept(named.string("url")), language: kept(named.string("language")),
                            published: DatedValue(date: published.date, inferred: published.inferred, basis: kept(published.basis)),
                            raw: raw, lines: lines, body: body.isEmpty ? nil : body,
                            furniture: furniture.map { .init(lines: $0.lines, label: kept($0.label)) })
        if let pinned = named.string("sha256") {
            if pinned.lowercased() != source.sha256 {
                outcome.changed = true
                log.warning(named.location("sha256"),
                            "\(context): \(files.displayPath(path)) has changed since it was pinned (sha256 is \(source.sha256), the manifest says \(pinned)); its quotes are checked again below",
                            hint: "if the change is intended, set `sha256: \(source.sha256)`")
            }
        } else {
            log.warning(named.location("id"), "\(context) pins no sha256, so a change to \(path) would go unnoticed",
                        hint: "add `sha256: \(source.sha256)`")
        }
        if source.quotableRanges.isEmpty {
            log.warning(named.location("body"), "\(context) has no article text left to quote (its body is all furniture)")
        }
        outcome.source = source
        return outcome
    }

    func lineRange(_ text: String, at location: SourceLocation, lineCount: Int, context: String) -> ClosedRange<Int>? {
        // Digits, a dash and spaces only (every range, nearly): read as bytes.
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).map { part -> Int? in
            let digits = part.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let range: ClosedRange<Int>?
        switch parts.count {
        case 1: range = parts[0].map { $0...$0 }
        case 2: range = parts[0].flatMap { a in parts[1].flatMap { b in a <= b ? a...b : nil } }
        default: range = nil
        }
        guard let range, range.lowerBound >= 1 else {
            log.error(location, "\(context): \"\(text)\" is not a line range", hint: "write `12` or `9-27`: 1-based line numbers, first ≤ last")
            return nil
        }
        guard range.upperBound <= lineCount else {
            log.error(location, "\(context): lines \(text) run past the end of the article, which has \(lineCount) line\(lineCount == 1 ? "" : "s")")
            return nil
        }
        return range
    }

    // MARK: Actors

    mutating func loadActor(_ node: Node, in file: YAMLFile) {
        guard let fields = YAMLFields(node, in: file, context: "an actor", allowed: CorpusLoader.actorFields, log: log),
              let id = fields.string("id", required: true) else { return }
        checkSlug(id, at: fields.location("id"), what: "actor id")
        guard !actorIDSet.contains(id) else {
            log.error(fields.location("id"), "the actor id `\(id)` is used twice", hint: "give each actor its own id, or merge the two")
            return
        }
        let name = fields.string("name", required: true) ?? id
        let aliases = fields.strings("aliases").map(\.0)
        actors.append(Actor(id: id, name: name, kind: fields.string("kind"), aliases: aliases, partOf: fields.string("part_of")))
        actorIDSet.insert(id)
        for alias in aliases {
            if let other = actorOfName[alias.lowercased()] {
                log.warning(fields.location("aliases"), "the name \"\(alias)\" belongs to both `\(other)` and `\(id)`",
                            hint: "a search for it will find both; keep it on one actor if they are not the same")
            }
        }
        for name in [name] + aliases where actorOfName[name.lowercased()] == nil { actorOfName[name.lowercased()] = id }
    }

    func checkActorParents(in file: YAMLFile) {
        let ids = Set(actors.map(\.id))
        for actor in actors {
            if let parent = actor.partOf, !ids.contains(parent) {
                log.error(SourceLocation(file: file.path), "actor `\(actor.id)` is part_of `\(parent)`, which is not an actor",
                          hint: "add an actor with id `\(parent)`, or fix the id")
            }
        }
    }

    // MARK: Events

    /// Reads, parses and checks one events file, on a thread of its own
    /// (this loader is a copy with the actors and no articles): what the
    /// file reports, then each event's outcome, not yet anchored.
    func checkEventsFile(named name: String, listedAt: SourceLocation) -> CheckedEventsFile {
        var worker = self
        worker.log = DiagnosticLog()
        let bytes: [UInt8]
        do {
            bytes = try files.read(name)
        } catch {
            worker.log.error(listedAt, "cannot read the events file \(error.path): \(error.problem)", hint: error.hint ?? "create \(name), or list the right file under `events:`")
            return CheckedEventsFile(report: worker.log.items, outcomes: [], sortKeys: nil)
        }
        guard let file = YAMLFile(path: files.displayPath(name), bytes: bytes, log: worker.log),
              let items = worker.eventItems(in: file) else {
            return CheckedEventsFile(report: worker.log.items, outcomes: [], sortKeys: nil)
        }
        let report = worker.log.items
        let runs = worker.readInRuns(items, of: 256, in: file, kind: "event", allowed: CorpusLoader.eventFields) { loader, fields, id, context in
            loader.checkEvent(fields, id: id, context: context, in: file)
        }
        var checked = CheckedEventsFile(report: report, outcomes: runs.flatMap { $0 })
        // For a preview: the dates' keys, while nothing reported is an error.
        var keys: [PartialDate.SortKey]? = report.hasErrors ? nil : []
        for outcome in checked.outcomes where keys != nil {
            guard !outcome.before.hasErrors, !outcome.after.hasErrors, let date = outcome.item?.date, outcome.item?.title != nil,
                  outcome.item?.citations.allSatisfy({ !$0.head.hasErrors && !$0.quoteReport.hasErrors && !$0.claimsReport.hasErrors }) == true
            else { keys = nil; break }
            keys!.append(date.date.sortKey)
        }
        checked.sortKeys = keys
        return checked
    }

    /// The events of a parsed events file: a list, or a mapping with `events:`.
    func eventItems(in file: YAMLFile) -> [Node]? {
        guard let root = file.root else { return nil }
        if case .sequence(let sequence) = root { return Array(sequence) }
        guard let top = YAMLFields(root, in: file, context: "the events file", allowed: CorpusLoader.eventsFileFields, log: log) else { return nil }
        return top.list("events", required: true)
    }

    /// Runs `body` and takes what it reports out of the log, to be given
    /// later where one pass would have reported it.
    func setAside<Value>(_ body: () -> Value) -> (Value, [Diagnostic]) {
        let mark = log.items.count
        let value = body()
        let report = Array(log.items[mark...])
        log.items.removeSubrange(mark...)
        return (value, report)
    }

    /// The rest of an event, once its id is known: every field checked but
    /// its quotes, which wait for the articles.
    func checkEvent(_ fields: YAMLFields, id: String, context: String, in file: YAMLFile) -> PendingEvent {
        let title = fields.string("title", required: true)
        var date = datedValue(fields, key: "date", required: true)
        if let value = date {
            let inferred = fields.bool("date_inferred") ?? value.inferred
            date = DatedValue(date: value.date, inferred: inferred, basis: fields.string("date_basis") ?? value.basis)
        }
        var actorIDs: [String] = []
        for (actorID, item) in fields.strings("actors") {
            if actorIDSet.contains(actorID) {
                actorIDs.append(actorID)
            } else {
                let named = actors.first { $0.names.contains { $0.lowercased() == actorID.lowercased() } }
                log.error(file.location(item), "\(context) names an unknown actor `\(actorID)`",
                          hint: named.map { "use the actor's id: `\($0.id)`" } ?? "add it under `actors:` in manifest.yaml, or fix the id")
            }
        }
        let citationNodes = fields.list("citations")
        if citationNodes.isEmpty {
            log.error(fields.location("citations"), "\(context) has no citations: every event must cite at least one passage",
                      hint: "add `citations:` with `- source: ID` and `quote: exact words from the article`")
        }
        let citations = citationNodes.map { checkCitation($0, in: file, eventContext: context) }
        // Read now, reported only for an event that stands, as one pass did.
        let (rest, tailReport) = setAside { (fields.string("summary"), fields.strings("tags").map(\.0), fields.bool("spine") ?? false) }
        return PendingEvent(id: id, location: fields.location("id"), context: context, title: title, date: date,
                            actors: actorIDs, citations: citations, summary: rest.0, tags: rest.1, spine: rest.2, tailReport: tailReport)
    }

    func checkCitation(_ node: Node, in file: YAMLFile, eventContext: String) -> PendingCitation {
        var citation = PendingCitation(location: file.location(node))
        let (read, head) = setAside { () -> YAMLFields? in
            guard let fields = YAMLFields(node, in: file, context: "a citation of \(eventContext)", allowed: CorpusLoader.citationFields, log: log),
                  let sourceID = fields.string("source", required: true) else { return nil }
            citation.sourceID = sourceID
            citation.sourceLocation = fields.location("source")
            return fields
        }
        citation.head = head
        guard let fields = read else { return citation }
        citation.hasQuote = fields.has("quote")
        guard citation.hasQuote else { return citation }
        citation.quoteReport = setAside {
            // prefix and suffix are read only after a quote that is text.
            guard let exact = fields.string("quote") else { return }
            citation.exact = exact
            citation.prefix = fields.string("prefix")
            citation.suffix = fields.string("suffix")
        }.1
        citation.location = fields.location("quote")
        if citation.exact != nil {
            citation.claimsReport = setAside {
                citation.claims = fields.texts("claims").map { Citation.Claim(name: $0.name, value: $0.value) }
            }.1
        }
        return citation
    }

    /// Anchors the quotes of checked events on both cores, a run of 256
    /// each; what anchoring reports follows what checking did.
    func anchorInRuns(_ checked: [Outcome<PendingEvent>]) -> [[Outcome<Event?>]] {
        let size = 256
        let runs = (checked.count + size - 1) / size
        let outcomes = ConcurrentResults<[Outcome<Event?>]>(count: runs)
        let shared = UncheckedBox((self, checked))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var (worker, checked) = shared.value
            worker.log = DiagnosticLog()
            outcomes.put(run, checked[(run * size)..<min(checked.count, (run + 1) * size)].map { outcome in
                var anchored = Outcome<Event?>(before: outcome.before, id: outcome.id, after: outcome.after)
                if let pending = outcome.item {
                    let (event, report) = worker.setAside { worker.anchor(pending) }
                    anchored.item = event
                    anchored.after += report
                }
                return anchored
            })
        }
        return (0..<runs).map { outcomes.take($0) }
    }

    /// The event with its quotes anchored, or nil when it does not stand;
    /// gives what checking set aside, in the order of one pass.
    func anchor(_ pending: PendingEvent) -> Event? {
        let citations = pending.citations.compactMap { anchorCitation($0, eventContext: pending.context) }
        guard let title = pending.title, let date = pending.date, citations.count == pending.citations.count, !citations.isEmpty else { return nil }
        log.items += pending.tailReport
        return Event(id: pending.id, date: date, title: title, summary: pending.summary, actors: pending.actors,
                     tags: pending.tags, spine: pending.spine, citations: citations, location: pending.location)
    }

    func anchorCitation(_ pending: PendingCitation, eventContext: String) -> Citation? {
        log.items += pending.head
        guard let sourceID = pending.sourceID else { return nil }
        guard let source = sourcePositions[sourceID].map({ sources[$0] }) else {
            // Its file could not be read: that error is already reported.
            if unloadedSources.contains(sourceID) { return nil }
            let known = sources.map(\.id)
            let guess = YAMLFields.closest(to: sourceID, in: known).map { "did you mean `\($0)`? " } ?? ""
            log.error(pending.sourceLocation, "\(eventContext) cites an unknown source `\(sourceID)`",
                      hint: "\(guess)the sources in manifest.yaml are: \(known.joined(separator: ", "))")
            return nil
        }
        guard pending.hasQuote else {
            log.error(pending.sourceLocation, "a citation of \(eventContext) has no `quote`",
                      hint: "add `quote:` with the exact words from \(source.file)")
            return nil
        }
        log.items += pending.quoteReport
        guard let exact = pending.exact else { return nil }
        let location = pending.location
        // Only messages show it: not built for the 100,000 quotes that resolve.
        var shown: String { Self.abbreviate(exact) }
        var where_: String { "source `\(sourceID)` (\(source.file))" }
        let changed = sourceManifestLocations[sourceID]?.changed ?? false
        let prefix = pending.prefix, suffix = pending.suffix
        switch QuoteAnchor.resolve(exact: exact, prefix: prefix, suffix: suffix, in: source) {
        case .empty:
            log.error(location, "\(eventContext) has an empty quote", hint: "quote the words of \(source.file) that support the event")
            return nil
        case .notFound(let elsewhere, let nearMiss):
            var hint = "copy the words exactly from the article body; markup such as <u> is left out of quotes"
            if let line = elsewhere.first {
                let part = source.furniture(atLine: line).map { "in page furniture (\($0.label ?? "lines \($0.lines)"))" } ?? "outside the article body"
                hint = "it occurs on line \(line), \(part): quote the article text instead, or correct `body`/`furniture` in manifest.yaml"
            } else if let line = nearMiss {
                hint = "line \(line) has these words with other capitals, quote marks, dashes or spaces: copy them exactly"
            }
            if prefix != nil || suffix != nil, elsewhere.isEmpty, nearMiss == nil,
               case .resolved = QuoteAnchor.resolve(exact: exact, in: source) {
                hint = "the quote is there, but not with this prefix/suffix: they must be the text right before/after it"
            }
            log.error(location, "\(eventContext): quote not found in \(where_)\(changed ? ", which has changed since it was pinned" : ""): \"\(shown)\"", hint: hint)
            return nil
        case .ambiguous(let lines):
            log.error(location, "\(eventContext): quote found \(lines.count) times in \(where_), on lines \(lines.map(String.init).joined(separator: ", ")): \"\(shown)\"",
                      hint: "add `prefix:` (the words just before) or `suffix:` (just after) to pick one, or quote more words")
            return nil
        case .resolved(let range, let line, let endLine):
            if changed {
                log.warning(location, "\(eventContext): re-anchored in the changed \(source.file): the quote is still found, now at line \(line) (bytes \(range.lowerBound)–\(range.upperBound))")
            }
            log.items += pending.claimsReport
            let passage = Passage(sourceID: sourceID, exact: exact, prefix: prefix, suffix: suffix, range: range, line: line, endLine: endLine)
            return Citation(passage: passage, location: location, claims: pending.claims)
        }
    }

    // MARK: Preview

    /// The first `count` events of the timeline with their quotes anchored,
    /// reading only the articles they cite; nil when anything reported so
    /// far is an error (the corpus will be refused) or one of them does not
    /// anchor.
    func makePreview(of checked: [CheckedEventsFile], count: Int, sourceNodes: [Node], in file: YAMLFile,
                     manifest: YAMLFields, earlier: [Diagnostic]) -> CorpusPreview? {
        guard !log.items.hasErrors, !earlier.hasErrors else { return nil }
        // Where each event is (file, outcome) and its date's key.
        guard checked.allSatisfy({ $0.sortKeys != nil }) else { return nil }
        var places: [(file: Int, outcome: Int)] = []
        var keys: [PartialDate.SortKey] = []
        for (fileIndex, file) in checked.enumerated() {
            places += file.outcomes.indices.map { (fileIndex, $0) }
            keys += file.sortKeys!
        }
        func event(_ place: (file: Int, outcome: Int)) -> PendingEvent { checked[place.file].outcomes[place.outcome].item! }
        // The first `count` in the timeline's order (as Corpus sorts: by
        // date, then as written), kept sorted as they are met rather than
        // sorting all 100,000: once it is full, most events are not earlier
        // than its last.
        func precedes(_ a: Int, _ b: Int) -> Bool { Corpus.precedes(a, b, keys) }
        var firstPlaces: [Int] = []
        firstPlaces.reserveCapacity(count + 1)
        for index in places.indices where firstPlaces.count < count || precedes(index, firstPlaces[firstPlaces.count - 1]) {
            firstPlaces.insert(index, at: firstPlaces.partitionPoint { precedes($0, index) })
            if firstPlaces.count > count { firstPlaces.removeLast() }
        }
        let first = firstPlaces.map { event(places[$0]) }
        let cited = Set(first.flatMap { $0.citations.compactMap(\.sourceID) })

        var worker = self
        worker.log = DiagnosticLog()
        for node in sourceNodes {
            guard case .mapping(let mapping) = node, let idNode = mapping["id"], case .scalar(let id) = idNode,
                  cited.contains(id.string), worker.sourcePositions[id.string] == nil else { continue }
            let reader = worker
            let outcome = reader.readItem(node, in: file, kind: "source", allowed: CorpusLoader.sourceFields) { fields, id, context in
                reader.loadArticle(fields, id: id, context: context, in: file)
            }
            guard !outcome.before.hasErrors, !outcome.after.hasErrors, let (_, location) = outcome.id,
                  let article = outcome.item, let source = article.source else { return nil }
            worker.add(source, listedAt: location, changed: article.changed)
        }
        let events = first.compactMap { worker.anchor($0) }
        guard events.count == first.count, !worker.log.items.hasErrors else { return nil }
        return CorpusPreview(corpus: Corpus(title: manifest.string("title"), description: manifest.string("description"),
                                            sources: worker.sources, actors: actors, events: events),
                             eventCount: places.count, sourceCount: sourceNodes.count,
                             dates: places.map { event($0).date! })
    }

    // MARK: Shared checks

    func datedValue(_ fields: YAMLFields, key: String, required: Bool) -> DatedValue? {
        guard let node = fields.values[key], !YAMLFields.isNull(node) else {
            if required { _ = fields.string(key, required: true) }
            return nil
        }
        if case .mapping = node {
            guard let sub = YAMLFields(node, in: fields.file, context: "`\(key)` of \(fields.context)", allowed: CorpusLoader.dateFields, log: log),
                  let text = sub.string("edtf", required: true) else { return nil }
            guard let date = parseDate(text, at: sub.location("edtf"), context: fields.context) else { return nil }
            return DatedValue(date: date, inferred: sub.bool("inferred") ?? false, basis: sub.string("basis"))
        }
        guard let text = fields.string(key) else { return nil }
        return parseDate(text, at: fields.location(key), context: fields.context).map { DatedValue(date: $0) }
    }

    func parseDate(_ text: String, at location: SourceLocation, context: String) -> PartialDate? {
        do {
            return try PartialDate(parsing: text)
        } catch {
            log.error(location, "\(context): \(error.text.isEmpty ? "the date is empty" : "the date \"\(error.text)\" is invalid: \(error.problem)")",
                      hint: "write an EDTF date: 2003, 2024-03, 2024-07-04, 198X (a decade), 1979/1989 (an interval), /2024-10-04 (by that date)")
            return nil
        }
    }

    func checkSlug(_ id: String, at location: SourceLocation, what: String) {
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
        if !allowed || id.hasPrefix("-") {
            log.error(location, "the \(what) `\(id)` is not a readable slug",
                      hint: "use lowercase letters, digits and hyphens, such as `supreme-court-delists-taliban`")
        }
    }

    /// "event `x`" when the mapping has an id, so every message names its subject.
    static func context(of node: Node, in file: YAMLFile, kind: String) -> String {
        if case .mapping(let mapping) = node, let id = mapping["id"], case .scalar(let scalar) = id, !scalar.string.isEmpty {
            return "\(kind) `\(scalar.string)`"
        }
        return kind == "event" ? "an event" : "a \(kind)"
    }

    static func abbreviate(_ text: String) -> String {
        // Not Foundation's replacingOccurrences: it can trap on text holding NULs.
        let flat = String(text.map { $0 == "\n" ? " " : $0 })
        return flat.count > 90 ? String(flat.prefix(87)) + "…" : flat
    }
}

/// An event read and checked but for its quotes, which need the articles.
/// What its citations and last fields reported is set aside, to be given
/// when it is anchored, where one pass would have given it.
struct PendingEvent {
    var id: String
    var location: SourceLocation
    var context: String
    var title: String?
    var date: DatedValue?
    var actors: [String]
    var citations: [PendingCitation]
    var summary: String?
    var tags: [String]
    var spine: Bool
    /// Reading summary, tags and spine: given only for an event that stands.
    var tailReport: [Diagnostic]
}

struct PendingCitation {
    /// Reading the citation and its `source`; nothing more is given without one.
    var head: [Diagnostic] = []
    var sourceID: String?
    var sourceLocation: SourceLocation
    var hasQuote = false
    /// Reading `quote`, then `prefix` and `suffix`.
    var quoteReport: [Diagnostic] = []
    var exact: String?
    var prefix: String?
    var suffix: String?
    var location: SourceLocation
    var claims: [Citation.Claim] = []
    /// Reading `claims`: given once the quote anchors.
    var claimsReport: [Diagnostic] = []

    init(location: SourceLocation) {
        self.sourceLocation = location
        self.location = location
    }
}

/// One events file as its thread checked it.
struct CheckedEventsFile {
    var report: [Diagnostic]
    var outcomes: [Loading.Outcome<PendingEvent>]
    /// Each event's date key, for the preview; nil when the file reported an error.
    var sortKeys: [PartialDate.SortKey]?
}

/// Hands the loader, the manifest's nodes and its file to the cores that
/// read the articles: each works on its own copy with its own log, and only
/// reads what is shared.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension Event {
    /// The event with its lists of actors and tags replaced by equal ones
    /// already in `lists`, or added to it: events share a handful of tag
    /// lists, and each kept its own array (6 MB at 100,000 events).
    func sharingLists(_ lists: inout Set<[String]>) -> Event {
        func shared(_ list: [String]) -> [String] {
            guard !list.isEmpty else { return list }
            return lists.insert(list).memberAfterInsert
        }
        return Event(id: id, date: date, title: title, summary: summary, actors: shared(actors), tags: shared(tags),
                     spine: spine, citations: citations, location: location)
    }
}

extension String {
    /// The same text in an allocation made now (a string of up to 15 bytes
    /// is held inline and has none): one kept from a parse tree stays where
    /// the tree's nodes were, and holds their page after they are freed.
    var copiedAnew: String {
        let count = utf8.count
        guard count > 15 else { return self }
        return String(unsafeUninitializedCapacity: count) { buffer in
            _ = buffer.initialize(from: utf8)
            return count
        }
    }
}
